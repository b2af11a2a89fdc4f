package dev.clusterctl.report;

import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.Discovery;
import dev.clusterctl.model.NodeNaming;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.model.WorkloadInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a report judged, as typed fields: the renderers (text labels, JSON keys) are written from
 * these, so renaming a label never changes the JSON.
 *
 * @param namespace the namespace of the cluster's pods
 * @param service the headless Service peers are found through
 * @param workload the workload whose pods form the cluster, when one was found
 * @param corefile where the Corefile came from
 * @param clusterDomain the kubelet's cluster domain
 * @param discovery how the release finds its peers, when known
 * @param nodeName how the release names its node, when known
 * @param origins where each object a result may name as its subject was read ({@code
 *     Service/payments/ledger} → {@code k8s/service.yaml:12}), for renderers that point at the
 *     manifest line (SARIF); objects read from the API have their API path as origin
 */
public record Target(
    String namespace,
    ServiceTarget service,
    Optional<WorkloadTarget> workload,
    CorefileTarget corefile,
    String clusterDomain,
    Optional<DiscoveryTarget> discovery,
    Optional<NodeNameTarget> nodeName,
    Map<String, String> origins) {

  /** Copies the origins, keeping their order. */
  public Target {
    origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
  }

  /** A target whose objects' origins are not known. */
  public Target(
      String namespace,
      ServiceTarget service,
      Optional<WorkloadTarget> workload,
      CorefileTarget corefile,
      String clusterDomain,
      Optional<DiscoveryTarget> discovery,
      Optional<NodeNameTarget> nodeName) {
    this(namespace, service, workload, corefile, clusterDomain, discovery, nodeName, Map.of());
  }

  /**
   * The Service.
   *
   * @param name the name found or asked for ({@code --service}, the discovery domain), when there is one
   * @param namespace its namespace, when found
   * @param found true when it is among the inputs
   * @param headless true when found and headless
   */
  public record ServiceTarget(Optional<String> name, Optional<String> namespace, boolean found, boolean headless) {}

  /**
   * The workload.
   *
   * @param kind {@code Deployment} or {@code StatefulSet}
   * @param namespace its namespace
   * @param name its name
   * @param replicas {@code spec.replicas}
   */
  public record WorkloadTarget(String kind, String namespace, String name, int replicas) {}

  /**
   * The Corefile.
   *
   * @param origin where it came from ({@code ConfigMap/kube-system/coredns (file:line)}, a file, {@code kubeadm default})
   * @param assumedDefault true when none was given and kubeadm's default is assumed
   */
  public record CorefileTarget(String origin, boolean assumedDefault) {}

  /**
   * The discovery setting.
   *
   * @param kind {@code dns}, {@code static} or {@code other}
   * @param library the library's id ({@code gen-cluster}, {@code libcluster-dns}…), for DNS discovery
   * @param recordType {@code A}, {@code AAAA} or {@code SRV}, for DNS discovery
   * @param query the name asked, for DNS discovery
   * @param hostType {@code ip} or {@code hostname}, for DNS discovery
   * @param description one line in words
   * @param origin where the setting came from ({@code sys.config:4}, {@code --strategy})
   */
  public record DiscoveryTarget(
      String kind, Optional<String> library, Optional<String> recordType, Optional<String> query, Optional<String> hostType, String description, String origin) {}

  /**
   * The node naming.
   *
   * @param template the naming as written ({@code -name ledger@${NODE_HOST}})
   * @param mode {@code long}, {@code short}, or empty when distribution is off
   * @param origin where it came from ({@code vm.args:3}, {@code env RELEASE_*})
   */
  public record NodeNameTarget(String template, Optional<String> mode, String origin) {}

  /** The target of {@code model}. */
  public static Target of(ClusterModel m) {
    Optional<ServiceInfo> s = m.service();
    ServiceTarget service = new ServiceTarget(
        s.map(ServiceInfo::name).or(() -> Optional.ofNullable(m.serviceWanted())), s.map(ServiceInfo::namespace), s.isPresent(), s.map(ServiceInfo::headless).orElse(false));
    Optional<WorkloadTarget> workload = m.workload().map(Target::workload);
    CorefileTarget corefile = new CorefileTarget(m.coredns().origin(), m.coredns().assumedDefault());
    Map<String, String> origins = new LinkedHashMap<>();
    m.services().forEach(x -> origins.putIfAbsent(x.subject(), x.origin()));
    s.ifPresent(x -> origins.put(x.subject(), x.origin()));
    m.members().forEach(x -> origins.putIfAbsent(x.workload().subject(), x.workload().origin()));
    return new Target(m.namespace(), service, workload, corefile, m.clusterDomain(), m.release().discovery().map(Target::discovery),
        m.release().naming().map(Target::naming), origins);
  }

  private static WorkloadTarget workload(WorkloadInfo w) {
    return new WorkloadTarget(w.kind().kind(), w.namespace(), w.name(), w.replicas());
  }

  private static DiscoveryTarget discovery(Discovery d) {
    if (d instanceof Discovery.Dns dns) {
      String hostType = dns.hostType().name().toLowerCase(Locale.ROOT);
      return new DiscoveryTarget("dns", Optional.of(dns.strategy().id()), Optional.of(dns.recordType().name()), Optional.of(dns.query()), Optional.of(hostType),
          dns.strategy().id() + ": " + dns.recordType() + " " + dns.query() + ", host part " + hostType, dns.origin());
    }
    if (d instanceof Discovery.Static st) {
      return new DiscoveryTarget("static", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "static list of " + st.nodes().size() + " nodes", st.origin());
    }
    Discovery.Other o = (Discovery.Other) d;
    return new DiscoveryTarget("other", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), o.description(), o.origin());
  }

  private static NodeNameTarget naming(NodeNaming n) {
    return new NodeNameTarget(n.describe(), n.mode().map(mode -> mode.name().toLowerCase(Locale.ROOT)), n.origin());
  }
}
