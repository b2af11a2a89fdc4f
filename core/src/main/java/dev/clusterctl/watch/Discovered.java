package dev.clusterctl.watch;

import java.util.List;

/** What one discovery run came to: a peer set, or a failed lookup. */
public sealed interface Discovered permits Discovered.Found, Discovered.Failed {

  /**
   * The lookup answered (possibly with no records, which means no peers).
   *
   * @param peers the peers, sorted by node name
   * @param notes remarks about the answers (SRV targets without addresses, names Erlang refuses)
   */
  record Found(List<Peer> peers, List<String> notes) implements Discovered {
    /** Copies the lists. */
    public Found {
      peers = List.copyOf(peers);
      notes = List.copyOf(notes);
    }
  }

  /**
   * The lookup failed: an rcode such as NXDOMAIN or SERVFAIL, or no answer at all.
   *
   * @param status the rcode name or the failure ({@code NXDOMAIN}, {@code timeout}, …)
   * @param message one line naming the query and what happened
   * @param noServerResponded true when not a single server gave a DNS response (unreachable)
   */
  record Failed(String status, String message, boolean noServerResponded) implements Discovered {}
}
