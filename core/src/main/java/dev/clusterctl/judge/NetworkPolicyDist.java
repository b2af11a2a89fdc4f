package dev.clusterctl.judge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.model.ContainerPort;
import dev.clusterctl.observe.Observed;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** The NetworkPolicies that select the pods let them reach each other on the distribution port and EPMD. */
public final class NetworkPolicyDist extends LiveCheck {

  /** EPMD's port (<a href="https://www.erlang.org/doc/apps/erts/epmd_cmd.html">epmd</a>). */
  static final int EPMD = 4369;

  /** The check. */
  public NetworkPolicyDist() {
    super(
        "network-policy-dist",
        Area.DISTRIBUTION,
        "NetworkPolicies let the pods reach each other on the distribution port and EPMD",
        "Once a NetworkPolicy selects a pod for Ingress (or Egress), only what its rules allow gets through. The nodes "
            + "dial each other on the distribution port (`ERL_DIST_PORT`, `inet_dist_listen_min`) and, unless the release "
            + "runs without EPMD (`ERL_DIST_PORT` set), on EPMD's port 4369. Every policy of the pods' namespace that "
            + "selects them is read; the check passes when, in both directions, a rule admits pods with the workload's "
            + "labels in the same namespace on those TCP ports. A dynamic distribution port is admitted by rules without a "
            + "port list, or with a range of all unprivileged ports. It warns instead when the answer depends on what doctor "
            + "cannot see: a `namespaceSelector` on labels other than `kubernetes.io/metadata.name` (Namespace objects are not "
            + "read), `ipBlock`s that together cover the pods' IPs (Kubernetes leaves their effect on traffic between pods to "
            + "the network plugin), or a narrower port range for a dynamic port. Needs the API (list networkpolicies).",
        "NetworkPolicy");
  }

  @Override
  CheckResult judge(DoctorContext ctx, Observed o) {
    if (!o.policies().seen()) {
      return skip("NetworkPolicy", o.policies().missing());
    }
    Map<String, String> labels = !o.pods().isEmpty() ? o.pods().get(0).labels() : ctx.workload().map(w -> w.template().labels()).orElse(Map.of());
    if (labels.isEmpty()) {
      return skip("NetworkPolicy", "the pods' labels are unknown (no running pod and no workload)");
    }
    String ns = ctx.model().namespace();
    DistPorts dp = DistPorts.of(ctx);
    OptionalInt dist = dp.port();
    boolean epmdLess = !dp.envValues().isEmpty();
    Map<String, String> needed = new LinkedHashMap<>();
    Map<Integer, String> portNames = new LinkedHashMap<>();
    ctx.workload().ifPresent(w -> w.template().release().ports().forEach((ContainerPort cp) -> portNames.put(cp.port(), cp.name())));
    int distPort = dist.isPresent() ? dist.getAsInt() : -1;
    needed.put("distribution", dist.isPresent() ? "TCP " + distPort : "the dynamic distribution port");
    if (!epmdLess) {
      needed.put("EPMD", "TCP " + EPMD);
    }
    List<NetworkPolicy> all = o.policies().get();
    List<String> podIps = o.pods().stream().map(p -> p.ip()).filter(ip -> ip != null && !ip.isEmpty()).toList();
    Set<String> selecting = new LinkedHashSet<>();
    List<String> blocked = new ArrayList<>();
    List<String> open = new ArrayList<>();
    Set<String> why = new LinkedHashSet<>();
    for (boolean ingress : new boolean[] {true, false}) {
      List<NetworkPolicy> isolating = all.stream().filter(p -> PolicyRules.isolates(p, labels, ingress)).toList();
      isolating.forEach(p -> selecting.add(p.getMetadata().getName()));
      if (isolating.isEmpty()) {
        continue;
      }
      String dir = ingress ? "ingress" : "egress";
      PolicyRules.Admission distribution = allowed(isolating, ingress, labels, ns, podIps, distPort, portNames);
      file(distribution, dir + " on " + needed.get("distribution") + " (distribution)", blocked, open, why);
      if (!epmdLess) {
        PolicyRules.Admission epmd = allowed(isolating, ingress, labels, ns, podIps, EPMD, portNames);
        file(epmd, dir + " on TCP " + EPMD + " (EPMD)", blocked, open, why);
      }
    }
    String subject = "NetworkPolicies in " + ns;
    if (selecting.isEmpty()) {
      return pass(subject, "no NetworkPolicy selects the pods: traffic between them is not restricted")
          .evidence("policies in namespace", all.size())
          .build();
    }
    if (blocked.isEmpty() && open.isEmpty()) {
      return pass(subject, "the policies selecting the pods allow " + String.join(" and ", needed.values()) + " between them")
          .evidence("selecting the pods", String.join(", ", selecting))
          .build();
    }
    if (blocked.isEmpty()) {
      CheckResult.Builder b = warn(subject, "whether the NetworkPolicies selecting the pods allow " + String.join(", ", open)
              + " depends on what doctor cannot see")
          .evidence("selecting the pods", String.join(", ", selecting))
          .evidence("needed between the pods", String.join(", ", needed.values()));
      why.forEach(w -> b.evidence("depends on", w));
      return b.build();
    }
    return fail(subject, "the NetworkPolicies selecting the pods block " + String.join(", ", blocked))
        .evidence("selecting the pods", String.join(", ", selecting))
        .evidence("needed between the pods", String.join(", ", needed.values()))
        .fix(Remediation.of("Allow the pods to reach each other on the distribution port" + (epmdLess ? "" : " and EPMD") + ".", "yaml",
            policySnippet(ns, labels, distPort, epmdLess)))
        .build();
  }

