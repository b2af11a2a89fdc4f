package dev.clusterctl.model;

import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.elixir.AppConfig;
import dev.clusterctl.elixir.DiscoverySettings;
import dev.clusterctl.elixir.DnsClusterSpec;
import dev.clusterctl.elixir.ElixirConfig;
import dev.clusterctl.elixir.ElixirDiscovery;
import dev.clusterctl.elixir.LibclusterTopology;
import dev.clusterctl.elixir.ModuleFile;
import dev.clusterctl.elixir.ModuleReader;
import dev.clusterctl.elixir.Setting;
import dev.clusterctl.elixir.StrategyKind;
import dev.clusterctl.release.Environment;
import dev.clusterctl.release.NamedText;
import dev.clusterctl.release.Origin;
import dev.clusterctl.release.ReleaseFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery settings an Elixir project keeps in its config ({@code config :libcluster,
 * topologies: […]} in {@code config/*.exs}) and modules ({@code {DNSCluster, query: …}} in
 * {@code application.ex}), as defaults for what the command line does not say. The config is read
 * as a release boots: {@code config.exs} as built, {@code runtime.exs} with the pod's environment.
 */
final class ElixirSettingsReader {

  private ElixirSettingsReader() {}

  /**
   * {@code r} with the library, Service, basename and query the Elixir project sets, where the
   * options leave them open; what cannot be read goes to {@code notes}.
   */
  static Applied apply(ModelRequest r, Inventory inventory, Notes notes) {
    ReleaseFiles files = r.release();
    if (files.elixirConfig().isEmpty() && files.elixirModules().isEmpty()) {
      return new Applied(r, Optional.empty());
    }
    if (r.strategy().isPresent() || r.sysConfig().isPresent()) {
      notes.note("the Elixir project's discovery settings are not used: " + (r.strategy().isPresent() ? "--strategy" : "a sys.config") + " decides");
      return new Applied(r, Optional.empty());
    }
    Environment env = runtimeEnv(inventory);
    DiscoverySettings settings = read(files, env);
    List<String> defaulted = defaultedVariables(settings);
    if (!defaulted.isEmpty()) {
      // System.get_env("X", default) with X in no input: the default, as the config is written to
      // be used; listed as a premise (the image could set X in its own ENV), not an open question
      for (String v : defaulted) {
        env = env.without(v);
      }
      settings = read(files, env);
      notes.assume(Assumption.premise(Assumption.Topic.DISCOVERY, String.join(", ", defaulted), "not set: the config's System.get_env default applies",
          "no input sets " + (defaulted.size() == 1 ? "it" : "them") + ", and the image rarely does", "the container's env"));
    }
    settings.notes().forEach(n -> notes.note("not read: " + n));
    TargetOptions o = r.options();
    Optional<LibclusterTopology> dns = settings.topologies().stream().filter(t -> t.kind().discovery() == StrategyKind.Discovery.DNS).findFirst();
    for (LibclusterTopology t : settings.topologies()) {
      if (t.kind().discovery() == StrategyKind.Discovery.KUBERNETES_API) {
        notes.note("libcluster topology " + t.name() + " (" + t.origin() + ") finds its peers through the Kubernetes API ("
            + t.kind().module() + "), not DNS: the DNS checks do not judge it");
      }
      t.problems().forEach(p -> notes.note("libcluster topology " + t.name() + ": " + p));
    }
    if (dns.isPresent() && dns.get().kind() == StrategyKind.DNS_POLL) {
      // Cluster.Strategy.DNSPoll: its query as configured (inet_res:lookup, no search list), node_basename before '@'
      LibclusterTopology t = dns.get();
      Optional<String> query = known(t.query(), "query", t, notes);
      Optional<String> basename = known(t.nodeBasename(), "node_basename", t, notes);
      return new Applied(with(r, new TargetOptions(Optional.of(Strategy.LIBCLUSTER_DNSPOLL), o.basename().or(() -> basename),
          o.domain().or(() -> query), o.service(), o.workload(), o.namespace(), o.clusterDomain())),
          t.origin() + " (libcluster topology " + t.name() + ")", t.query().origin(), o.domain().isPresent());
    }
    if (dns.isPresent()) {
      LibclusterTopology t = dns.get();
      Strategy s = t.kind() == StrategyKind.KUBERNETES_DNSSRV ? Strategy.LIBCLUSTER_DNSSRV : Strategy.LIBCLUSTER_DNS;
      Optional<String> service = known(t.service(), "service", t, notes);
      Optional<String> basename = known(t.applicationName(), "application_name", t, notes);
      return new Applied(with(r, new TargetOptions(Optional.of(s), o.basename().or(() -> basename), o.domain(), o.service().or(() -> service), o.workload(),
          o.namespace(), o.clusterDomain())), t.origin() + " (libcluster topology " + t.name() + ")", t.service().origin(), o.service().isPresent());
    }
    Optional<DnsClusterSpec> dc = settings.dnsClusters().stream().filter(d -> !d.ignored()).findFirst();
    if (dc.isPresent()) {
      DnsClusterSpec d = dc.get();
      d.problems().forEach(p -> notes.note("DNSCluster: " + p));
      Optional<String> query = d.queries().stream().findFirst().map(DnsClusterSpec.Query::name);
      if (d.queries().size() > 1) {
        notes.note("DNSCluster (" + d.origin() + ") looks up " + d.queries().size() + " queries, each named with its own"
            + " basename, and joins the answers; the doctor judges the first only (" + query.orElse("?") + ")");
      }
      if (query.isEmpty()) {
        notes.assume(new Assumption(Assumption.Topic.DISCOVERY, "DNSCluster's query", "unknown", "the query (" + d.origin() + ") is not known from the inputs",
            "--domain NAME, or the container's DNS_CLUSTER_QUERY"));
      }
      return new Applied(with(r, new TargetOptions(Optional.of(Strategy.DNS_CLUSTER), o.basename().or(() -> d.queries().stream().findFirst().flatMap(DnsClusterSpec.Query::basename)),
          o.domain().or(() -> query), o.service(), o.workload(), o.namespace(), o.clusterDomain())), d.origin() + " (DNSCluster)",
          d.queries().stream().findFirst().map(DnsClusterSpec.Query::origin).orElse(null), o.domain().isPresent());
    }
    settings.dnsClusters().stream().filter(DnsClusterSpec::ignored).findFirst()
        .ifPresent(d -> notes.note("DNSCluster (" + d.origin() + ") has query :ignore: it does not start, so it finds no peers"));
    Optional<Discovery.Other> unjudged = settings.topologies().stream().findFirst()
        .map(t -> new Discovery.Other("libcluster topology " + t.name() + " (" + t.kind().module()
            + (t.kind().discovery() == StrategyKind.Discovery.KUBERNETES_API ? ", through the Kubernetes API" : "") + ")", t.origin().toString()));
    return new Applied(r, Optional.empty(), unjudged, Optional.empty());
  }

  /**
   * The request with the project's settings applied.
   *
   * @param request the request
   * @param origin where the discovery library's settings were read, when from the project
   * @param unjudged the project's discovery when it is one doctor does not simulate (a topology that
   *     finds peers through the Kubernetes API, DNSPoll): named, so that nothing asks for --strategy
   * @param setting where the name discovery asks for is set (libcluster's service, DNSPoll's and
   *     DNSCluster's query): a file line or a container variable, when one
   */
  record Applied(ModelRequest request, Optional<String> origin, Optional<Discovery.Other> unjudged, Optional<Origin> setting) {

    /** Settings with no discovery the DNS checks cannot judge. */
    Applied(ModelRequest request, Optional<String> origin) {
      this(request, origin, Optional.empty(), Optional.empty());
    }

    /**
     * Settings from the project; the name asked for is set at {@code setting} unless the command
     * line gave it ({@code fromCommandLine}), kept when it is a file line or a container variable.
     */
    Applied(ModelRequest request, String origin, Origin setting, boolean fromCommandLine) {
      this(request, Optional.of(origin), Optional.empty(), Optional.ofNullable(setting).filter(x -> !fromCommandLine)
          .filter(o -> o.kind() == Origin.Kind.FILE && o.line() > 0 || o.kind() == Origin.Kind.ENV));
    }
  }

  /** The variables of {@code System.get_env(X, default)} calls the topologies' required settings depend on and no input sets. */
  private static List<String> defaultedVariables(DiscoverySettings settings) {
    List<String> out = new ArrayList<>();
    for (LibclusterTopology t : settings.topologies()) {
      for (String key : t.kind().required()) {
        t.setting(key).defaultedVariables().stream().filter(v -> !out.contains(v)).forEach(out::add);
      }
    }
    return out;
  }

  private static ModelRequest with(ModelRequest r, TargetOptions o) {
    return new ModelRequest(r.objects(), r.corefile(), r.sysConfig(), r.vmArgs(), r.release(), o);
  }

  /** The setting's text when known; else an assumption naming what would settle it. */
  private static Optional<String> known(Setting s, String key, LibclusterTopology t, Notes notes) {
    if (s.known()) {
      return s.text();
    }
    if (s.state() == Setting.State.UNKNOWN || s.state() == Setting.State.RAISES) {
      notes.assume(new Assumption(Assumption.Topic.DISCOVERY, "libcluster " + key + " (topology " + t.name() + ")", "unknown",
          s.why() == null ? "not known from the inputs" : s.why(), "the container's env, or --" + (key.equals("application_name") ? "basename" : "service")));
    }
    return Optional.empty();
  }

  /** The config as a release boots it, {@code System.get_env} in {@code runtime.exs} reading {@code runtime}. */
  static DiscoverySettings read(ReleaseFiles files, Environment runtime) {
    Map<String, String> config = new LinkedHashMap<>();
    for (NamedText t : files.elixirConfig()) {
      config.put(projectPath(t.name(), "config/"), t.text());
    }
    AppConfig app = ElixirConfig.of(config).release("prod", Environment.unknown(), runtime);
    List<ModuleFile> modules = new ArrayList<>();
    for (NamedText t : files.elixirModules()) {
      modules.add(ModuleReader.read(t.text(), projectPath(t.name(), "lib/")));
    }
    return ElixirDiscovery.read(app, modules);
  }

  /** {@code path} from its project folder on ({@code config/runtime.exs}), as the config's imports name files. */
  private static String projectPath(String path, String folder) {
    String p = path.replace('\\', '/');
    int i = p.lastIndexOf("/" + folder);
    return i >= 0 ? p.substring(i + 1) : p.startsWith(folder) ? p : folder + p.substring(p.lastIndexOf('/') + 1);
  }

  /**
   * The environment the nodes boot with, as far as the inputs say: the literal variables of the
   * workloads' containers (one workload's when there is one); everything else is unknown.
   */
  private static Environment runtimeEnv(Inventory inventory) {
    Map<String, String> values = new LinkedHashMap<>();
    for (WorkloadInfo w : inventory.workloads()) {
      for (ContainerInfo c : w.template().containers()) {
        for (EnvVar e : c.env()) {
          if (e.value() != null && (e.from() == null || e.from().startsWith("configMap"))) {
            values.putIfAbsent(e.name(), e.value());
          }
        }
      }
    }
    return Environment.partial(values);
  }
}
