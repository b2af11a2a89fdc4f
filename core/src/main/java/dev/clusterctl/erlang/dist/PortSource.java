package dev.clusterctl.erlang.dist;

import java.util.Locale;

/** Where the probe took the peer's distribution port from. */
public enum PortSource {
  /** Asked EPMD on the peer's host ({@code PORT_PLEASE2}). */
  EPMD,
  /** A fixed port given by the caller ({@code --dist-port}, {@code ERL_DIST_PORT}): EPMD-less. */
  FIXED;

  /** The id used in reports ({@code epmd}, {@code fixed}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
