package dev.clusterctl.expect;

/**
 * The outcome of a simulated query (<a href="https://www.rfc-editor.org/rfc/rfc2308">RFC 2308</a> terms).
 * Deliberately not {@link dev.clusterctl.dns.Status}: a simulation has no transport failures, and it
 * has an outcome no real response has ({@link #NOT_IN_CLUSTER_ZONE}), which doctor's reports name.
 */
public enum Rcode {
  /** Records of the asked type exist. */
  NOERROR,
  /** The name exists but has no records of the asked type. */
  NODATA,
  /** The name does not exist. */
  NXDOMAIN,
  /** The name is outside CoreDNS's cluster zones: forwarded upstream, where it is assumed not to exist. */
  NOT_IN_CLUSTER_ZONE
}
