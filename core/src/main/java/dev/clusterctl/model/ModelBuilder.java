package dev.clusterctl.model;

import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.coredns.KubernetesPlugin;
import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.discovery.HostType;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.DomainNames;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.erlang.GenClusterDiscovery;
import dev.clusterctl.erlang.PortRange;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.kube.LoadedObject;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the {@link ClusterModel} from a {@link ModelRequest}: finds the Corefile, works out the
 * discovery query, picks the service and the workload (inferring them from the discovery domain
 * when it can, and saying which candidates it found when it cannot), and reads the release's
 * naming, cookie and distribution port.
 */
public final class ModelBuilder {

  /** The namespace of objects that have none, when {@code -n} is not given. */
  public static final String DEFAULT_NAMESPACE = "default";

  private static final String COREDNS_CONFIGMAP = "coredns";

  private ModelBuilder() {}

  /** Builds the model; an ambiguous or impossible choice is a {@link BadInputException}. */
  public static ClusterModel build(ModelRequest r) {
    List<String> notes = new ArrayList<>();
    String defaultNs = r.namespace().orElse(DEFAULT_NAMESPACE);
    List<ConfigMap> configMaps = ofType(r.objects(), ConfigMap.class);
    KubeObjects kube = new KubeObjects(defaultNs, configMaps);
    List<ServiceInfo> services = new ArrayList<>();
    List<WorkloadInfo> workloads = new ArrayList<>();
    for (LoadedObject o : r.objects()) {
      HasMetadata h = o.object();
      if (h instanceof Service s) {
        services.add(kube.service(s, o.origin()));
      } else if (h instanceof Deployment d) {
        workloads.add(kube.deployment(d, o.origin()));
      } else if (h instanceof StatefulSet s) {
        workloads.add(kube.statefulSet(s, o.origin()));
      }
    }

    dedupe(services, ServiceInfo::subject, ServiceInfo::origin, notes);
    dedupe(workloads, WorkloadInfo::subject, WorkloadInfo::origin, notes);
    Corefile corefile = corefile(r, notes);
    notes.addAll(corefile.fileImportNotes());
    r.sysConfig().ifPresent(sc -> notes.addAll(sc.warnings()));
    r.vmArgs().ifPresent(v -> notes.addAll(v.warnings()));
    String clusterDomain = r.clusterDomain().map(DomainNames::withoutTrailingDot).orElse(corefile.clusterDomain().map(DomainNames::withoutTrailingDot).orElse("cluster.local"));
    CorednsSettings coredns = coredns(corefile, clusterDomain);

    Optional<Strategy> strategy = r.strategy().or(() -> r.sysConfig().isPresent() || r.domain().isPresent() ? Optional.of(Strategy.GEN_CLUSTER) : Optional.empty());
    if (r.sysConfig().isEmpty() && r.strategy().isEmpty() && r.domain().isPresent()) {
      notes.add("no --sys-config or --strategy: assumed gen_cluster's defaults for --domain (A records, names by IP)");
    }
    Optional<GenClusterDiscovery> gen = strategy.filter(s -> s == Strategy.GEN_CLUSTER).flatMap(s -> r.sysConfig().flatMap(SysConfig::genClusterDiscovery));
    if (strategy.filter(s -> s == Strategy.GEN_CLUSTER).isPresent() && r.sysConfig().isPresent() && gen.isEmpty()) {
      notes.add(r.sysConfig().get().source() + " has no gen_cluster settings: discovery unknown");
    }
    Optional<String> genQuery = r.domain().or(() -> gen.filter(GenClusterDiscovery.Dns.class::isInstance).map(d -> ((GenClusterDiscovery.Dns) d).domain()));
    genQuery.ifPresent(q -> DomainNames.lookupName(q, r.domain().isPresent() ? "--domain" : r.sysConfig().get().source() + " (gen_cluster domain)"));

    Target t = pickService(r, strategy, genQuery, services, workloads, defaultNs, notes);
    String serviceWanted = t.serviceWanted();
    String namespace = t.namespace();
    Optional<ServiceInfo> service = t.service();
    Optional<WorkloadInfo> workload = workload(r.workload(), workloads, service, namespace, notes);
    if (service.isEmpty() && serviceWanted == null && workload.isPresent()) {
      namespace = workload.get().namespace();
    }

    ContainerInfo release = workload.map(w -> w.template().release()).orElse(null);
    Optional<Discovery> discovery = discovery(r, strategy, gen, genQuery, serviceWanted, namespace, clusterDomain, release);
    Optional<NodeNaming> naming = naming(r, release, strategy);
    boolean elixir = naming.filter(ElixirNaming.class::isInstance).isPresent()
        || strategy.filter(s -> s != Strategy.GEN_CLUSTER).isPresent()
        || (release != null && release.env().stream().anyMatch(e -> e.name().startsWith("RELEASE_")));
    List<CookieSource> cookies = cookies(r.vmArgs(), release);
    OptionalInt distPort = OptionalInt.empty();
    String distOrigin = "";
    if (r.vmArgs().isPresent() && r.vmArgs().get().distPort().isPresent()) {
      distPort = r.vmArgs().get().distPort();
      distOrigin = r.vmArgs().get().source();
    } else if (r.sysConfig().flatMap(SysConfig::distPortRange).filter(PortRange::isSinglePort).isPresent()) {
      distPort = OptionalInt.of(r.sysConfig().get().distPortRange().get().min());
      distOrigin = r.sysConfig().get().source() + " (kernel inet_dist_listen_min)";
    }
    Optional<String> protoDist = r.vmArgs().flatMap(VmArgs::protoDist).or(() -> protoDistFromEnv(release));
    ReleaseInfo info = new ReleaseInfo(naming, discovery, r.basename(), cookies, distPort, distOrigin, elixir, protoDist);
    return new ClusterModel(namespace, service, serviceWanted, services, workload, coredns, clusterDomain, info, notes);
  }

