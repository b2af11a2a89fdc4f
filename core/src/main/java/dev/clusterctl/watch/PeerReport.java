package dev.clusterctl.watch;

import dev.clusterctl.erlang.dist.ProbeResult;
import dev.clusterctl.erlang.dist.Verdict;

/**
 * One peer: where discovery found it and what probing it showed.
 *
 * @param peer the peer as discovered
 * @param probe the probe's findings (status, announced name, cookie, errors)
 */
public record PeerReport(Peer peer, ProbeResult probe) {

  /** The peer's node name. */
  public String nodeName() {
    return peer.nodeName();
  }

  /** The verdict of the probe. */
  public Verdict verdict() {
    return probe.verdict();
  }

  /**
   * What distinguishes one state of the peer from another, for change events: the verdict and the
   * name it announces (a node restarted under another name is a change even with the same verdict).
   */
  public String stateKey() {
    return verdict().id() + "|" + probe.announcedName().orElse("");
  }
}
