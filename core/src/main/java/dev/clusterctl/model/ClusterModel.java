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
 * @param notes assumptions made while building the model, shown in the report
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
    List<String> notes) {

  /** Copies the lists. */
  public ClusterModel {
    services = List.copyOf(services);
    notes = List.copyOf(notes);
  }
}
