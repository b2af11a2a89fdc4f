package dev.clusterctl.erlang.dist;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of EPMD, the Erlang port mapper
 * (<a href="https://www.erlang.org/doc/apps/erts/erl_dist_protocol.html#epmd-protocol">spec</a>):
 * each request is {@code Len:u16 | body} on a fresh TCP connection, answered once before EPMD
 * closes it.
 */
public final class EpmdClient {

  /** The port EPMD listens on unless {@code ERL_EPMD_PORT} says otherwise. */
  public static final int DEFAULT_PORT = 4369;

  private static final int PORT_PLEASE2_REQ = 'z';
  private static final int PORT2_RESP = 'w';
  private static final int NAMES_REQ = 'n';
  private static final int MAX_NAMES_BYTES = 1 << 20;
  private static final Pattern NAME_LINE = Pattern.compile("name (\\S+) at port (\\d+)");

  private EpmdClient() {}

  /**
   * Asks EPMD on {@code host:epmdPort} for the port of the node registered as {@code alive} (the
   * part of the node name before {@code @}); empty when no such node is registered.
   */
  public static Optional<EpmdEntry> portPlease(InetAddress host, int epmdPort, String alive, Duration timeout)
      throws IOException {
    long ms = timeout.toMillis();
    return portPlease(new InetSocketAddress(host, epmdPort), alive, System.nanoTime() + ms * 1_000_000L, ms);
  }

  static Optional<EpmdEntry> portPlease(InetSocketAddress epmd, String alive, long deadlineNanos, long timeoutMs)
      throws IOException {
    byte[] name = alive.getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[name.length + 1];
    body[0] = PORT_PLEASE2_REQ;
    System.arraycopy(name, 0, body, 1, name.length);
    try (PeerChannel ch = PeerChannel.connect(epmd, deadlineNanos, timeoutMs)) {
      ch.writeHandshakeFrame(body);
      byte[] head = ch.readFully(2, "waiting for EPMD's PORT2_RESP");
      if ((head[0] & 0xFF) != PORT2_RESP) {
        throw new DistProtocolException("not an EPMD reply: first byte " + (head[0] & 0xFF) + ", expected 119");
      }
      if (head[1] != 0) {
        return Optional.empty();
      }
      byte[] fixed = ch.readFully(10, "reading EPMD's PORT2_RESP");
      int port = u16(fixed, 0);
      int type = fixed[2] & 0xFF;
      int protocol = fixed[3] & 0xFF;
      int high = u16(fixed, 4);
      int low = u16(fixed, 6);
      int nlen = u16(fixed, 8);
      String registered = new String(ch.readFully(nlen, "reading EPMD's PORT2_RESP"), StandardCharsets.UTF_8);
      int elen = u16(ch.readFully(2, "reading EPMD's PORT2_RESP"), 0);
      ch.readFully(elen, "reading EPMD's PORT2_RESP");
      return Optional.of(new EpmdEntry(port, type == 72, protocol, high, low, registered));
    }
  }

  /** Asks EPMD on {@code host:epmdPort} for every registered node ({@code NAMES_REQ}). */
  public static EpmdNames names(InetAddress host, int epmdPort, Duration timeout) throws IOException {
    long ms = timeout.toMillis();
    try (PeerChannel ch =
        PeerChannel.connect(new InetSocketAddress(host, epmdPort), System.nanoTime() + ms * 1_000_000L, ms)) {
      ch.writeHandshakeFrame(new byte[] {NAMES_REQ});
      byte[] portBytes = ch.readFully(4, "waiting for EPMD's NAMES_RESP");
      long reported = ((portBytes[0] & 0xFFL) << 24) | ((portBytes[1] & 0xFFL) << 16) | (u16(portBytes, 2) & 0xFFFFL);
      String text = new String(ch.readToEnd(MAX_NAMES_BYTES, "reading EPMD's NAMES_RESP"), StandardCharsets.UTF_8);
      List<EpmdNames.Registration> nodes = new ArrayList<>();
      for (String line : text.split("\n")) {
        Matcher m = NAME_LINE.matcher(line.trim());
        if (m.matches()) {
          nodes.add(new EpmdNames.Registration(m.group(1), Integer.parseInt(m.group(2))));
        } else if (!line.isBlank()) {
          throw new DistProtocolException("unexpected line in EPMD's NAMES_RESP: " + printable(line));
        }
      }
      return new EpmdNames((int) reported, nodes);
    }
  }

  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && i < 60; i++) {
      char c = s.charAt(i);
      sb.append(c >= ' ' && c <= '~' ? c : '?');
    }
    return sb.toString();
  }

  private static int u16(byte[] b, int off) {
    return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
  }
}
