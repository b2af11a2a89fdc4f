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

  /** True for a variable whose value must never be shown: from a Secret, or named like a cookie, password or token. */
  public boolean sensitive() {
    String n = name.toUpperCase(java.util.Locale.ROOT);
    return secret() || n.contains("COOKIE") || n.contains("PASSWORD") || n.contains("TOKEN") || n.contains("SECRET");
  }

  /** The name and where the value comes from; the value itself only when it is not {@link #sensitive()}. */
  @Override
  public String toString() {
    String v = sensitive() ? "<redacted>" : value;
    return name + "=" + (from == null ? v : "(" + from + ")" + (value == null ? "" : " " + v));
  }

  /** The field path of a {@code fieldRef}, or {@code null}. */
  public String fieldPath() {
    return from != null && from.startsWith("fieldRef:") ? from.substring("fieldRef:".length()) : null;
  }
}
