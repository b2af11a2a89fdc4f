package dev.clusterctl.judge;

import dev.clusterctl.error.BadInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Every check, in report order; the single source of ids for the CLI, JSON and {@code docs/checks.md}. */
public final class CheckRegistry {

  private final List<Check> checks;

  private CheckRegistry(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  /** The standard checks. */
  public static CheckRegistry standard() {
    return new CheckRegistry(
        List.of(
            new ServiceExists(),
            new ServiceHeadless(),
            new ServiceSelectsPods(),
            new ServicePortName(),
            new ServiceTargetPort(),
            new ServicePublishNotReady(),
            new PodSubdomain(),
            new PodNameLength(),
            new CorednsClusterDomain(),
            new CorednsEndpointPodNames(),
            new CorednsReload(),
            new CorednsReloaded(),
            new DiscoveryQueryResolves(),
            new DiscoveryLibraryRuns(),
            new DnsAnswersMatchEndpoints(),
            new NodeNameRules(),
            new NodeHostMatchesDns(),
            new PodFqdn(),
            new DistPort(),
            new NetworkPolicyDist(),
            new CookieConsistent()));
  }

  /** Every check, in report order. */
  public List<Check> all() {
    return checks;
  }

  /** The check with {@code id}. */
  public Optional<Check> byId(String id) {
    return checks.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * The checks to run: those in {@code only} (all when empty), minus those in {@code skip}.
   * An unknown id is a {@link BadInputException} naming it.
   */
  public List<Check> select(Collection<String> only, Collection<String> skip) {
    for (String id : only) {
      requireKnown(id, "--only");
    }
    for (String id : skip) {
      requireKnown(id, "--skip");
    }
    List<Check> out = new ArrayList<>();
    for (Check c : checks) {
      if ((only.isEmpty() || only.contains(c.id())) && !skip.contains(c.id())) {
        out.add(c);
      }
    }
    return out;
  }

  private void requireKnown(String id, String option) {
    if (byId(id).isEmpty()) {
      throw new BadInputException(option + ": unknown check id '" + id + "' (see --list-checks)");
    }
  }
}
