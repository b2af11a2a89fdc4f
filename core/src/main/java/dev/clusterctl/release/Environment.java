package dev.clusterctl.release;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The environment a start script or a config file reads, as far as it is known.
 *
 * <p>A name is either set (with its value and where the value came from), known to be unset, or
 * unknown. An environment is <em>complete</em> when every variable is listed (a name not listed
 * is unset); otherwise a name not listed is unknown, as it is for a container whose image may set
 * variables of its own ({@code ENV} in a Dockerfile) that no manifest shows.
 */
public final class Environment {

  /** Whether a variable is set, unset, or not known. */
  public enum State {
    /** Set, with a value. */
    SET,
    /** Set to a value only the running pod has ({@code status.podIP}, a Secret): not knowable here. */
    RUNTIME,
    /** Known not to be set. */
    UNSET,
    /** Set or not: the inputs do not say. */
    UNKNOWN
  }

  /**
   * The answer for one name.
   *
   * @param name the variable
   * @param state set, unset or unknown
   * @param value the value when set; for {@link State#RUNTIME} what it stands for
   *     ({@code status.podIP}, {@code secretKeyRef app/cookie}); else {@code null}
   * @param origin where the value (or the knowledge that it is unknown) comes from
   */
  public record Lookup(String name, State state, String value, Origin origin) {}

  private final Map<String, String> values;
  private final Map<String, Origin> origins;
  private final Set<String> unknown;
  private final Map<String, String> runtime;
  private final boolean complete;

  private Environment(Map<String, String> values, Map<String, Origin> origins, Set<String> unknown,
      Map<String, String> runtime, boolean complete) {
    this.values = values;
    this.origins = origins;
    this.unknown = unknown;
    this.runtime = runtime;
    this.complete = complete;
  }

  /** Every variable is in {@code values}; any other name is unset. */
  public static Environment complete(Map<String, String> values) {
    return new Environment(new LinkedHashMap<>(values), new HashMap<>(), new HashSet<>(), new HashMap<>(), true);
  }

  /** The variables in {@code values} are known; any other name is unknown. */
  public static Environment partial(Map<String, String> values) {
    return new Environment(new LinkedHashMap<>(values), new HashMap<>(), new HashSet<>(), new HashMap<>(), false);
  }

  /** Nothing is known. */
  public static Environment unknown() {
    return partial(Map.of());
  }

  /** True when a name not listed is unset rather than unknown. */
  public boolean isComplete() {
    return complete;
  }

  /** A copy where {@code name} is set to {@code value}, which came from {@code origin}. */
  public Environment with(String name, String value, Origin origin) {
    Environment copy = copy();
    copy.values.put(name, value);
    copy.origins.put(name, origin);
    copy.unknown.remove(name);
    copy.runtime.remove(name);
    return copy;
  }

  /**
   * A copy where {@code name} is set to a value only the running pod has; {@code what} says what
   * it stands for ({@code status.podIP}, {@code secretKeyRef app-secrets/cookie}).
   */
  public Environment withRuntime(String name, String what, Origin origin) {
    Environment copy = copy();
    copy.values.remove(name);
    copy.unknown.remove(name);
    copy.runtime.put(name, what);
    copy.origins.put(name, origin);
    return copy;
  }

  /** A copy where {@code name} is set to a value nobody can know here (a Secret, a field of the running pod). */
  public Environment withUnknown(String name, Origin origin) {
    Environment copy = copy();
    copy.values.remove(name);
    copy.runtime.remove(name);
    copy.unknown.add(name);
    copy.origins.put(name, origin);
    return copy;
  }

  /** A copy where {@code name} is known to be unset. */
  public Environment without(String name) {
    Environment copy = copy();
    copy.values.remove(name);
    copy.unknown.remove(name);
    copy.runtime.remove(name);
    copy.origins.remove(name);
    if (!complete) {
      copy.values.put(name, null);
    }
    return copy;
  }

  private Environment copy() {
    return new Environment(new LinkedHashMap<>(values), new HashMap<>(origins), new HashSet<>(unknown), new HashMap<>(runtime), complete);
  }

  /** What is known about {@code name}. */
  public Lookup lookup(String name) {
    Origin origin = origins.getOrDefault(name, Origin.env(name));
    if (unknown.contains(name)) {
      return new Lookup(name, State.UNKNOWN, null, origin);
    }
    if (runtime.containsKey(name)) {
      return new Lookup(name, State.RUNTIME, runtime.get(name), origin);
    }
    if (values.containsKey(name)) {
      String v = values.get(name);
      return v == null ? new Lookup(name, State.UNSET, null, origin) : new Lookup(name, State.SET, v, origin);
    }
    return new Lookup(name, complete ? State.UNSET : State.UNKNOWN, null, origin);
  }

  /** The names set with a known value, in the order they were given. */
  public Set<String> knownNames() {
    Set<String> names = new java.util.LinkedHashSet<>();
    values.forEach((k, v) -> {
      if (v != null) {
        names.add(k);
      }
    });
    return names;
  }

  /** Names and where they come from, never values (they may be secrets). */
  @Override
  public String toString() {
    return "Environment[" + (complete ? "complete" : "partial") + ", set " + knownNames() + ", runtime "
        + runtime.keySet() + ", unknown " + unknown + "]";
  }
}
