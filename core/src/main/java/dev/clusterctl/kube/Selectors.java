package dev.clusterctl.kube;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes label selectors, the one place they are matched
 * (<a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors">label selectors</a>):
 * a Service's equality-based {@code selector} map, and the set-based {@link LabelSelector}
 * ({@code matchLabels} and {@code matchExpressions}) of NetworkPolicies and workloads.
 */
public final class Selectors {

  private Selectors() {}

  /** True when every {@code key: value} of {@code selector} is among {@code labels}; an empty map selects everything. */
  public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code selector} selects {@code labels}; an empty selector selects everything, an absent one ({@code null}) nothing. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    if (selector.getMatchLabels() != null && !matches(selector.getMatchLabels(), labels)) {
      return false;
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        if (!matches(r, labels.get(r.getKey()))) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when a label's {@code value} ({@code null}: the label is absent) meets {@code requirement}. */
  public static boolean matches(LabelSelectorRequirement requirement, String value) {
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    return switch (requirement.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }
}