  /** A NetworkPolicy letting the pods labelled {@code labels} reach each other on the distribution port (and EPMD), written by the serializer. */
  static String policySnippet(String ns, Map<String, String> labels, int distPort, boolean epmdLess) {
    ObjectNode p = Snippet.object().put("apiVersion", "networking.k8s.io/v1").put("kind", "NetworkPolicy");
    p.putObject("metadata").put("name", "erlang-distribution").put("namespace", ns);
    ObjectNode spec = p.putObject("spec");
    spec.putObject("podSelector").set("matchLabels", Snippet.labels(labels));
    spec.putArray("policyTypes").add("Ingress").add("Egress");
    for (String[] dir : new String[][] {{"ingress", "from"}, {"egress", "to"}}) {
      ObjectNode rule = spec.putArray(dir[0]).addObject();
      rule.putArray(dir[1]).addObject().putObject("podSelector").set("matchLabels", Snippet.labels(labels));
      ArrayNode ports = JsonNodeFactory.instance.arrayNode();
      if (distPort > 0) {
        ports.addObject().put("protocol", "TCP").put("port", distPort);
      }
      if (!epmdLess) {
        ports.addObject().put("protocol", "TCP").put("port", EPMD);
      }
      if (!ports.isEmpty()) {
        rule.set("ports", ports);
      }
    }
    return Snippet.yaml(p);
  }

  /** Files one connection's answer: certainly blocked, or open with the reasons, or (allowed) nowhere. */
  private static void file(PolicyRules.Admission a, String what, List<String> blocked, List<String> open, Set<String> why) {
    if (a.blocked()) {
      blocked.add(what);
    } else if (!a.allowed()) {
      open.add(what);
      why.addAll(a.uncertain());
    }
  }

  /**
   * Whether some isolating policy admits the pods on {@code port}; a dynamic port ({@code -1})
   * is admitted by rules that list no port, a port entry without a number, or a range of all
   * unprivileged ports, and maybe by a narrower range.
   */
  private static PolicyRules.Admission allowed(
      List<NetworkPolicy> isolating, boolean ingress, Map<String, String> labels, String ns, List<String> podIps, int port, Map<Integer, String> names) {
    String name = names == null || port < 0 ? null : names.get(port);
    PolicyRules.Admission out = PolicyRules.Admission.BLOCKED;
    for (NetworkPolicy p : isolating) {
      out = out.or(PolicyRules.allows(p, ingress, labels, ns, podIps, port, name));
    }
    return out.settle(podIps);
  }
}
