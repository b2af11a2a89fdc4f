package dev.clusterctl.dns;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One question sent to one server over one transport, and what came of it.
 *
 * @param server the server asked
 * @param transport UDP or TCP
 * @param status the response code, or why there was none
 * @param rcode the numeric response code ({@code -1} when no response arrived)
 * @param truncated true when the response had the TC bit set (RFC 1035 4.1.1)
 * @param elapsed how long the exchange took
 * @param detail a one-line explanation for failures (empty for responses)
 */
public record Exchange(
    InetSocketAddress server,
    Transport transport,
    Status status,
    int rcode,
    boolean truncated,
    Duration elapsed,
    String detail) {

  /** The server as {@code host:port} ({@code [v6]:port} for IPv6). */
  public String serverText() {
    return Servers.format(server);
  }
}
