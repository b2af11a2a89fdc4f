package dev.clusterctl.expect;

import java.util.Map;

/**
 * One EndpointSlice endpoint as CoreDNS sees it.
 *
 * @param pod the pod behind it
 * @param name its DNS label ({@code hostname}, pod name with {@code endpoint_pod_names}, or the dashed IP)
 * @param nameRule which rule chose the name: {@code hostname}, {@code endpoint_pod_names} or {@code dashed IP}
 * @param ports service port name → the pod port it resolves to
 */
public record Endpoint(ExamplePod pod, String name, String nameRule, Map<String, Integer> ports) {}
