package dev.clusterctl.watch;

import dev.clusterctl.erlang.dist.NodeProbe;
import dev.clusterctl.erlang.dist.ProbeResult;
import dev.clusterctl.erlang.dist.ProbeTarget;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Probes peers with the distribution protocol ({@link NodeProbe}): at the address discovery found
 * (or the host part, resolved by the system), on a fixed port when one is given ({@code --dist-port},
 * EPMD-less) or the port EPMD tells.
 */
public final class DistPeerProber implements PeerProber {

  private final NodeProbe probe;
  private final OptionalInt distPort;

  /** A prober through {@code probe}, using {@code distPort} when present instead of EPMD. */
  public DistPeerProber(NodeProbe probe, OptionalInt distPort) {
    this.probe = probe;
    this.distPort = distPort;
  }

  @Override
  public List<ProbeResult> probe(List<Peer> peers) {
    return probe.probeAll(peers.stream().map(this::target).toList());
  }

  private ProbeTarget target(Peer p) {
    Optional<InetAddress> address = p.address().flatMap(DistPeerProber::literal);
    return new ProbeTarget(p.nodeName(), p.host(), address, distPort);
  }

  private static Optional<InetAddress> literal(String ip) {
    try {
      return Optional.of(InetAddress.getByName(ip)); // an IP literal: no lookup happens
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
