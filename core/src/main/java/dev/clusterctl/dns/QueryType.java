package dev.clusterctl.dns;

import java.util.Locale;
import org.xbill.DNS.Type;

/** The record types discovery libraries look up. */
public enum QueryType {
  /** IPv4 addresses (RFC 1035). */
  A(Type.A),
  /** IPv6 addresses (RFC 3596). */
  AAAA(Type.AAAA),
  /** Service locations: priority, weight, port, target (RFC 2782). */
  SRV(Type.SRV);

  private final int type;

  QueryType(int type) {
    this.type = type;
  }

  /** The dnsjava {@link Type} value. */
  public int type() {
    return type;
  }

  /** The lower-case id used on the command line ({@code a}, {@code aaaa}, {@code srv}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type a name is looked up as when none is given: SRV for names of the RFC 2782 form
   * {@code _service._proto.rest}, A otherwise.
   */
  public static QueryType defaultFor(String name) {
    return name.matches("(?i)_[^.]+\\._(tcp|udp|sctp)\\..*") ? SRV : A;
  }
}