  /** The service peers are found through, the name asked for, and the cluster's namespace. */
  private record Target(Optional<ServiceInfo> service, String serviceWanted, String namespace) {}

  /** The service: {@code --service}, else the one the discovery domain names, else the one headless candidate. */
  private static Target pickService(
      ModelRequest r, Optional<Strategy> strategy, Optional<String> genQuery, List<ServiceInfo> services, List<WorkloadInfo> workloads,
      String defaultNs, List<String> notes) {
    String wanted = r.service().orElse(null);
    String namespace = r.namespace().orElse(null);
    boolean domainNamesService = r.domain().isPresent() || (genQuery.isPresent() && strategy.orElse(null) == Strategy.GEN_CLUSTER);
    if (domainNamesService) {
      String[] sn = serviceAndNamespace(genQuery.get());
      wanted = wanted == null ? sn[0] : wanted;
      namespace = namespace == null ? sn[1] : namespace;
    }
    String ns = namespace;
    if (wanted != null) {
      String want = wanted;
      Optional<ServiceInfo> found = services.stream().filter(s -> s.name().equals(want) && (ns == null || s.namespace().equals(ns))).findFirst();
      return new Target(found, wanted, namespace != null ? namespace : found.map(ServiceInfo::namespace).orElse(defaultNs));
    }
    List<ServiceInfo> candidates = services.stream().filter(s -> ns == null || s.namespace().equals(ns)).filter(ServiceInfo::headless).toList();
    if (candidates.size() > 1) {
      List<ServiceInfo> selecting = candidates.stream().filter(s -> workloads.stream().anyMatch(w -> s.selects(w))).toList();
      candidates = selecting.isEmpty() ? candidates : selecting;
    }
    if (candidates.size() > 1) {
      throw new BadInputException("several Services could be the cluster's ("
          + candidates.stream().map(ServiceInfo::subject).collect(Collectors.joining(", ")) + "): choose one with --service");
    }
    if (candidates.isEmpty()) {
      return new Target(Optional.empty(), null, namespace != null ? namespace : defaultNs);
    }
    ServiceInfo only = candidates.get(0);
    notes.add("service " + only.name() + " inferred: no discovery domain names one, and it is the one headless Service that fits");
    return new Target(Optional.of(only), only.name(), namespace != null ? namespace : only.namespace());
  }

