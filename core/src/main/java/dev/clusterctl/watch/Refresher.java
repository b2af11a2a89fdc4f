package dev.clusterctl.watch;

import dev.clusterctl.erlang.dist.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One refresh: discover, then probe every peer found; {@code join} without {@code --watch} is one call. */
public final class Refresher {

  private final PeerSource source;
  private final PeerProber prober;
  private final boolean mesh;

  /** A refresher that discovers through {@code source} and probes through {@code prober}; {@code mesh} builds the matrix. */
  public Refresher(PeerSource source, PeerProber prober, boolean mesh) {
    this.source = source;
    this.prober = prober;
    this.mesh = mesh;
  }

  /** The source's description. */
  public String describe() {
    return source.describe();
  }

  /** Discovers and probes once. */
  public JoinReport refresh() {
    long start = System.nanoTime();
    Discovered d = source.discover();
    List<PeerReport> reports = new ArrayList<>();
    if (d instanceof Discovered.Found f && !f.peers().isEmpty()) {
      List<ProbeResult> results = prober.probe(f.peers());
      for (int i = 0; i < f.peers().size(); i++) {
        reports.add(new PeerReport(f.peers().get(i), results.get(i)));
      }
    }
    Optional<Mesh> m = mesh && d instanceof Discovered.Found ? Optional.of(Mesh.of(reports)) : Optional.empty();
    return new JoinReport(source.describe(), d, reports, m, Duration.ofNanos(System.nanoTime() - start));
  }
}
