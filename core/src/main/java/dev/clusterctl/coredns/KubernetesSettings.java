package dev.clusterctl.coredns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** Reads a {@code kubernetes} directive into {@link KubernetesPlugin}, refusing values CoreDNS refuses. */
final class KubernetesSettings {

  private KubernetesSettings() {}

  static KubernetesPlugin read(Directive d, ServerBlock block, Corefile.Errors errors) {
    List<String> zones = new ArrayList<>();
    for (String a : d.args()) {
      zones.add(Corefile.normalizeZone(a));
    }
    if (zones.isEmpty()) {
      zones.addAll(block.zones());
    }
    boolean endpointPodNames = false;
    PodsMode pods = PodsMode.DISABLED;
    int ttl = KubernetesPlugin.DEFAULT_TTL;
    List<String> fallthrough = new ArrayList<>();
    for (Directive p : d.block()) {
      switch (p.name()) {
        case "endpoint_pod_names" -> endpointPodNames = true;
        case "pods" -> pods = pods(p, errors);
        case "ttl" -> ttl = ttl(p, errors);
        case "fallthrough" -> {
          fallthrough.clear();
          if (p.args().isEmpty()) {
            fallthrough.add(".");
          } else {
            p.args().forEach(z -> fallthrough.add(Corefile.normalizeZone(z)));
          }
        }
        default -> {
          // other options (namespaces, labels, kubeconfig, ...) do not change the records simulated
        }
      }
    }
    return new KubernetesPlugin(zones, endpointPodNames, pods, ttl, fallthrough,
        block.directive("reload").isPresent(), cacheSeconds(block, zones), d.line());
  }

  private static PodsMode pods(Directive p, Corefile.Errors errors) {
    if (p.args().size() != 1) {
      throw errors.at(p.line(), p.column(), "kubernetes option pods takes one value: disabled, insecure or verified");
    }
    try {
      return PodsMode.valueOf(p.args().get(0).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw errors.at(p.line(), p.column(), "kubernetes option pods must be disabled, insecure or verified, not '" + p.args().get(0) + "'");
    }
  }

  private static int ttl(Directive p, Corefile.Errors errors) {
    if (p.args().size() != 1 || !p.args().get(0).matches("\\d{1,9}")) {
      throw errors.at(p.line(), p.column(), "kubernetes option ttl takes one number of seconds (0-3600)");
    }
    int ttl = Integer.parseInt(p.args().get(0));
    if (ttl > 3600) {
      throw errors.at(p.line(), p.column(), "kubernetes option ttl must be 0-3600 seconds, not " + ttl);
    }
    return ttl;
  }

  /** How long the block's cache keeps positive answers for {@code zones}; empty when not at all. */
  private static OptionalInt cacheSeconds(ServerBlock block, List<String> zones) {
    var cache = block.directive("cache");
    if (cache.isEmpty()) {
      return OptionalInt.empty();
    }
    Directive c = cache.get();
    int seconds = Corefile.DEFAULT_CACHE_SECONDS;
    if (!c.args().isEmpty() && c.args().get(0).matches("\\d{1,9}")) {
      seconds = Integer.parseInt(c.args().get(0));
    }
    for (Directive p : c.block()) {
      if (p.name().equals("success") && p.args().size() >= 2 && p.args().get(1).matches("\\d{1,9}")) {
        seconds = Integer.parseInt(p.args().get(1));
      }
      if (p.name().equals("disable") && !p.args().isEmpty() && p.args().get(0).equals("success")) {
        List<String> disabled = p.args().subList(1, p.args().size()).stream().map(Corefile::normalizeZone).toList();
        boolean covers = disabled.isEmpty()
            || zones.stream().anyMatch(z -> disabled.stream().anyMatch(dz -> Corefile.inZone(z, dz)));
        if (covers) {
          return OptionalInt.empty();
        }
      }
    }
    return OptionalInt.of(seconds);
  }
}
