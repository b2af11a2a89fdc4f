package dev.clusterctl.model;

import dev.clusterctl.erlang.NameMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the release names its node: from vm.args, or from an Elixir release's {@code RELEASE_*} variables. */
public interface NodeNaming {

  /** Long or short names; empty when distribution is off ({@code RELEASE_DISTRIBUTION=none}). */
  Optional<NameMode> mode();

  /** The naming as written, such as {@code -name k8s_erlang_cluster@${NODE_HOST}}. */
  String describe();

  /** Where it came from ({@code vm.args:3}, {@code env RELEASE_NODE}), for evidence. */
  String origin();

  /** What this naming takes for granted because the inputs do not say it; empty when every part is set. */
  default List<Assumption> assumptions() {
    return List.of();
  }

  /**
   * The name a pod with environment {@code env} and host names {@code host} gives itself: the
   * template with its variables substituted, and the host the VM appends when there is none
   * ({@code hostname --fqdn} for long names, the short host name for short names).
   */
  RenderedName render(Map<String, String> env, PodHost host);

  /** {@link #render(Map, PodHost)} for a pod whose address is {@code ip} ({@code hostname -i}); {@code null} when not known. */
  default RenderedName render(Map<String, String> env, PodHost host, String ip) {
    return render(env, host);
  }

  /** Where the team sets the name, for a fix to change; empty when not known. */
  default Optional<NamingSite> site() {
    return Optional.empty();
  }

  /** Where the team sets long or short names (the {@code RELEASE_DISTRIBUTION} line of env.sh), when apart from {@link #site()}. */
  default Optional<NamingSite> distributionSite() {
    return Optional.empty();
  }

  /**
   * Where a name line the start script requires is missing (relx's vm.args with no {@code -name} or
   * {@code -sname}): the file, and the line a fix inserts it before; empty when none is missing.
   */
  default Optional<NamingSite> missingNameLine() {
    return Optional.empty();
  }

  /** What stops the node from starting as configured (a start script that exits); empty when nothing does. */
  default List<String> problems() {
    return List.of();
  }

  /** Appends the host the VM would use when {@code name} has no {@code @host}. */
  static String withHost(String name, NameMode mode, PodHost host) {
    if (name.indexOf('@') >= 0) {
      return name;
    }
    return name + "@" + (mode == NameMode.SHORT ? host.shortName() : host.fqdn());
  }
}
