package dev.clusterctl.watch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One refresh: what discovery found and what each peer showed.
 *
 * @param source what was looked up ({@link PeerSource#describe()})
 * @param discovered the discovery outcome
 * @param peers each peer with its probe, in node-name order (empty when the lookup failed)
 * @param mesh the connectivity matrix, when asked for ({@code --mesh})
 * @param elapsed how long the refresh took
 */
public record JoinReport(
    String source, Discovered discovered, List<PeerReport> peers, Optional<Mesh> mesh, Duration elapsed) {

  /** Copies the peer list. */
  public JoinReport {
    peers = List.copyOf(peers);
  }

  /** True when the lookup answered, found at least one peer, and every peer is joinable (and the mesh, if asked, is whole). */
  public boolean allJoinable() {
    return discovered instanceof Discovered.Found
        && !peers.isEmpty()
        && peers.stream().allMatch(p -> p.verdict().ok())
        && mesh.map(m -> m.partitions().size() <= 1).orElse(true);
  }
}
