package dev.clusterctl.watch;

import dev.clusterctl.discovery.Discovery;
import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.erlang.GenClusterDiscovery;
import dev.clusterctl.erlang.NodeName;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.error.BadInputException;
import java.util.Map;
import java.util.Optional;

/**
 * Discovery as a release configures it: gen_cluster's {@code discovery} in sys.config (DNS or a
 * static list), the node basename from vm.args' {@code -name}/{@code -sname}.
 */
public final class ReleaseDiscovery {

  private ReleaseDiscovery() {}

  /**
   * The peer source gen_cluster would use with {@code config}: DNS ({@code {dns, #{...}}}) asked
   * through {@code resolver}, or the static list.
   *
   * @throws BadInputException when sys.config has no gen_cluster discovery, or one that is not DNS or static
   */
  public static PeerSource peerSource(SysConfig config, Optional<String> basename, Resolver resolver, String servers) {
    return peerSource(config, basename, resolver, servers, null);
  }

  /**
   * The peer source gen_cluster would use with {@code config}, DNS answers served through {@code cache}
   * as the node's inet_res would (null: as the server gives them).
   *
   * @throws BadInputException when sys.config has no gen_cluster discovery, or one that is not DNS or static
   */
  public static PeerSource peerSource(SysConfig config, Optional<String> basename, Resolver resolver, String servers,
      dev.clusterctl.discovery.InetResCache cache) {
    GenClusterDiscovery d = config.genClusterDiscovery().orElseThrow(() -> new BadInputException(
        "sys.config " + config.source() + " has no gen_cluster discovery setting"));
    if (d instanceof GenClusterDiscovery.Dns dns) {
      DiscoverySpec spec = DiscoverySpec.forGenCluster(dns, basename.orElse(null));
      return new DnsPeerSource(new Discovery(resolver), spec, dns.domain(), servers, cache);
    }
    if (d instanceof GenClusterDiscovery.Static s) {
      return new StaticPeerSource(s.nodes(), "sys.config " + config.source());
    }
    String kind = d instanceof GenClusterDiscovery.EpmdAll ? "epmd_all" : "module " + ((GenClusterDiscovery.Custom) d).module();
    throw new BadInputException("sys.config " + config.source() + ": gen_cluster discovery " + kind
        + " is neither DNS nor a static list; give the DOMAIN to look up instead");
  }

  /**
   * The basename (alive part) of the node name in vm.args after {@code ${VAR}} substitution with
   * {@code env}; empty when vm.args names no node or the alive part still holds an unset variable.
   */
  public static Optional<String> basename(VmArgs vmArgs, Map<String, String> env) {
    if (vmArgs.nodeNameTemplate().isEmpty()) {
      return Optional.empty();
    }
    String templateAlive = NodeName.parse(vmArgs.nodeNameTemplate().get()).alive();
    VmArgs.Rendered r = vmArgs.render(env);
    if (r.nodeName() == null || r.nodeName().isEmpty()
        || r.unresolvedVars().stream().anyMatch(v -> templateAlive.contains(v))) {
      return Optional.empty();
    }
    String alive = NodeName.parse(r.nodeName()).alive();
    return alive.isEmpty() ? Optional.empty() : Optional.of(alive);
  }
}
