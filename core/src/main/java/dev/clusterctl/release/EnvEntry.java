package dev.clusterctl.release;

/**
 * One environment variable as a container spec declares it, in the order the kubelet builds the
 * environment ({@code envFrom} sources first, then {@code env}).
 *
 * @param name the variable
 * @param value the text: for {@link Source#VALUE} as written in {@code env[].value} (Kubernetes
 *     expands {@code $(VAR)} in it); for {@link Source#CONFIG_MAP} the ConfigMap's value (not
 *     expanded); for {@link Source#RUNTIME} what it stands for ({@code status.podIP}); else null
 * @param source where the value comes from
 * @param origin where the entry is written
 */
public record EnvEntry(String name, String value, Source source, Origin origin) {

  /** Where an entry's value comes from. */
  public enum Source {
    /** {@code env[].value}: literal text with Kubernetes' {@code $(VAR)} expansion. */
    VALUE,
    /** A ConfigMap among the inputs ({@code configMapKeyRef}, {@code envFrom}): taken as it is. */
    CONFIG_MAP,
    /** A value only the running pod has: {@code fieldRef}, {@code resourceFieldRef}, {@code secretKeyRef}. */
    RUNTIME,
    /** A source that is not among the inputs (a ConfigMap that was not given). */
    UNKNOWN
  }

  /** {@code env[].value}. */
  public static EnvEntry value(String name, String value, Origin origin) {
    return new EnvEntry(name, value, Source.VALUE, origin);
  }

  /** A value from a ConfigMap among the inputs. */
  public static EnvEntry configMap(String name, String value, Origin origin) {
    return new EnvEntry(name, value, Source.CONFIG_MAP, origin);
  }

  /** A value of the running pod; {@code what} names it ({@code status.podIP}, {@code secretKeyRef app/cookie}). */
  public static EnvEntry runtime(String name, String what, Origin origin) {
    return new EnvEntry(name, what, Source.RUNTIME, origin);
  }

  /** A value from a source that is not among the inputs; {@code what} names the source. */
  public static EnvEntry unknown(String name, String what, Origin origin) {
    return new EnvEntry(name, what, Source.UNKNOWN, origin);
  }

  /** The name and source, never a literal value (it may be a secret). */
  @Override
  public String toString() {
    return name + " (" + source + " at " + origin + ")";
  }
}
