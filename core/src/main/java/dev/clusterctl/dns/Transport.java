package dev.clusterctl.dns;

/** How one question travelled to a server (RFC 1035 section 4.2). */
public enum Transport {
  /** A UDP datagram; answers larger than 512 bytes come back truncated. */
  UDP,
  /** A TCP connection (RFC 7766), used with {@code --tcp} or to retry a truncated UDP answer. */
  TCP;

  /** Lower-case name for output ({@code udp}, {@code tcp}). */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
