package dev.clusterctl.erlang.dist;

import java.util.Locale;
import java.util.Optional;

/**
 * The status a node answers to {@code send_name}
 * (<a href="https://www.erlang.org/doc/apps/erts/erl_dist_protocol.html#distribution-handshake">spec</a>).
 */
public enum HandshakeStatus {
  /** The node goes on with the handshake. */
  OK,
  /** Both nodes are connecting to each other and this connection goes on. */
  OK_SIMULTANEOUS,
  /** Both nodes are connecting to each other and the other connection wins. */
  NOK,
  /** The node refuses the connection (not in its allow list, or mandatory flags missing). */
  NOT_ALLOWED,
  /** The node already has a connection from a node with the probe's name. */
  ALIVE,
  /** The node assigned a name (only when the probe asks for one, which it never does). */
  NAMED;

  /** The status as it appears on the wire and in reports ({@code ok}, {@code not_allowed}, …). */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when the handshake goes on after this status. */
  public boolean proceeds() {
    return this == OK || this == OK_SIMULTANEOUS || this == NAMED;
  }

  /** The status with this wire text; {@code named:} counts as {@link #NAMED}. */
  public static Optional<HandshakeStatus> fromWire(String text) {
    if (text.startsWith("named:")) {
      return Optional.of(NAMED);
    }
    for (HandshakeStatus s : values()) {
      if (s.wire().equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
