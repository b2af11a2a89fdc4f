package dev.clusterctl.erlang.dist;

import dev.clusterctl.erlang.NodeName;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A peer to probe: the node name we expect (as derived from DNS, say), where to connect, and
 * how to find its port.
 *
 * @param expectedName the node name the caller would dial, e.g. {@code app@10.0.0.5}
 * @param host the host to connect to (by default the host part of {@code expectedName})
 * @param address the address to connect to when already resolved; else {@code host} is resolved
 * @param port the fixed distribution port (EPMD-less, {@code ERL_DIST_PORT}); empty to ask EPMD
 */
public record ProbeTarget(String expectedName, String host, Optional<InetAddress> address, OptionalInt port) {

  /** A target for {@code expectedName}, connecting to its host part and asking EPMD for the port. */
  public static ProbeTarget of(String expectedName) {
    NodeName n = NodeName.parse(expectedName);
    if (n.host() == null || n.host().isEmpty()) {
      throw new IllegalArgumentException("node name '" + expectedName + "' has no host part");
    }
    return new ProbeTarget(expectedName, n.host(), Optional.empty(), OptionalInt.empty());
  }

  /** This target connecting to {@code a} instead of resolving the host. */
  public ProbeTarget withAddress(InetAddress a) {
    return new ProbeTarget(expectedName, host, Optional.of(a), port);
  }

  /** This target with the fixed distribution port {@code p} (no EPMD). */
  public ProbeTarget withPort(int p) {
    return new ProbeTarget(expectedName, host, address, OptionalInt.of(p));
  }

  /** The alive part of the expected name (what EPMD is asked for). */
  public String alive() {
    return NodeName.parse(expectedName).alive();
  }
}
