package dev.clusterctl.discovery;

import dev.clusterctl.dns.LookupResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one discovery run found: the lookup with every attempt, the SRV targets' addresses,
 * the PTR names, the derived nodes and what yields no node.
 *
 * @param spec what was looked up and how names are derived
 * @param lookup the main lookup
 * @param targets the addresses of each SRV target (empty for A/AAAA), sorted by target
 * @param reverse the PTR names of each address (only with host type hostname for A/AAAA)
 * @param nodes the derived node names, sorted
 * @param gaps answers that yield no node name
 * @param notes remarks about the query itself (e.g. a name libcluster-dnssrv would never build)
 * @param unansweredFollowUps how many follow-up lookups (SRV targets' A/AAAA, PTR) no server
 *     answered within their shared budget: not asked, cut short, or met only by silence and errors
 */
public record DiscoveryResult(
    DiscoverySpec spec,
    LookupResult lookup,
    List<TargetAddresses> targets,
    List<ReverseName> reverse,
    List<DerivedNode> nodes,
    List<Gap> gaps,
    List<String> notes,
    int unansweredFollowUps) {

  /** Copies the lists. */
  public DiscoveryResult {
    targets = List.copyOf(targets);
    reverse = List.copyOf(reverse);
    nodes = List.copyOf(nodes);
    gaps = List.copyOf(gaps);
    notes = List.copyOf(notes);
  }

  /** A result whose follow-ups were all answered. */
  public DiscoveryResult(DiscoverySpec spec, LookupResult lookup, List<TargetAddresses> targets,
      List<ReverseName> reverse, List<DerivedNode> nodes, List<Gap> gaps, List<String> notes) {
    this(spec, lookup, targets, reverse, nodes, gaps, notes, 0);
  }

  /**
   * True when nothing is wrong: records were found, at least one node name was derived, no name
   * has a problem and every answer gave a node.
   */
  public boolean ok() {
    return lookup.found().isPresent() && !nodes.isEmpty() && !hasNameProblems() && gaps.isEmpty();
  }

  /** True when any derived name is one Erlang would refuse (or, for an SRV target, has no address). */
  public boolean hasNameProblems() {
    return nodes.stream().anyMatch(n -> !n.problems().isEmpty());
  }

  /** Every lookup this run made, in the order asked: the main one, the SRV targets' follow-ups, the PTR lookups. */
  public List<LookupResult> allLookups() {
    List<LookupResult> all = new ArrayList<>();
    all.add(lookup);
    targets.forEach(t -> all.addAll(t.followUps()));
    reverse.forEach(r -> all.add(r.lookup()));
    return all;
  }
}
