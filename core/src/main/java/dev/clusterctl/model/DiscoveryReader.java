package dev.clusterctl.model;

import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.discovery.HostType;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.DomainNames;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.erlang.GenClusterDiscovery;
import dev.clusterctl.erlang.SysConfig;
import java.util.Optional;

/**
 * How the release finds its peers, read in two steps: first the library and the configured query
 * (which can name the cluster's Service), then, once the Service and namespace are known, the
 * full {@link Discovery}.
 */
final class DiscoveryReader {

  private final ModelRequest request;
  private final Optional<Strategy> strategy;
  private final Optional<GenClusterDiscovery> gen;
  private final Optional<String> query;
  private final String strategyOrigin;

  private DiscoveryReader(ModelRequest request, Optional<Strategy> strategy, Optional<GenClusterDiscovery> gen, Optional<String> query, String strategyOrigin) {
    this.request = request;
    this.strategyOrigin = strategyOrigin;
    this.strategy = strategy;
    this.gen = gen;
    this.query = query;
  }

  /** Reads the library ({@code --strategy} or the project's config, named by {@code strategyOrigin}, else gen_cluster for a sys.config or {@code --domain}) and its query; assumptions go to {@code notes}. */
  static DiscoveryReader of(ModelRequest r, String strategyOrigin, Notes notes) {
    Optional<Strategy> strategy = r.strategy().or(() -> r.sysConfig().isPresent() || r.domain().isPresent() ? Optional.of(Strategy.GEN_CLUSTER) : Optional.empty());
    if (r.sysConfig().isEmpty() && r.strategy().isEmpty() && r.domain().isPresent()) {
      notes.assume(new Assumption(Assumption.Topic.DISCOVERY, "the discovery library", "gen_cluster's defaults for --domain (A records, names by IP)",
          "no --sys-config or --strategy", "--sys-config FILE or --strategy"));
    }
    Optional<GenClusterDiscovery> gen = strategy.filter(s -> s == Strategy.GEN_CLUSTER).flatMap(s -> r.sysConfig().flatMap(SysConfig::genClusterDiscovery));
    if (strategy.filter(s -> s == Strategy.GEN_CLUSTER).isPresent() && r.sysConfig().isPresent() && gen.isEmpty()) {
      notes.note(r.sysConfig().get().source() + " has no gen_cluster settings: discovery unknown");
    }
    Optional<String> query = r.domain().or(() -> gen.filter(GenClusterDiscovery.Dns.class::isInstance).map(d -> ((GenClusterDiscovery.Dns) d).domain()));
    query.ifPresent(q -> DomainNames.lookupName(q, r.domain().isPresent() ? "--domain" : r.sysConfig().get().source() + " (gen_cluster domain)"));
    return new DiscoveryReader(r, strategy, gen, query, strategyOrigin);
  }

  /** The library, when known. */
  Optional<Strategy> strategy() {
    return strategy;
  }

  /** The configured query when it names the cluster's Service ({@code --domain}, or gen_cluster's {@code domain}). */
  Optional<String> serviceQuery() {
    boolean namesService = request.domain().isPresent() || (query.isPresent() && strategy.orElse(null) == Strategy.GEN_CLUSTER);
    return namesService ? query : Optional.empty();
  }

  /**
   * The discovery setting, with the query built from {@code service} and {@code namespace} where the
   * library builds it (libcluster, dns_cluster).
   *
   * @param service the Service's name, or {@code null} when unknown
   * @param release the container running the release, or {@code null}
   */
  Optional<Discovery> discovery(String service, String namespace, String clusterDomain, ContainerInfo release) {
    if (strategy.isEmpty()) {
      return Optional.empty();
    }
    String svc = service == null ? "SERVICE" : service;
    switch (strategy.get()) {
      case GEN_CLUSTER:
        if (request.domain().isPresent() && (gen.isEmpty() || gen.get() instanceof GenClusterDiscovery.Dns)) {
          GenClusterDiscovery.Dns d = gen.map(GenClusterDiscovery.Dns.class::cast).orElse(null);
          QueryType rt = d == null ? QueryType.A : DiscoverySpec.queryType(d);
          HostType ht = d == null ? HostType.IP : DiscoverySpec.hostType(d);
          return Optional.of(new Discovery.Dns(Strategy.GEN_CLUSTER, request.domain().get(), rt, ht, "--domain"));
        }
        if (gen.isEmpty()) {
          return Optional.empty();
        }
        String origin = request.sysConfig().get().source() + request.sysConfig().get().discoveryLine().stream().mapToObj(l -> ":" + l).findFirst().orElse("");
        GenClusterDiscovery g = gen.get();
        if (g instanceof GenClusterDiscovery.Dns d) {
          return Optional.of(new Discovery.Dns(Strategy.GEN_CLUSTER, query.orElse(d.domain()), DiscoverySpec.queryType(d), DiscoverySpec.hostType(d), origin));
        }
        if (g instanceof GenClusterDiscovery.Static s) {
          return Optional.of(new Discovery.Static(s.nodes(), origin));
        }
        if (g instanceof GenClusterDiscovery.EpmdAll) {
          return Optional.of(new Discovery.Other("epmd_all (nodes on the listed hosts' EPMD)", origin));
        }
        return Optional.of(new Discovery.Other("custom module " + ((GenClusterDiscovery.Custom) g).module(), origin));
      case LIBCLUSTER_DNS:
        return Optional.of(new Discovery.Dns(Strategy.LIBCLUSTER_DNS, request.domain().orElse(svc + "." + namespace + ".svc." + clusterDomain), QueryType.A, HostType.IP, strategyOrigin));
      case LIBCLUSTER_DNSSRV:
        String cd = release == null ? null : release.env("CLUSTER_DOMAIN").map(EnvVar::value).orElse(null);
        String zone = cd == null ? "cluster.local." : cd;
        return Optional.of(new Discovery.Dns(Strategy.LIBCLUSTER_DNSSRV, request.domain().orElse(svc + "." + namespace + ".svc." + zone), QueryType.SRV, HostType.HOSTNAME,
            strategyOrigin + (cd == null ? " (CLUSTER_DOMAIN unset: cluster.local.)" : " (CLUSTER_DOMAIN=" + cd + ")")));
      case LIBCLUSTER_DNSPOLL:
        return Optional.of(new Discovery.Dns(Strategy.LIBCLUSTER_DNSPOLL, request.domain().orElse(svc + "." + namespace + ".svc." + clusterDomain), QueryType.A, HostType.IP, strategyOrigin));
      case DNS_CLUSTER:
        return Optional.of(new Discovery.Dns(Strategy.DNS_CLUSTER, request.domain().orElse(svc + "." + namespace + ".svc." + clusterDomain), QueryType.A, HostType.IP, strategyOrigin));
      default:
        return Optional.empty();
    }
  }
}
