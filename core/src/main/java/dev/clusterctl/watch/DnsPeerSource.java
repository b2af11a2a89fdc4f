package dev.clusterctl.watch;

import dev.clusterctl.discovery.DerivedNode;
import dev.clusterctl.discovery.Discovery;
import dev.clusterctl.discovery.DiscoveryResult;
import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.discovery.Finding;
import dev.clusterctl.discovery.Gap;
import dev.clusterctl.discovery.InetResCache;
import dev.clusterctl.discovery.TargetAddresses;
import dev.clusterctl.dns.LookupResult;
import dev.clusterctl.dns.Servers;
import dev.clusterctl.dns.Status;
import dev.clusterctl.erlang.NodeName;
import dev.clusterctl.error.BadInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Peers from DNS, found and named exactly as the discovery library would
 * ({@link Discovery}); a lookup without an answer becomes {@link Discovered.Failed} with its rcode.
 */
public final class DnsPeerSource implements PeerSource {

  private final Discovery discovery;
  private final DiscoverySpec spec;
  private final String domain;
  private final String description;
  private final InetResCache cache;

  /**
   * A source that looks {@code domain} up as {@code spec} says.
   *
   * @throws BadInputException when the spec has no basename (a node name needs one)
   */
  public DnsPeerSource(Discovery discovery, DiscoverySpec spec, String domain, String servers) {
    this(discovery, spec, domain, servers, null);
  }

  /**
   * A source that looks {@code domain} up as {@code spec} says and, with a {@code cache}, serves the
   * answers as a node's inet_res would (its cache and the answers' TTL applied).
   *
   * @param cache the node's cache model, or {@code null} for every answer as the server gives it
   * @throws BadInputException when the spec has no basename (a node name needs one)
   */
  public DnsPeerSource(Discovery discovery, DiscoverySpec spec, String domain, String servers, InetResCache cache) {
    if (spec.basename().isEmpty()) {
      throw new BadInputException("join needs the node basename (--basename): the part before '@' of your nodes' names");
    }
    this.discovery = discovery;
    this.spec = spec;
    this.domain = domain;
    this.cache = cache;
    this.description = spec.types().stream().map(Enum::name).collect(Collectors.joining("+")) + " " + domain + " via "
        + servers + " (" + spec.strategy().id() + ", host " + spec.hostType().id()
        + (cache == null ? "" : ", as a node: inet_res's cache and TTL applied") + ")";
  }

  /** The servers of a resolver as text, for {@link #describe()}. */
  public static String serversText(List<java.net.InetSocketAddress> servers) {
    return servers.stream().map(Servers::format).collect(Collectors.joining(", "));
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public Discovered discover() {
    DiscoveryResult r = discovery.discover(spec, domain, cache);
    LookupResult lookup = r.lookup();
    Optional<Finding> crash = r.findings().stream().filter(f -> f.severity() == Finding.Severity.CRASH).findFirst();
    if (crash.isPresent()) {
      return new Discovered.Failed("CRASH", r.library().module() + " crashes on the answer to " + domain + ": "
          + crash.get().message() + "; avoid: " + crash.get().avoid(), false);
    }
    if (!r.found()) {
      Status status = lookup.status();
      if (status == Status.NODATA) {
        return new Discovered.Found(List.of(), List.of(spec.type().name() + " " + domain + ": the name exists but has no records (NODATA)"));
      }
      String tried = lookup.attempts().stream().map(a -> a.name()).distinct().collect(Collectors.joining(", "));
      String message = lookup.noServerResponded()
          ? spec.type().name() + " " + domain + ": no server responded (" + lookup.failureSummary() + ")"
          : spec.type().name() + " " + domain + ": " + status.label() + " (tried " + tried + ")";
      return new Discovered.Failed(status.label(), message, lookup.noServerResponded());
    }
    Map<String, String> addressOf = new HashMap<>();
    for (TargetAddresses t : r.targets()) {
      if (!t.addresses().isEmpty()) {
        addressOf.put(t.target(), t.addresses().get(0));
      }
    }
    List<Peer> peers = new ArrayList<>();
    List<String> notes = new ArrayList<>(r.notes());
    r.findings().forEach(f -> notes.add(f.severity().id() + ": " + f.message() + "; avoid: " + f.avoid()));
    for (DerivedNode n : r.nodes()) {
      Optional<String> address = NodeName.isAddress(n.host())
          ? Optional.of(n.host()) : Optional.ofNullable(addressOf.get(n.host()));
      peers.add(new Peer(n.display(), n.host(), address, n.from()));
      for (NodeName.Problem p : n.problems()) {
        notes.add(n.display() + ": " + p.message());
      }
    }
    for (Gap g : r.gaps()) {
      notes.add(g.from() + ": " + g.reason());
    }
    peers.sort(Comparator.comparing(Peer::nodeName));
    return new Discovered.Found(peers, notes);
  }
}
