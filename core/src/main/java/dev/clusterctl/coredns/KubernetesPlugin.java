package dev.clusterctl.coredns;

import java.util.List;
import java.util.OptionalInt;

/**
 * The settings of one {@code kubernetes} plugin in a Corefile, with CoreDNS's defaults applied;
 * see <a href="https://coredns.io/plugins/kubernetes/">kubernetes plugin</a>.
 *
 * @param zones the zones it answers, lower case without the final dot ({@code cluster.local},
 *     {@code in-addr.arpa}; the root is {@code .}); the server block's zones when none are given
 * @param endpointPodNames {@code endpoint_pod_names}: endpoints without a hostname are named after their pod
 * @param pods the {@code pods} option, default {@link PodsMode#DISABLED}
 * @param ttl {@code ttl} in seconds, default 5
 * @param fallthrough the {@code fallthrough} zones; {@code ["."]} for a bare {@code fallthrough}
 *     (every zone), empty without the option
 * @param serverBlockHasReload whether its server block has the {@code reload} plugin (a ConfigMap
 *     edit is picked up without restarting CoreDNS)
 * @param cacheSeconds how long the server block's {@code cache} may keep a positive answer from
 *     this plugin's zones ({@code cache [TTL]}, {@code success CAP TTL}, default 3600); empty
 *     without {@code cache} or when {@code disable success} covers the plugin's zones
 * @param line 1-based line of the {@code kubernetes} directive
 */
public record KubernetesPlugin(
    List<String> zones,
    boolean endpointPodNames,
    PodsMode pods,
    int ttl,
    List<String> fallthrough,
    boolean serverBlockHasReload,
    OptionalInt cacheSeconds,
    int line) {

  /** CoreDNS's default {@code ttl}. */
  public static final int DEFAULT_TTL = 5;

  /** Copies the lists. */
  public KubernetesPlugin {
    zones = List.copyOf(zones);
    fallthrough = List.copyOf(fallthrough);
  }

  /** The longest of this plugin's zones that {@code name} falls in, or null. */
  String matchingZone(String name) {
    String best = null;
    for (String z : zones) {
      if (Corefile.inZone(name, z) && (best == null || Corefile.zoneLength(z) > Corefile.zoneLength(best))) {
        best = z;
      }
    }
    return best;
  }
}
