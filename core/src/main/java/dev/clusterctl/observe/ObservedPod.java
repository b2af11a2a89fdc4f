package dev.clusterctl.observe;

import java.util.Map;
import java.util.Optional;

/**
 * One running pod of the workload as the API (or the pod itself) shows it.
 *
 * @param name the pod name
 * @param ip {@code status.podIP}, or {@code null} before it is assigned
 * @param phase {@code status.phase}
 * @param ready whether the {@code Ready} condition is true
 * @param labels its labels
 * @param specHostname {@code spec.hostname}, or {@code null}
 * @param specSubdomain {@code spec.subdomain}, or {@code null}
 * @param fqdn what {@code hostname --fqdn} says in the pod, when it was asked (exec, or in the pod itself)
 */
public record ObservedPod(
    String name, String ip, String phase, boolean ready, Map<String, String> labels, String specHostname, String specSubdomain, Optional<String> fqdn) {

  /** Copies the labels. */
  public ObservedPod {
    labels = Map.copyOf(labels);
  }

  /** The same pod with {@code hostname --fqdn} as observed. */
  public ObservedPod withFqdn(String value) {
    return new ObservedPod(name, ip, phase, ready, labels, specHostname, specSubdomain, Optional.ofNullable(value));
  }
}
