package dev.clusterctl.expect;

import dev.clusterctl.model.PodHost;

/**
 * The kubelet's rules for a pod's host names (pkg/kubelet {@code GeneratePodHostNameAndDomain}
 * and the /etc/hosts it writes): see
 * <a href="https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-hostname-and-subdomain-fields">Pod's hostname and subdomain fields</a>.
 */
public final class KubeletNames {

  private KubeletNames() {}

  /**
   * What a pod calls itself: the host name is {@code spec.hostname} or the pod name (cut to 63
   * characters, trailing {@code -}/{@code .} removed); with a subdomain the FQDN is
   * {@code host.subdomain.ns.svc.clusterDomain}, without one it is the host name alone.
   */
  public static PodHost host(String podName, String specHostname, String subdomain, boolean setHostnameAsFqdn, String namespace, String clusterDomain) {
    String host = specHostname != null && !specHostname.isEmpty() ? specHostname : truncate(podName);
    String fqdn = subdomain == null || subdomain.isEmpty() ? host : host + "." + subdomain + "." + namespace + ".svc." + clusterDomain;
    return new PodHost(setHostnameAsFqdn ? fqdn : host, fqdn);
  }

  private static String truncate(String name) {
    String h = name.length() > 63 ? name.substring(0, 63) : name;
    while (!h.isEmpty() && (h.endsWith("-") || h.endsWith("."))) {
      h = h.substring(0, h.length() - 1);
    }
    return h;
  }
}
