package dev.clusterctl.watch;

import dev.clusterctl.erlang.dist.ProbeResult;
import java.util.List;

/** Probes peers; one result per peer, in the same order. */
public interface PeerProber {

  /** Probes every peer (concurrently, each within its own timeout). */
  List<ProbeResult> probe(List<Peer> peers);
}
