package dev.clusterctl.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

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
 * @param allowed how long the rules allowed this exchange to wait ({@link Duration#ZERO} when not known)
 * @param dropped the replies that arrived and were not taken, one line each (another message ID,
 *     another question, not a DNS message…), in order
 * @param cutShort true when the operation's deadline ended the wait before {@code allowed} was over
 */
public record Exchange(
    InetSocketAddress server,
    Transport transport,
    Status status,
    int rcode,
    boolean truncated,
    Duration elapsed,
    String detail,
    Duration allowed,
    List<String> dropped,
    boolean cutShort) {

  /** Copies the list. */
  public Exchange {
    dropped = List.copyOf(dropped);
  }

  /** An exchange without the wait it was allowed, dropped replies or deadline (the form of earlier versions). */
  public Exchange(InetSocketAddress server, Transport transport, Status status, int rcode, boolean truncated,
      Duration elapsed, String detail) {
    this(server, transport, status, rcode, truncated, elapsed, detail, Duration.ZERO, List.of(), false);
  }

  /** The server as {@code host:port} ({@code [v6]:port} for IPv6). */
  public String serverText() {
    return Servers.format(server);
  }
}
