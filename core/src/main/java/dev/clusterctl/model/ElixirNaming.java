package dev.clusterctl.model;

import dev.clusterctl.erlang.NameMode;
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
  private final String defaultNode;

  /**
   * Naming for a release whose container sets {@code RELEASE_DISTRIBUTION} to {@code distribution}
   * ({@code null}: unset) and whose release name is {@code defaultNode} ({@code null}: unknown).
   */
  public ElixirNaming(String distribution, String defaultNode) {
    this.distribution = distribution == null || distribution.isEmpty() ? "sname" : distribution.toLowerCase(Locale.ROOT);
    this.defaultNode = defaultNode;
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
