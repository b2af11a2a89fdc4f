package dev.clusterctl.judge;

import dev.clusterctl.coredns.EndpointName;
import dev.clusterctl.observe.Observed;
import dev.clusterctl.observe.ObservedEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the live checks share: the reason they skip from files, and the DNS names endpoints get. */
final class Live {

  /** The skip message of a live check run from files. */
  static final String FROM_FILES = "read from files: judged only against a running cluster (doctor without -f/-k, or --local in a pod)";

  private Live() {}

  /** What was observed, or empty when the doctor reads files. */
  static Optional<Observed> observed(DoctorContext ctx) {
    return ctx.observed();
  }

  /** The cluster zone CoreDNS serves pod and service names under. */
  static String zone(DoctorContext ctx) {
    String z = ctx.model().coredns().forwardZone();
    return z == null || z.equals(".") ? ctx.model().clusterDomain() : z;
  }

  /**
   * The host each endpoint is published as, keyed by address: its address for A/AAAA queries; for
   * SRV the target CoreDNS names it by (the endpoint's hostname, else the pod name with
   * {@code endpoint_pod_names} when under 64 characters, else the dashed address) under
   * {@code <service>.<namespace>.svc.<zone>}.
   */
  static Map<String, String> publishedHosts(DoctorContext ctx, List<ObservedEndpoint> endpoints, boolean srv) {
    boolean notReadyToo = ctx.service().map(s -> s.publishNotReadyAddresses()).orElse(false);
    String suffix = "." + ctx.serviceName() + "." + ctx.model().namespace() + ".svc." + zone(ctx);
    Map<String, String> out = new LinkedHashMap<>();
    for (ObservedEndpoint e : endpoints) {
      if (!e.ready() && !notReadyToo) {
        continue;
      }
      if (!srv) {
        out.put(e.address(), e.address());
        continue;
      }
      out.put(e.address(), EndpointName.of(e.hostname(), e.podName(), e.address(), ctx.model().coredns().endpointPodNames()).label() + suffix);
    }
    return out;
  }

  /** A DNS name compared as DNS does: case-insensitive, no trailing dot. */
  static String dnsKey(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    return n.toLowerCase(Locale.ROOT);
  }

  /** At most {@code max} items joined, with a count of the rest. */
  static String list(java.util.Collection<String> items, int max) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    for (String s : items) {
      if (i == max) {
        b.append(", … and ").append(items.size() - max).append(" more");
        break;
      }
      b.append(i == 0 ? "" : ", ").append(s);
      i++;
    }
    return b.toString();
  }
}
