package dev.clusterctl.cli.completion;

import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Which run-time {@link CandidateProvider} completes which option, matched by option name on any
 * command. Commands know nothing of this: an option named {@code --context} anywhere gets
 * kubeconfig contexts. Immutable; {@link #with} returns a new registry.
 */
public final class CandidateProviders {

  private final Map<String, CandidateProvider> byName;

  private CandidateProviders(Map<String, CandidateProvider> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** A registry completing nothing. */
  public static CandidateProviders none() {
    return new CandidateProviders(Map.of());
  }

  /**
   * clusterctl's providers: kubeconfig contexts for {@code --context}, the cluster's namespaces for
   * {@code -n/--namespace} and its services for {@code --service}.
   */
  public static CandidateProviders standard() {
    return none()
        .with(new KubeconfigContexts(), "--context")
        .with(ClusterNames.namespaces(), "--namespace")
        .with(ClusterNames.services(), "--service")
        .with(r -> CheckRegistry.standard().all().stream().map(Check::id).toList(), "--only", "--skip");
  }

  /** A registry that also completes the options named {@code optionNames} with {@code provider}. */
  public CandidateProviders with(CandidateProvider provider, String... optionNames) {
    Map<String, CandidateProvider> copy = new LinkedHashMap<>(byName);
    for (String name : optionNames) {
      copy.put(name, provider);
    }
    return new CandidateProviders(copy);
  }

  /** The provider for {@code option}, looked up by each of its names. */
  public Optional<CandidateProvider> forOption(OptionSpec option) {
    for (String name : option.names()) {
      CandidateProvider p = byName.get(name);
      if (p != null) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** True when {@code option} is completed at run time. */
  public boolean isDynamic(OptionSpec option) {
    return forOption(option).isPresent();
  }

  /** The names of every option under {@code root} completed at run time, sorted, for the shell scripts. */
  public List<String> dynamicOptionNames(picocli.CommandLine.Model.CommandSpec root) {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    for (var spec : CommandTree.walk(root)) {
      for (OptionSpec o : CommandTree.options(spec)) {
        if (isDynamic(o) && CommandTree.takesValue(o)) {
          names.addAll(List.of(o.names()));
        }
      }
    }
    return List.copyOf(names);
  }
}
