package dev.clusterctl.observe;

/**
 * One endpoint of the service's EndpointSlices
 * (<a href="https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/#conditions">conditions</a>).
 *
 * @param address its first address
 * @param hostname the endpoint's {@code hostname} (set for pods with a hostname and the service as subdomain), or {@code null}
 * @param podName the pod of its {@code targetRef}, or {@code null}
 * @param ready {@code conditions.ready} (absent counts as ready)
 * @param serving {@code conditions.serving} (absent: as ready)
 * @param terminating {@code conditions.terminating}
 */
public record ObservedEndpoint(String address, String hostname, String podName, boolean ready, boolean serving, boolean terminating) {}
