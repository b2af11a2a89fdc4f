package dev.clusterctl.model;

/**
 * A Deployment or StatefulSet.
 *
 * @param kind which of the two
 * @param namespace the namespace
 * @param name the name
 * @param replicas {@code spec.replicas} (1 when absent)
 * @param serviceName a StatefulSet's {@code spec.serviceName}, else {@code null}
 * @param template the pod template
 * @param origin where it was read, for evidence
 */
public record WorkloadInfo(
    WorkloadKind kind, String namespace, String name, int replicas, String serviceName, PodTemplate template, String origin) {

  /** {@code Kind/namespace/name}. */
  public String subject() {
    return kind.kind() + "/" + namespace + "/" + name;
  }
}
