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
  /** The server could not read our question (FORMERR). */
  FORMERR(true),
  /** The server does not do this kind of query (NOTIMP). */
  NOTIMP(true),
  /** Any other response code (YXDOMAIN, BADVERS, …). */
  OTHER_RCODE(true),
  /** No answer within the wait for it (or before the operation's deadline). */
  TIMEOUT(false),
  /** The server's port is closed (ICMP port unreachable on UDP, connection refused on TCP). */
  CONNECTION_REFUSED(false),
  /**
   * Something came back that is not a DNS answer to our question: garbage, a wrong message ID, a
   * reply whose question is not ours (RFC 5452 section 9.1), a packet that is not a response.
   */
  MALFORMED(false),
  /** Any other network failure. */
  NETWORK_ERROR(false),
  /** Never asked: the operation's deadline came before this question's turn. */
  NOT_ASKED(false);

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
