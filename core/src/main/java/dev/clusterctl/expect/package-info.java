/**
 * The expectation: from the model, what CoreDNS would answer for example pods, what each pod
 * calls itself, and which node names its peers derive from the answer.
 *
 * <p>The rules are CoreDNS's {@code kubernetes} plugin (endpoint names, SRV weights), the
 * EndpointSlice controller (readiness, {@code publishNotReadyAddresses}), the kubelet (pod host
 * names) and the discovery libraries (node names from records).
 */
package dev.clusterctl.expect;
