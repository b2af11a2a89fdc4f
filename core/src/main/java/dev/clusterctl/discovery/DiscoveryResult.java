package dev.clusterctl.discovery;

import dev.clusterctl.dns.LookupResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one discovery run found: the lookups with every attempt, the SRV targets' addresses,
 * the PTR names, the derived nodes, what yields no node and what the library does beyond naming.
 *
 * @param spec what was looked up and how names are derived
 * @param lookup the main lookup (of the first type asked)
 * @param targets the addresses of each SRV target (empty for A/AAAA), sorted by target
 * @param reverse the PTR names of each address (only with host type hostname for A/AAAA)
 * @param nodes the derived node names, sorted (none when the library crashes)
 * @param gaps answers that yield no node name
 * @param notes remarks about the query itself (e.g. a name libcluster-dnssrv would never build)
 * @param unansweredFollowUps how many follow-up lookups (SRV targets' A/AAAA, PTR) no server
 *     answered within their shared budget: not asked, cut short, or met only by silence and errors
 * @param moreLookups the lookups of the other types one refresh asks for (dns_cluster's AAAA after A), in order
 * @param findings crashes and warnings, in the library's words
 */
public record DiscoveryResult(
    DiscoverySpec spec,
    LookupResult lookup,
    List<TargetAddresses> targets,
    List<ReverseName> reverse,
    List<DerivedNode> nodes,
    List<Gap> gaps,
    List<String> notes,
    int unansweredFollowUps,
    List<LookupResult> moreLookups,
    List<Finding> findings) {

  /** Copies the lists. */
  public DiscoveryResult {
    targets = List.copyOf(targets);
    reverse = List.copyOf(reverse);
    nodes = List.copyOf(nodes);
    gaps = List.copyOf(gaps);
    notes = List.copyOf(notes);
    moreLookups = List.copyOf(moreLookups);
    findings = List.copyOf(findings);
  }

  /** A result of one lookup, without findings. */
  public DiscoveryResult(DiscoverySpec spec, LookupResult lookup, List<TargetAddresses> targets,
      List<ReverseName> reverse, List<DerivedNode> nodes, List<Gap> gaps, List<String> notes, int unansweredFollowUps) {
    this(spec, lookup, targets, reverse, nodes, gaps, notes, unansweredFollowUps, List.of(), List.of());
  }

  /** A result whose follow-ups were all answered. */
  public DiscoveryResult(DiscoverySpec spec, LookupResult lookup, List<TargetAddresses> targets,
      List<ReverseName> reverse, List<DerivedNode> nodes, List<Gap> gaps, List<String> notes) {
    this(spec, lookup, targets, reverse, nodes, gaps, notes, 0);
  }

  /** The library object the spec describes. */
  public DiscoveryLibrary library() {
    return spec.library();
  }

  /** Every main lookup, one per type asked, in order. */
  public List<LookupResult> lookups() {
    List<LookupResult> all = new ArrayList<>();
    all.add(lookup);
    all.addAll(moreLookups);
    return all;
  }

  /** True when some main lookup found records. */
  public boolean found() {
    return lookups().stream().anyMatch(l -> l.found().isPresent());
  }

  /** True when no server answered any main lookup. */
  public boolean noServerResponded() {
    return lookups().stream().allMatch(LookupResult::noServerResponded);
  }

  /** True when the library crashes on this answer. */
  public boolean crashes() {
    return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.CRASH);
  }

  /**
   * True when nothing is wrong: records were found, the library does not crash on them, at least one
   * node name was derived, no name has a problem and every answer gave a node.
   */
  public boolean ok() {
    return found() && !crashes() && !nodes.isEmpty() && !hasNameProblems() && gaps.isEmpty();
  }

  /** True when any derived name is one Erlang would refuse (or, for an SRV target, has no address). */
  public boolean hasNameProblems() {
    return nodes.stream().anyMatch(n -> !n.problems().isEmpty());
  }

  /** Every lookup this run made, in the order asked: the main ones, the SRV targets' follow-ups, the PTR lookups. */
  public List<LookupResult> allLookups() {
    List<LookupResult> all = new ArrayList<>(lookups());
    targets.forEach(t -> all.addAll(t.followUps()));
    reverse.forEach(r -> all.add(r.lookup()));
    return all;
  }
}