  /** Keeps the last of objects with the same kind, namespace and name, as applying them in order would. */
  private static <T> void dedupe(List<T> list, java.util.function.Function<T, String> key, java.util.function.Function<T, String> origin, List<String> notes) {
    java.util.Map<String, T> last = new java.util.LinkedHashMap<>();
    for (T t : list) {
      T before = last.put(key.apply(t), t);
      if (before != null) {
        notes.add(key.apply(t) + " appears more than once: the last one (" + origin.apply(t) + ") is used");
      }
    }
    if (last.size() != list.size()) {
      list.clear();
      list.addAll(last.values());
    }
  }

  private static Corefile corefile(ModelRequest r, List<String> notes) {
    if (r.corefile().isPresent()) {
      return r.corefile().get();
    }
    for (LoadedObject o : r.objects()) {
      if (o.object() instanceof ConfigMap cm && COREDNS_CONFIGMAP.equals(cm.getMetadata().getName()) && cm.getData() != null && cm.getData().containsKey("Corefile")) {
        String ns = cm.getMetadata().getNamespace() == null ? "kube-system" : cm.getMetadata().getNamespace();
        return Corefile.parse(cm.getData().get("Corefile"), "ConfigMap/" + ns + "/coredns (" + o.origin() + ")");
      }
    }
    notes.add("no coredns ConfigMap among the inputs and no --corefile: assumed kubeadm's default Corefile (no endpoint_pod_names)");
    return Corefile.kubeadmDefault();
  }

  private static CorednsSettings coredns(Corefile corefile, String clusterDomain) {
    Optional<KubernetesPlugin> plugin = corefile.kubernetesFor(clusterDomain);
    if (plugin.isEmpty() && !corefile.kubernetesPlugins().isEmpty()) {
      plugin = Optional.of(corefile.kubernetesPlugins().get(0));
    }
    boolean assumed = Corefile.KUBEADM_DEFAULT_SOURCE.equals(corefile.source());
    if (plugin.isEmpty()) {
      return new CorednsSettings(List.of(), false, 5, false, corefile.source(), 0, assumed);
    }
    KubernetesPlugin k = plugin.get();
    return new CorednsSettings(k.zones(), k.endpointPodNames(), k.ttl(), k.serverBlockHasReload(), corefile.source(), k.line(), assumed);
  }

  /** The service and namespace a discovery domain names: {@code [_p._t.]svc[.ns[.svc.zone]]}. */
  static String[] serviceAndNamespace(String domain) {
    String d = DomainNames.withoutTrailingDot(domain);
    List<String> labels = new ArrayList<>(List.of(d.split("\\.")));
    while (labels.size() > 1 && labels.get(0).startsWith("_")) {
      labels.remove(0);
    }
    return new String[] {labels.get(0), labels.size() > 1 ? labels.get(1) : null};
  }

