package dev.clusterctl.watch;

import dev.clusterctl.erlang.NodeName;
import dev.clusterctl.error.BadInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A fixed list of node names, as gen_cluster's {@code {static, [Node, ...]}} discovery has:
 * every refresh returns the same peers, each dialled at its host part.
 */
public final class StaticPeerSource implements PeerSource {

  private final List<Peer> peers;
  private final String source;

  /** The peers {@code nodes}, read from {@code source} (e.g. {@code sys.config}). */
  public StaticPeerSource(List<String> nodes, String source) {
    List<Peer> list = new ArrayList<>();
    for (String n : nodes) {
      NodeName name = NodeName.parse(n);
      if (name.host() == null || name.host().isEmpty()) {
        throw new BadInputException(source + ": static node '" + n + "' has no host part");
      }
      Optional<String> address = NodeName.isAddress(name.host()) ? Optional.of(name.host()) : Optional.empty();
      list.add(new Peer(n, name.host(), address, "static " + source));
    }
    list.sort(Comparator.comparing(Peer::nodeName));
    this.peers = List.copyOf(list);
    this.source = source;
  }

  @Override
  public Discovered discover() {
    return new Discovered.Found(peers, List.of());
  }

  @Override
  public String describe() {
    return "static list of " + peers.size() + " node(s) from " + source;
  }
}
