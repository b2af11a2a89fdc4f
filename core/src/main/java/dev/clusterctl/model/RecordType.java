package dev.clusterctl.model;

/** The DNS record type a discovery strategy queries. */
public enum RecordType {
  /** IPv4 addresses (<a href="https://www.rfc-editor.org/rfc/rfc1035">RFC 1035</a>). */
  A,
  /** IPv6 addresses (<a href="https://www.rfc-editor.org/rfc/rfc3596">RFC 3596</a>). */
  AAAA,
  /** Service records (<a href="https://www.rfc-editor.org/rfc/rfc2782">RFC 2782</a>). */
  SRV
}
