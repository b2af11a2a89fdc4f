package dev.clusterctl.doctor.checks;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * The NetworkPolicy rules that decide whether one pod of the workload may reach another on a TCP
 * port (<a href="https://kubernetes.io/docs/concepts/services-networking/network-policies/">Network Policies</a>):
 * a pod is isolated in a direction once a policy of that type selects it, and then only what some
 * rule of those policies allows gets through.
 */
final class PolicyRules {

  private PolicyRules() {}

  /** True when {@code selector} selects {@code labels} (an empty selector selects everything). */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        String v = labels.get(r.getKey());
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        boolean ok = switch (r.getOperator()) {
          case "In" -> v != null && values.contains(v);
          case "NotIn" -> v == null || !values.contains(v);
          case "Exists" -> v != null;
          case "DoesNotExist" -> v == null;
          default -> false;
        };
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when {@code p} applies to pods with {@code labels} in direction {@code ingress} (else egress). */
  static boolean isolates(NetworkPolicy p, Map<String, String> labels, boolean ingress) {
    if (p.getSpec() == null || !matches(p.getSpec().getPodSelector(), labels)) {
      return false;
    }
    List<String> types = p.getSpec().getPolicyTypes();
    if (types == null || types.isEmpty()) {
      return ingress || (p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty());
    }
    return types.contains(ingress ? "Ingress" : "Egress");
  }

  /** True when a rule of {@code p} lets a pod with {@code labels} in {@code namespace} through on TCP {@code port} ({@code portName} is the container port's name, or null). */
  static boolean allows(NetworkPolicy p, boolean ingress, Map<String, String> labels, String namespace, int port, String portName) {
    if (ingress) {
      return p.getSpec().getIngress() != null
          && p.getSpec().getIngress().stream().anyMatch(r -> peersMatch(r.getFrom(), labels, namespace) && portsMatch(r.getPorts(), port, portName));
    }
    return p.getSpec().getEgress() != null
        && p.getSpec().getEgress().stream().anyMatch(r -> peersMatch(r.getTo(), labels, namespace) && portsMatch(r.getPorts(), port, portName));
  }

  private static boolean peersMatch(List<NetworkPolicyPeer> peers, Map<String, String> labels, String namespace) {
    if (peers == null || peers.isEmpty()) {
      return true;
    }
    for (NetworkPolicyPeer peer : peers) {
      if (peer.getIpBlock() != null) {
        continue;
      }
      boolean nsOk = peer.getNamespaceSelector() == null || matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", namespace));
      boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), labels);
      if (nsOk && podOk) {
        return true;
      }
    }
    return false;
  }

  private static boolean portsMatch(List<NetworkPolicyPort> ports, int port, String portName) {
    if (ports == null || ports.isEmpty()) {
      return true;
    }
    for (NetworkPolicyPort p : ports) {
      if (p.getProtocol() != null && !"TCP".equals(p.getProtocol())) {
        continue;
      }
      IntOrString v = p.getPort();
      if (v == null) {
        return true;
      }
      if (v.getIntVal() != null) {
        int end = p.getEndPort() != null ? p.getEndPort() : v.getIntVal();
        if (port >= v.getIntVal() && port <= end) {
          return true;
        }
      } else if (portName != null && portName.equals(v.getStrVal())) {
        return true;
      }
    }
    return false;
  }
}
