package dev.clusterctl.dns;

import java.util.Locale;

/**
 * What one question to one server came to: a DNS response code
 * (<a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1.1">RFC 1035 4.1.1</a>), split into
 * records and NODATA (<a href="https://www.rfc-editor.org/rfc/rfc2308#section-2.2">RFC 2308</a>),
 * or the reason no usable response arrived.
 */
public enum Status {
  /** NOERROR with at least one record of the asked type. */
  NOERROR(true),
  /** NOERROR without a record of the asked type: the name exists, the type does not (NODATA). */
  NODATA(true),
  /** The name does not exist. */
  NXDOMAIN(true),
  /** The server failed to answer (SERVFAIL). */
  SERVFAIL(true),
  /** The server refused (REFUSED), e.g. a name outside its zones with recursion off. */
  REFUSED(true),
  /** Any other response code (FORMERR, NOTIMP, …). */
  OTHER_RCODE(true),
  /** No answer within the timeout. */
  TIMEOUT(false),
  /** The server's port is closed (ICMP port unreachable on UDP, connection refused on TCP). */
  CONNECTION_REFUSED(false),
  /** Something came back that is not a DNS answer to our question (garbage, wrong ID). */
  MALFORMED(false),
  /** Any other network failure. */
  NETWORK_ERROR(false);

  private final boolean response;

  Status(boolean response) {
    this.response = response;
  }

  /** True when a DNS server gave a proper response (whatever its code). */
  public boolean isResponse() {
    return response;
  }

  /** The status shown to users: the rcode name for responses ({@code NXDOMAIN}), else lower-case words. */
  public String label() {
    return response ? name() : name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
