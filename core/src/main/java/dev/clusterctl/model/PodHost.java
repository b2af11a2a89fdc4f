package dev.clusterctl.model;

/**
 * What a pod's kernel and /etc/hosts say its name is (kubelet's rules).
 *
 * @param hostname {@code hostname}: {@code spec.hostname} or the pod name (63 characters at most)
 * @param fqdn {@code hostname --fqdn}: {@code host.subdomain.ns.svc.domain}, or the host name
 *     without a subdomain
 */
public record PodHost(String hostname, String fqdn) {

  /** The short host name: {@link #hostname()} up to its first dot (as {@code -sname} uses it). */
  public String shortName() {
    int dot = hostname.indexOf('.');
    return dot < 0 ? hostname : hostname.substring(0, dot);
  }
}
