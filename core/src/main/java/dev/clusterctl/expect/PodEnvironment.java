package dev.clusterctl.expect;

import dev.clusterctl.model.EnvVar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's environment as one pod sees it: {@code fieldRef}s filled in from the pod, and
 * Kubernetes' {@code $(VAR)} references to earlier variables expanded
 * (<a href="https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/">dependent environment variables</a>).
 */
public final class PodEnvironment {

  /** The node the example pods run on ({@code spec.nodeName}). */
  static final String EXAMPLE_NODE = "node-1";

  private PodEnvironment() {}

  /**
   * The resolved environment of a pod named {@code podName} with address {@code ip}. Secret
   * values are replaced by {@code <secret NAME/KEY>}; unknown references by {@code <from …>}.
   */
  public static Map<String, String> resolve(List<EnvVar> env, String podName, String namespace, String ip) {
    Map<String, String> out = new LinkedHashMap<>();
    for (EnvVar e : env) {
      String value;
      String field = e.fieldPath();
      if (field != null) {
        value = switch (field) {
          case "metadata.name" -> podName;
          case "metadata.namespace" -> namespace;
          case "status.podIP", "status.podIPs" -> ip;
          case "spec.nodeName" -> EXAMPLE_NODE;
          case "status.hostIP", "status.hostIPs" -> "192.168.0.11";
          case "spec.serviceAccountName" -> "default";
          default -> "<" + field + ">";
        };
      } else if (e.secret()) {
        value = "<secret " + e.from().substring("secretKeyRef:".length()) + ">";
      } else if (e.value() != null) {
        value = e.from() == null ? expand(e.value(), out) : e.value();
      } else {
        value = "<from " + e.from() + ">";
      }
      out.put(e.name(), value);
    }
    return out;
  }

  /** Expands {@code $(VAR)} from {@code earlier}; {@code $$} is a literal {@code $}; unknown references stay as written. */
  static String expand(String value, Map<String, String> earlier) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '$') {
        sb.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '(') {
        int close = value.indexOf(')', i + 2);
        if (close < 0) {
          sb.append(value, i, value.length());
          break;
        }
        String name = value.substring(i + 2, close);
        String v = earlier.get(name);
        sb.append(v != null ? v : value.substring(i, close + 1));
        i = close + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }
}