  private static Optional<WorkloadInfo> workload(Optional<String> asked, List<WorkloadInfo> workloads, Optional<ServiceInfo> service, String namespace, List<String> notes) {
    if (asked.isPresent()) {
      String a = asked.get();
      int slash = a.indexOf('/');
      if (slash < 0) {
        throw new BadInputException("--workload " + a + ": expected deploy/NAME or sts/NAME");
      }
      String kind = a.substring(0, slash).toLowerCase(Locale.ROOT);
      String name = a.substring(slash + 1);
      WorkloadKind k = switch (kind) {
        case "deploy", "deployment", "deployments" -> WorkloadKind.DEPLOYMENT;
        case "sts", "statefulset", "statefulsets" -> WorkloadKind.STATEFULSET;
        default -> throw new BadInputException("--workload " + a + ": expected deploy/NAME or sts/NAME");
      };
      return Optional.of(workloads.stream().filter(w -> w.kind() == k && w.name().equals(name) && w.namespace().equals(namespace)).findFirst()
          .or(() -> workloads.stream().filter(w -> w.kind() == k && w.name().equals(name)).findFirst())
          .orElseThrow(() -> new BadInputException("--workload " + a + ": no " + k.kind() + " " + name + " among the inputs")));
    }
    List<WorkloadInfo> candidates = service.map(s -> workloads.stream().filter(w -> s.selects(w)).toList()).orElse(List.of());
    if (candidates.isEmpty()) {
      candidates = workloads.stream().filter(w -> w.namespace().equals(namespace)).toList();
      if (candidates.isEmpty() && service.isEmpty()) {
        candidates = workloads;
      }
    }
    if (candidates.size() > 1 && service.isPresent()) {
      List<WorkloadInfo> sts = candidates.stream().filter(w -> service.get().name().equals(w.serviceName())).toList();
      if (sts.size() == 1) {
        candidates = sts;
      }
    }
    if (candidates.size() > 1) {
      throw new BadInputException("several workloads could be the cluster's (" + candidates.stream().map(WorkloadInfo::subject).collect(Collectors.joining(", ")) + "): choose one with --workload deploy/NAME or sts/NAME");
    }
    if (candidates.size() == 1 && (service.isEmpty() || !service.get().selects(candidates.get(0)))) {
      notes.add("workload " + candidates.get(0).subject() + " assumed: the only one" + (service.isPresent() ? ", though the Service does not select it" : ""));
    }
    return candidates.stream().findFirst();
  }

  private static Optional<Discovery> discovery(
      ModelRequest r, Optional<Strategy> strategy, Optional<GenClusterDiscovery> gen, Optional<String> genQuery,
      String service, String namespace, String clusterDomain, ContainerInfo release) {
    if (strategy.isEmpty()) {
      return Optional.empty();
    }
    String svc = service == null ? "SERVICE" : service;
    switch (strategy.get()) {
      case GEN_CLUSTER:
        if (r.domain().isPresent() && (gen.isEmpty() || gen.get() instanceof GenClusterDiscovery.Dns)) {
          GenClusterDiscovery.Dns d = gen.map(GenClusterDiscovery.Dns.class::cast).orElse(null);
          QueryType rt = d == null ? QueryType.A : DiscoverySpec.queryType(d);
          HostType ht = d == null ? HostType.IP : DiscoverySpec.hostType(d);
          return Optional.of(new Discovery.Dns(Strategy.GEN_CLUSTER, r.domain().get(), rt, ht, "--domain"));
        }
        if (gen.isEmpty()) {
          return Optional.empty();
        }
        String origin = r.sysConfig().get().source() + r.sysConfig().get().discoveryLine().stream().mapToObj(l -> ":" + l).findFirst().orElse("");
        GenClusterDiscovery g = gen.get();
        if (g instanceof GenClusterDiscovery.Dns d) {
          return Optional.of(new Discovery.Dns(Strategy.GEN_CLUSTER, genQuery.orElse(d.domain()), DiscoverySpec.queryType(d), DiscoverySpec.hostType(d), origin));
        }
        if (g instanceof GenClusterDiscovery.Static s) {
          return Optional.of(new Discovery.Static(s.nodes(), origin));
        }
        if (g instanceof GenClusterDiscovery.EpmdAll) {
          return Optional.of(new Discovery.Other("epmd_all (nodes on the listed hosts' EPMD)", origin));
        }
        return Optional.of(new Discovery.Other("custom module " + ((GenClusterDiscovery.Custom) g).module(), origin));
      case LIBCLUSTER_DNS:
        return Optional.of(new Discovery.Dns(Strategy.LIBCLUSTER_DNS, r.domain().orElse(svc + "." + namespace + ".svc." + clusterDomain), QueryType.A, HostType.IP, "--strategy"));
      case LIBCLUSTER_DNSSRV:
        String cd = release == null ? null : release.env("CLUSTER_DOMAIN").map(EnvVar::value).orElse(null);
        String zone = cd == null ? "cluster.local." : cd;
        return Optional.of(new Discovery.Dns(Strategy.LIBCLUSTER_DNSSRV, r.domain().orElse(svc + "." + namespace + ".svc." + zone), QueryType.SRV, HostType.HOSTNAME,
            "--strategy" + (cd == null ? " (CLUSTER_DOMAIN unset: cluster.local.)" : " (CLUSTER_DOMAIN=" + cd + ")")));
      case DNS_CLUSTER:
        return Optional.of(new Discovery.Dns(Strategy.DNS_CLUSTER, r.domain().orElse(svc + "." + namespace + ".svc." + clusterDomain), QueryType.A, HostType.IP, "--strategy"));
      default:
        return Optional.empty();
    }
  }

