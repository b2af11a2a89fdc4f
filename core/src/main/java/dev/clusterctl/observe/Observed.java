package dev.clusterctl.observe;

import dev.clusterctl.gather.Observation;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;

/**
 * Everything a live source observed besides the objects the model is built from.
 *
 * @param source where it was observed ({@code API https://…}, {@code this pod})
 * @param inPod true for {@code doctor --local}: one pod seen from inside
 * @param pods the workload's pods (for {@code --local}: this pod)
 * @param fqdnHow how {@link ObservedPod#fqdn()} was obtained ({@code exec hostname --fqdn},
 *     {@code hostname --fqdn in this pod}), or why it was not ({@code computed from the spec: no --exec})
 * @param endpoints the service's endpoints from its EndpointSlices
 * @param coredns the CoreDNS ConfigMap's change time and the CoreDNS pods' start times
 * @param policies the NetworkPolicies of the pods' namespace
 * @param podsMissing why the pods could not be read, empty when they were
 * @param dns the real answer to the discovery query
 */
public record Observed(
    String source,
    boolean inPod,
    List<ObservedPod> pods,
    String fqdnHow,
    Observation<List<ObservedEndpoint>> endpoints,
    Observation<CorednsState> coredns,
    Observation<List<NetworkPolicy>> policies,
    String podsMissing,
    Observation<DnsObservation> dns) {

  /** Copies the list. */
  public Observed {
    pods = List.copyOf(pods);
  }

  /** The pods, or why they are not known. */
  public Observation<List<ObservedPod>> podsSeen() {
    return podsMissing.isEmpty() ? Observation.of(pods) : Observation.unavailable(podsMissing);
  }
}
