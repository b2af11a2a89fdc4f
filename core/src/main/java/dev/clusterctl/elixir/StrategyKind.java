package dev.clusterctl.elixir;

import java.util.Arrays;
import java.util.List;

/**
 * libcluster's strategies (3.5), with what each needs and how it finds peers; read from
 * {@code lib/strategy/*.ex} of bitwalker/libcluster.
 */
public enum StrategyKind {
  /** A records of a headless Service ({@code :inet_res.getbyname(service, :a)}); names {@code application_name@IP}. */
  KUBERNETES_DNS("Cluster.Strategy.Kubernetes.DNS", Discovery.DNS, List.of("service", "application_name")),
  /** SRV records of {@code service.namespace.svc.CLUSTER_DOMAIN}; names {@code application_name@TARGET}. */
  KUBERNETES_DNSSRV("Cluster.Strategy.Kubernetes.DNSSRV", Discovery.DNS, List.of("service", "application_name", "namespace")),
  /** A and AAAA records of {@code query} ({@code :inet_res.lookup}, no search list); names {@code node_basename@IP}. */
  DNS_POLL("Cluster.Strategy.DNSPoll", Discovery.DNS, List.of("query", "node_basename")),
  /** The Kubernetes API (Endpoints or Pods matching {@code kubernetes_selector}): not judged by DNS checks. */
  KUBERNETES_API("Cluster.Strategy.Kubernetes", Discovery.KUBERNETES_API, List.of("kubernetes_node_basename", "kubernetes_selector")),
  /** A fixed list of {@code hosts} (node names). */
  EPMD("Cluster.Strategy.Epmd", Discovery.STATIC, List.of()),
  /** The nodes registered with the local EPMD. */
  LOCAL_EPMD("Cluster.Strategy.LocalEpmd", Discovery.STATIC, List.of()),
  /** The hosts of {@code .hosts.erlang}. */
  ERLANG_HOSTS("Cluster.Strategy.ErlangHosts", Discovery.STATIC, List.of()),
  /** UDP multicast gossip. */
  GOSSIP("Cluster.Strategy.Gossip", Discovery.MULTICAST, List.of()),
  /** Rancher's metadata service. */
  RANCHER("Cluster.Strategy.Rancher", Discovery.OTHER, List.of("node_basename")),
  /** A strategy this reader does not know (a custom module). */
  OTHER(null, Discovery.OTHER, List.of()),
  /** The strategy is not known from the inputs. */
  UNKNOWN(null, Discovery.OTHER, List.of());

  /** How a strategy finds its peers. */
  public enum Discovery {
    /** DNS lookups: judged by the DNS checks. */
    DNS,
    /** The Kubernetes API. */
    KUBERNETES_API,
    /** A configured list or the local host. */
    STATIC,
    /** Multicast. */
    MULTICAST,
    /** Something else. */
    OTHER
  }

  private final String module;
  private final Discovery discovery;
  private final List<String> required;

  StrategyKind(String module, Discovery discovery, List<String> required) {
    this.module = module;
    this.discovery = discovery;
    this.required = required;
  }

  /** The module, e.g. {@code Cluster.Strategy.Kubernetes.DNS}; null for OTHER and UNKNOWN. */
  public String module() {
    return module;
  }

  /** How it finds peers. */
  public Discovery discovery() {
    return discovery;
  }

  /** The options it reads with {@code Keyword.fetch!}/{@code Keyword.fetch} and cannot do without. */
  public List<String> required() {
    return required;
  }

  /** The strategy of a module atom ({@code Elixir.Cluster.Strategy.Epmd}). */
  public static StrategyKind of(String atom) {
    String m = atom.startsWith("Elixir.") ? atom.substring("Elixir.".length()) : atom;
    return Arrays.stream(values()).filter(k -> m.equals(k.module)).findFirst().orElse(OTHER);
  }
}
