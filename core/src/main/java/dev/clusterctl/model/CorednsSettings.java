package dev.clusterctl.model;

import dev.clusterctl.dns.DomainNames;
import java.util.List;
import java.util.Locale;

/**
 * CoreDNS's {@code kubernetes} plugin settings that decide the cluster's DNS answers
 * (<a href="https://coredns.io/plugins/kubernetes/">CoreDNS kubernetes plugin</a>).
 *
 * @param zones the zones the plugin answers ({@code cluster.local}, reverse zones)
 * @param endpointPodNames whether {@code endpoint_pod_names} is set
 * @param ttl the record TTL in seconds
 * @param reload whether the server block has the {@code reload} plugin
 * @param origin where the Corefile came from ({@code ConfigMap/kube-system/coredns}, a file, or
 *     {@code kubeadm default})
 * @param line the line of the {@code kubernetes} directive in the Corefile (0 when unknown)
 * @param assumedDefault true when no Corefile was given and kubeadm's default is assumed
 */
public record CorednsSettings(
    List<String> zones, boolean endpointPodNames, int ttl, boolean reload, String origin, int line, boolean assumedDefault) {

  /** Copies the zones, without trailing dots. */
  public CorednsSettings {
    zones = zones.stream().map(DomainNames::withoutTrailingDot).toList();
  }

  /** The plugin zone that answers {@code fqdn} (the longest matching one), or {@code null}. */
  public String zoneFor(String fqdn) {
    String name = DomainNames.withoutTrailingDot(fqdn).toLowerCase(Locale.ROOT);
    String best = null;
    for (String z : zones) {
      String zone = z.toLowerCase(Locale.ROOT);
      boolean under = zone.equals(".") || zone.isEmpty() || name.equals(zone) || name.endsWith("." + zone);
      if (under && (best == null || zone.length() > best.length())) {
        best = z;
      }
    }
    return best;
  }

  /** The first forward (non-reverse) zone: the cluster domain as CoreDNS serves it, or {@code null}. */
  public String forwardZone() {
    for (String z : zones) {
      String l = z.toLowerCase(Locale.ROOT);
      if (!l.endsWith("in-addr.arpa") && !l.endsWith("ip6.arpa")) {
        return z;
      }
    }
    return null;
  }

  /** True when the plugin answers reverse (PTR) queries for IPv4 addresses. */
  public boolean servesReverseV4() {
    return zones.stream().anyMatch(z -> z.toLowerCase(Locale.ROOT).endsWith("in-addr.arpa") || z.equals("."));
  }

  /** These settings with {@code endpoint_pod_names} on or off. */
  public CorednsSettings withEndpointPodNames(boolean on) {
    return new CorednsSettings(zones, on, ttl, reload, origin, line, assumedDefault);
  }
}
