package dev.clusterctl.model;

import dev.clusterctl.erlang.NameMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Node naming of an Elixir release: {@code RELEASE_DISTRIBUTION} ({@code sname} by default,
 * {@code name}, {@code none}) and {@code RELEASE_NODE} (the release name by default; a name
 * without {@code @} gets the host the VM picks). See
 * <a href="https://hexdocs.pm/mix/Mix.Tasks.Release.html#module-environment-variables">mix release</a>.
 */
public final class ElixirNaming implements NodeNaming {

  private final String distribution;
  private final boolean distributionSet;
  private final String defaultNode;
  private final boolean nodeSet;
  private final List<String> problems;

  /**
   * Naming for a release whose container sets {@code RELEASE_DISTRIBUTION} to {@code distribution}
   * ({@code null}: unset), sets {@code RELEASE_NODE} when {@code nodeSet}, and whose release name is
   * {@code defaultNode} ({@code null}: unknown).
   */
  public ElixirNaming(String distribution, boolean nodeSet, String defaultNode) {
    this(distribution, nodeSet, defaultNode, List.of());
  }

  /**
   * As {@link #ElixirNaming(String, boolean, String)}, for a release whose start scripts stop for
   * {@code problems} (an env.sh that does not parse): no node starts, so the defaults are not
   * assumptions a failure could rest on.
   */
  public ElixirNaming(String distribution, boolean nodeSet, String defaultNode, List<String> problems) {
    this.distributionSet = distribution != null && !distribution.isEmpty();
    this.distribution = distributionSet ? distribution.toLowerCase(Locale.ROOT) : "sname";
    this.nodeSet = nodeSet;
    this.defaultNode = defaultNode;
    this.problems = List.copyOf(problems);
  }

  @Override
  public List<String> problems() {
    return problems;
  }

  @Override
  public List<Assumption> assumptions() {
    if (!problems.isEmpty()) {
      return List.of();
    }
    String supply = "--release-env FILE (the image's rel/env.sh.eex), --release-dir DIR or --vm-args FILE";
    List<Assumption> out = new ArrayList<>();
    if (!distributionSet) {
      out.add(new Assumption(Assumption.Topic.NODE_NAME, "RELEASE_DISTRIBUTION", "sname (mix release's default: short names)",
          "the container does not set it and no env.sh or vm.args was read, though the image's env.sh usually does", supply,
          List.of(new Assumption.Alternative("name", m -> m.mapReleases(ElixirNaming::withLongNames)))));
    }
    if (!nodeSet && defaultNode != null) {
      out.add(new Assumption(Assumption.Topic.NODE_NAME, "RELEASE_NODE", defaultNode + " (the release name, from --basename)",
          "the container does not set it and no env.sh was read", supply));
    }
    return out;
  }

  /** {@code release} with long names where its naming is an Elixir release's whose distribution was not set. */
  static ReleaseInfo withLongNames(ReleaseInfo release) {
    return release.naming().filter(ElixirNaming.class::isInstance).map(ElixirNaming.class::cast).filter(n -> !n.distributionSet)
        .map(n -> release.withNaming(new ElixirNaming("name", n.nodeSet, n.defaultNode, n.problems))).orElse(release);
  }

  @Override
  public Optional<NameMode> mode() {
    return switch (distribution) {
      case "name" -> Optional.of(NameMode.LONG);
      case "none" -> Optional.empty();
      default -> Optional.of(NameMode.SHORT);
    };
  }

  @Override
  public String describe() {
    return "RELEASE_DISTRIBUTION=" + distribution + " RELEASE_NODE";
  }

  @Override
  public String origin() {
    return "env RELEASE_*";
  }

  @Override
  public Optional<NamingSite> site() {
    return Optional.of(new NamingSite(NamingSite.Kind.RELEASE_ENV, "RELEASE_NODE"));
  }

  @Override
  public RenderedName render(Map<String, String> env, PodHost host) {
    String node = env.get("RELEASE_NODE");
    List<String> unresolved = List.of();
    if (node == null || node.isEmpty()) {
      node = defaultNode;
      if (node == null) {
        node = "";
        unresolved = List.of("RELEASE_NODE");
      }
    }
    return new RenderedName(NodeNaming.withHost(node, mode().orElse(NameMode.SHORT), host), unresolved);
  }
}
