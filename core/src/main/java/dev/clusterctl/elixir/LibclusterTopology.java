package dev.clusterctl.elixir;

import dev.clusterctl.release.Environment;
import dev.clusterctl.release.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One libcluster topology: its name, strategy and {@code config:} options, each a
 * {@link Setting} with its origin, and the defaults libcluster 3.5 applies where an option is
 * not set (read from {@code lib/strategy/*.ex}).
 *
 * @param name the topology's name ({@code k8s})
 * @param strategy the {@code strategy:} setting
 * @param kind the strategy, known or not
 * @param options the {@code config:} options as set, by key, in order
 * @param origin where the topology is written
 * @param startedAt where a {@code Cluster.Supervisor} child starts it, when the modules read show one
 * @param clusterDomain for {@link StrategyKind#KUBERNETES_DNSSRV} and {@link StrategyKind#KUBERNETES_API}:
 *     the node's {@code CLUSTER_DOMAIN} or the strategy's default; null otherwise
 * @param problems what makes the strategy fail or find nothing, one line each
 */
public record LibclusterTopology(
    String name,
    Setting strategy,
    StrategyKind kind,
    Map<String, Setting> options,
    Origin origin,
    Optional<Origin> startedAt,
    Setting clusterDomain,
    List<String> problems) {

  /** Copies the collections. */
  public LibclusterTopology {
    options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    problems = List.copyOf(problems);
  }

  private static final String OWNER = "libcluster ";

  /** The option {@code key}: as set, else libcluster's default, else missing. */
  public Setting setting(String key) {
    Setting s = options.get(key);
    if (s != null) {
      return s;
    }
    String owner = OWNER + (kind.module() == null ? "" : kind.module());
    Origin o = Origin.defaulted(owner);
    switch (key) {
      case "polling_interval" -> {
        if (kind == StrategyKind.KUBERNETES_DNS || kind == StrategyKind.KUBERNETES_DNSSRV || kind == StrategyKind.DNS_POLL
            || kind == StrategyKind.KUBERNETES_API || kind == StrategyKind.RANCHER) {
          return Setting.defaulted(key, Setting.integer(5000, o), owner);
        }
      }
      case "mode" -> {
        if (kind == StrategyKind.KUBERNETES_API) {
          return Setting.defaulted(key, new Value.Atom("ip", o), owner);
        }
      }
      case "kubernetes_ip_lookup_mode" -> {
        if (kind == StrategyKind.KUBERNETES_API) {
          return Setting.defaulted(key, new Value.Atom("endpoints", o), owner);
        }
      }
      case "kubernetes_cluster_name" -> {
        if (kind == StrategyKind.KUBERNETES_API) {
          return Setting.defaulted(key, new Value.Text("cluster", o), owner);
        }
      }
      case "kubernetes_master" -> {
        if (kind == StrategyKind.KUBERNETES_API) {
          return Setting.defaulted(key, new Value.Text("kubernetes.default.svc", o), owner);
        }
      }
      case "kubernetes_namespace" -> {
        if (kind == StrategyKind.KUBERNETES_API) {
          return new Setting(key, Setting.State.DEFAULT, null, o,
              "the pod's own namespace, read from its service account token folder");
        }
      }
      case "hosts" -> {
        if (kind == StrategyKind.EPMD) {
          return Setting.defaulted(key, new Value.ListOf(List.of(), o), owner);
        }
      }
      default -> { }
    }
    String why = kind.required().contains(key)
        ? (kind == StrategyKind.DNS_POLL ? "DNSPoll needs it: without it the topology logs a warning and finds no node"
            : kind.module() + " reads it with Keyword.fetch!: without it the topology crashes")
        : "not set";
    return Setting.missing(key, why, origin);
  }

  /** {@code service} (Kubernetes.DNS, Kubernetes.DNSSRV). */
  public Setting service() {
    return setting("service");
  }

  /** {@code application_name}: the basename of the node names it derives (Kubernetes.DNS, DNSSRV). */
  public Setting applicationName() {
    return setting("application_name");
  }

  /** {@code namespace} (Kubernetes.DNSSRV). */
  public Setting namespace() {
    return setting("namespace");
  }

  /** {@code polling_interval} in milliseconds. */
  public Setting pollingInterval() {
    return setting("polling_interval");
  }

  /** {@code query} (DNSPoll). */
  public Setting query() {
    return setting("query");
  }

  /** {@code node_basename} (DNSPoll, Rancher). */
  public Setting nodeBasename() {
    return setting("node_basename");
  }

  /** {@code kubernetes_node_basename} (Kubernetes API). */
  public Setting kubernetesNodeBasename() {
    return setting("kubernetes_node_basename");
  }

  /** {@code kubernetes_selector} (Kubernetes API). */
  public Setting kubernetesSelector() {
    return setting("kubernetes_selector");
  }

  /** {@code kubernetes_namespace} (Kubernetes API). */
  public Setting kubernetesNamespace() {
    return setting("kubernetes_namespace");
  }

  /** {@code kubernetes_service_name} (Kubernetes API, {@code :hostname} mode). */
  public Setting kubernetesServiceName() {
    return setting("kubernetes_service_name");
  }

  /** {@code kubernetes_ip_lookup_mode}: {@code :endpoints} (ready pods only) or {@code :pods}. */
  public Setting kubernetesIpLookupMode() {
    return setting("kubernetes_ip_lookup_mode");
  }

  /** {@code mode} (Kubernetes API): {@code :ip}, {@code :dns} or {@code :hostname}. */
  public Setting mode() {
    return setting("mode");
  }

  /** {@code hosts} (Epmd). */
  public Setting hosts() {
    return setting("hosts");
  }

  /** The basename of the node names the topology derives, whatever the strategy calls it. */
  public Setting basename() {
    return switch (kind) {
      case KUBERNETES_DNS, KUBERNETES_DNSSRV -> applicationName();
      case DNS_POLL, RANCHER -> nodeBasename();
      case KUBERNETES_API -> kubernetesNodeBasename();
      default -> Setting.missing("basename", "this strategy derives no basename", origin);
    };
  }

  /** Reads one topology from its resolved spec (a keyword list). */
  static LibclusterTopology read(String name, Value spec, Origin origin, Optional<Origin> startedAt, Resolver resolver) {
    List<String> problems = new ArrayList<>();
    Map<String, Setting> options = new LinkedHashMap<>();
    Setting strategy;
    StrategyKind kind;
    if (!Keywords.isKeyword(spec)) {
      Resolver.Resolution r = resolution(spec);
      strategy = r.known() ? Setting.missing("strategy", "the topology is not a keyword list", origin) : Setting.of("strategy", r);
      return new LibclusterTopology(name, strategy, StrategyKind.UNKNOWN, options, origin, startedAt, null,
          r.known() ? List.of("the topology " + name + " is not a keyword list") : List.of());
    }
    Optional<Value> s = Keywords.get(spec, "strategy");
    if (s.isEmpty()) {
      strategy = Setting.missing("strategy", "Cluster.Supervisor reads it with Keyword.fetch!: it crashes without it", origin);
      kind = StrategyKind.UNKNOWN;
      problems.add("the topology " + name + " has no strategy: Cluster.Supervisor fails to start");
    } else {
      strategy = Setting.of("strategy", resolution(s.get()));
      kind = strategy.atom().map(StrategyKind::of).orElse(StrategyKind.UNKNOWN);
    }
    Optional<Value> config = Keywords.get(spec, "config");
    if (config.isPresent()) {
      if (Keywords.isKeyword(config.get())) {
        for (Value e : ((Value.ListOf) config.get()).items()) {
          String key = Keywords.key(e);
          if (!options.containsKey(key)) {
            options.put(key, Setting.of(key, resolution(Keywords.value(e))));
          }
        }
      } else {
        Resolver.Resolution r = resolution(config.get());
        options.put("config", Setting.of("config", r));
        if (r.known()) {
          problems.add("config: of the topology " + name + " is not a keyword list");
        }
      }
    }
    LibclusterTopology draft = new LibclusterTopology(name, strategy, kind, options, origin, startedAt, null, List.of());
    boolean configUnknown = options.containsKey("config") && !options.get("config").known();
    if (!configUnknown) {
      for (String key : kind.required()) {
        if (draft.setting(key).state() == Setting.State.MISSING) {
          problems.add(key + " is not set: " + draft.setting(key).why());
        }
      }
    }
    if (kind == StrategyKind.DNS_POLL) {
      for (String key : List.of("query", "node_basename")) {
        Setting st = draft.setting(key);
        if (st.known() && !(st.value() instanceof Value.Text t && !t.text().isEmpty())) {
          problems.add(key + " must be a non-empty string: DNSPoll logs a warning and finds no node");
        }
      }
    }
    return new LibclusterTopology(name, strategy, kind, options, origin, startedAt, clusterDomain(kind, draft, resolver), problems);
  }

  private static Setting clusterDomain(StrategyKind kind, LibclusterTopology t, Resolver resolver) {
    if (kind != StrategyKind.KUBERNETES_DNSSRV && kind != StrategyKind.KUBERNETES_API) {
      return null;
    }
    String owner = OWNER + kind.module();
    Environment.Lookup l = resolver.env(Value.Phase.RUNTIME).lookup("CLUSTER_DOMAIN");
    Value dflt;
    if (kind == StrategyKind.KUBERNETES_DNSSRV) {
      dflt = new Value.Text("cluster.local.", Origin.defaulted(owner));
    } else {
      Setting cn = t.setting("kubernetes_cluster_name");
      if (!cn.known()) {
        return new Setting("cluster_domain", Setting.State.UNKNOWN, null, cn.origin(), "depends on kubernetes_cluster_name: " + cn.why());
      }
      dflt = new Value.Text(cn.text().orElse("cluster") + ".local", Origin.defaulted(owner));
    }
    return switch (l.state()) {
      case SET -> Setting.set("cluster_domain", new Value.Text(l.value(), Origin.env("CLUSTER_DOMAIN")));
      case UNSET -> Setting.defaulted("cluster_domain", dflt, owner);
      default -> new Setting("cluster_domain", Setting.State.UNKNOWN, null, Origin.env("CLUSTER_DOMAIN"),
          "CLUSTER_DOMAIN may be set in the node's environment (else " + Setting.show(dflt) + ")");
    };
  }

  /** The unknown and raising parts of an already resolved value. */
  static Resolver.Resolution resolution(Value resolved) {
    return new Resolver("-", Environment.unknown(), Environment.unknown(), null).resolve(resolved);
  }

  /** Name, strategy and options, one line. */
  @Override
  public String toString() {
    return name + ": " + strategy + " " + options.values();
  }
}
