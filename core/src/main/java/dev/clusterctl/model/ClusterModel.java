package dev.clusterctl.model;

import java.util.List;
import java.util.Optional;

/**
 * The deployment as clusterctl understands it; every check reads this and nothing else.
 *
 * @param namespace the namespace of the cluster's pods
 * @param service the headless service peers are discovered through, when found
 * @param serviceWanted the service name the discovery domain or {@code --service} asks for
 * @param services every Service among the inputs (for candidates in messages)
 * @param workload the Deployment or StatefulSet whose pods form the cluster, when found
 * @param coredns the CoreDNS {@code kubernetes} settings
 * @param clusterDomain the kubelet's cluster domain (pod FQDNs end with it)
 * @param release the release's naming, discovery and cookie
 * @param assumptions what the inputs did not settle and the model took in its place
 * @param notes other things worth saying about the inputs (an object read twice, a sys.config warning)
 */
public record ClusterModel(
    String namespace,
    Optional<ServiceInfo> service,
    String serviceWanted,
    List<ServiceInfo> services,
    Optional<WorkloadInfo> workload,
    CorednsSettings coredns,
    String clusterDomain,
    ReleaseInfo release,
    List<Assumption> assumptions,
    List<String> notes) {

  /** Copies the lists. */
  public ClusterModel {
    services = List.copyOf(services);
    assumptions = List.copyOf(assumptions);
    notes = List.copyOf(notes);
  }

  /** The assumptions about {@code topics}. */
  public List<Assumption> assumptionsAbout(Assumption.Topic... topics) {
    List<Assumption.Topic> wanted = List.of(topics);
    return assumptions.stream().filter(a -> wanted.contains(a.topic())).toList();
  }

  /** This model with other CoreDNS settings. */
  public ClusterModel withCoredns(CorednsSettings other) {
    return new ClusterModel(namespace, service, serviceWanted, services, workload, other, clusterDomain, release, assumptions, notes);
  }

  /** This model with other release settings. */
  public ClusterModel withRelease(ReleaseInfo other) {
    return new ClusterModel(namespace, service, serviceWanted, services, workload, coredns, clusterDomain, other, assumptions, notes);
  }
}
