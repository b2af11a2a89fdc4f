package dev.clusterctl.release;

/**
 * The host names a pod will have, as {@code hostname} prints them inside it; each is {@code null}
 * when the inputs do not tell.
 *
 * @param shortName {@code hostname} (in a pod: the pod's name, or {@code spec.hostname})
 * @param fqdn {@code hostname -f} (with {@code spec.subdomain} and a matching headless Service:
 *     {@code <host>.<subdomain>.<ns>.svc.<cluster-domain>}; otherwise the short name)
 * @param ip {@code hostname -i} (in a pod: the pod IP, from the {@code /etc/hosts} line the
 *     kubelet writes)
 */
public record HostNames(String shortName, String fqdn, String ip) {

  /** Nothing is known about the host names. */
  public static HostNames unknown() {
    return new HostNames(null, null, null);
  }
}
