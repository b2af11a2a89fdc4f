package dev.clusterctl.model;

/**
 * One environment variable of a container, as declared in the pod template.
 *
 * @param name the variable name
 * @param value the literal value (Kubernetes {@code $(VAR)} references not yet expanded), or
 *     the value read from a ConfigMap among the inputs; {@code null} when it comes from elsewhere
 * @param from where a non-literal value comes from: {@code fieldRef:status.podIP},
 *     {@code secretKeyRef:NAME/KEY}, {@code configMapKeyRef:NAME/KEY}, {@code resourceFieldRef:…};
 *     {@code null} for a literal
 */
public record EnvVar(String name, String value, String from) {

  /** A literal variable. */
  public static EnvVar literal(String name, String value) {
    return new EnvVar(name, value, null);
  }

  /** True when the value comes from a Secret (it is never shown). */
  public boolean secret() {
    return from != null && from.startsWith("secretKeyRef:");
  }

  /** The field path of a {@code fieldRef}, or {@code null}. */
  public String fieldPath() {
    return from != null && from.startsWith("fieldRef:") ? from.substring("fieldRef:".length()) : null;
  }
}