  private static Optional<NodeNaming> naming(ModelRequest r, ContainerInfo release, Optional<Strategy> strategy) {
    if (r.vmArgs().isPresent() && r.vmArgs().get().nameMode().isPresent()) {
      return Optional.of(new VmArgsNaming(r.vmArgs().get()));
    }
    boolean releaseVars = release != null && (release.env("RELEASE_NODE").isPresent() || release.env("RELEASE_DISTRIBUTION").isPresent());
    boolean elixirStrategy = strategy.filter(s -> s != Strategy.GEN_CLUSTER).isPresent();
    if (releaseVars || elixirStrategy) {
      String dist = release == null ? null : release.env("RELEASE_DISTRIBUTION").map(EnvVar::value).orElse(null);
      return Optional.of(new ElixirNaming(dist, r.basename().orElse(null)));
    }
    return Optional.empty();
  }

  /** {@code -proto_dist P} in the flags the VM takes from the environment. */
  private static Optional<String> protoDistFromEnv(ContainerInfo release) {
    if (release == null) {
      return Optional.empty();
    }
    for (String var : List.of("ERL_FLAGS", "ERL_AFLAGS", "ERL_ZFLAGS")) {
      Optional<String> v = release.env(var).map(EnvVar::value).filter(x -> x != null);
      if (v.isPresent()) {
        String[] words = v.get().trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
          if (words[i].equals("-proto_dist")) {
            return Optional.of(words[i + 1]);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static List<CookieSource> cookies(Optional<VmArgs> vmArgs, ContainerInfo release) {
    List<CookieSource> out = new ArrayList<>();
    if (release != null) {
      for (String var : List.of("RELEASE_COOKIE", "RELX_COOKIE")) {
        release.env(var).ifPresent(e -> out.add(new CookieSource("env " + var + (e.from() == null ? "" : " (" + e.from() + ")"), var, null, List.of())));
      }
    }
    if (vmArgs.isPresent() && vmArgs.get().hasCookie()) {
      VmArgs v = vmArgs.get();
      List<String> vars = v.cookieVariables();
      String hash = vars.isEmpty() ? v.cookieHash(java.util.Map.of()).orElse(null) : null;
      out.add(new CookieSource(v.cookieSource().orElse(v.source() + " -setcookie"), null, hash, vars));
    }
    Set<String> seen = new LinkedHashSet<>();
    out.removeIf(c -> !seen.add(c.origin()));
    return out;
  }

  private static <T> List<T> ofType(List<LoadedObject> objects, Class<T> type) {
    return objects.stream().map(LoadedObject::object).filter(type::isInstance).map(type::cast).toList();
  }
}
