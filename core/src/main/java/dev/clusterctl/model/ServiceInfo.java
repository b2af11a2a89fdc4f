package dev.clusterctl.model;

import dev.clusterctl.kube.Selectors;
import java.util.List;
import java.util.Map;

/**
 * A Service, reduced to what decides its DNS records.
 *
 * @param namespace the namespace
 * @param name the name
 * @param clusterIP {@code None} for a headless service, an address, or {@code null} (allocated later)
 * @param type the service type ({@code ClusterIP}, {@code NodePort}, …)
 * @param selector the pod selector; empty for a service without one
 * @param ports the ports
 * @param publishNotReadyAddresses whether not-ready pods are published in DNS
 * @param origin where it was read, for evidence
 */
public record ServiceInfo(
    String namespace,
    String name,
    String clusterIP,
    String type,
    Map<String, String> selector,
    List<ServicePort> ports,
    boolean publishNotReadyAddresses,
    String origin) {

  /** Copies the collections. */
  public ServiceInfo {
    selector = Map.copyOf(selector);
    ports = List.copyOf(ports);
  }

  /** True for a headless service ({@code clusterIP: None}), which gets one DNS record per pod. */
  public boolean headless() {
    return "None".equals(clusterIP);
  }

  /** {@code Service/namespace/name}. */
  public String subject() {
    return "Service/" + namespace + "/" + name;
  }

  /**
   * True when this service selects the pods of {@code w}: same namespace and a non-empty selector
   * that their labels meet (a Service without a selector gets no endpoints from the controller).
   */
  public boolean selects(WorkloadInfo w) {
    return w != null && !selector.isEmpty() && namespace.equals(w.namespace()) && Selectors.matches(selector, w.template().labels());
  }
}
