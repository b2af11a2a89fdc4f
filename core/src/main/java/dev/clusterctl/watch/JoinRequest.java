package dev.clusterctl.watch;

import dev.clusterctl.discovery.HostType;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.WaitListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code join} is asked, as plain values: the name to look up (or the release's sys.config),
 * how to ask DNS, the discovery library's options, and the release's vm.args. {@link JoinService#plan}
 * turns it into a {@link JoinPlan}.
 *
 * @param domain the name the discovery library looks up; empty with {@code sysConfig}
 * @param dns the DNS servers and search rules to ask with
 * @param strategy the discovery library whose lookup to reproduce
 * @param type the record type asked; empty for the library's default
 * @param hostType the host part of node names; empty for the library's default
 * @param basename the node basename; empty to take it from vm.args' node name
 * @param sysConfig the release's sys.config, whose gen_cluster discovery replaces {@code domain}
 * @param vmArgs the release's vm.args (node name, {@code -erl_epmd_port})
 * @param distPort the fixed distribution port; empty for vm.args', else to ask EPMD
 * @param interval the refresh interval; empty for sys.config's {@code refresh_interval_ms}, else 5 s
 * @param env the environment vm.args' {@code ${VAR}} are expanded from
 * @param asNode true to see DNS as a node does: answers of {@code inet_res:getbyname} served through a model of
 *     inet_res's cache (cache_size 100, the answers' TTL), as {@code join --watch --as-node} asks
 * @param waits told as each wait for a DNS server's reply starts and ends (every refresh's lookups)
 */
public record JoinRequest(
    Optional<String> domain,
    DnsConfig dns,
    Strategy strategy,
    Optional<QueryType> type,
    Optional<HostType> hostType,
    Optional<String> basename,
    Optional<Path> sysConfig,
    Optional<Path> vmArgs,
    OptionalInt distPort,
    Optional<Duration> interval,
    Map<String, String> env,
    boolean asNode,
    WaitListener waits) {

  /** Copies the environment. */
  public JoinRequest {
    env = Map.copyOf(env);
  }

  /** A request whose waits nobody hears. */
  public JoinRequest(Optional<String> domain, DnsConfig dns, Strategy strategy, Optional<QueryType> type,
      Optional<HostType> hostType, Optional<String> basename, Optional<Path> sysConfig, Optional<Path> vmArgs,
      OptionalInt distPort, Optional<Duration> interval, Map<String, String> env, boolean asNode) {
    this(domain, dns, strategy, type, hostType, basename, sysConfig, vmArgs, distPort, interval, env, asNode, WaitListener.NONE);
  }

  /** A request that sees every answer as the server gives it (no node cache model). */
  public JoinRequest(Optional<String> domain, DnsConfig dns, Strategy strategy, Optional<QueryType> type,
      Optional<HostType> hostType, Optional<String> basename, Optional<Path> sysConfig, Optional<Path> vmArgs,
      OptionalInt distPort, Optional<Duration> interval, Map<String, String> env) {
    this(domain, dns, strategy, type, hostType, basename, sysConfig, vmArgs, distPort, interval, env, false);
  }
}
