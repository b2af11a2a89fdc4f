package dev.clusterctl.release;

import dev.clusterctl.release.TextValue.HoleKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The variables of a shell as a script leaves them: what the script assigned, over the
 * {@link Environment} it started with. Values are {@link TextValue}s, so a variable can be set
 * to text with holes ({@code app@${POD_IP}}) or be unknown altogether.
 */
public final class ShellVars {

  /**
   * One variable.
   *
   * @param value its text (may hold holes)
   * @param exported whether programs the script starts see it
   * @param mayBeUnset true when the inputs do not say whether it is set at all
   */
  public record Binding(TextValue value, boolean exported, boolean mayBeUnset) {
    /** Where the parts come from, never the value (it may be a cookie). */
    @Override
    public String toString() {
      return "Binding[" + (exported ? "exported" : "not exported") + (value.isKnown() ? ", known" : ", holes " + value.holes().size())
          + ", from " + value.origins() + "]";
    }
  }

  private final Environment base;
  private final Map<String, Binding> assigned;
  private final Set<String> unset;

  private ShellVars(Environment base, Map<String, Binding> assigned, Set<String> unset) {
    this.base = base;
    this.assigned = assigned;
    this.unset = unset;
  }

  /** The variables of a shell started with environment {@code env} (every one exported). */
  public static ShellVars of(Environment env) {
    return new ShellVars(env, new LinkedHashMap<>(), new LinkedHashSet<>());
  }

  /** The environment the script started with. */
  public Environment base() {
    return base;
  }

  /** The variable {@code name}, or {@code null} when it is certainly unset. */
  public Binding get(String name) {
    if (assigned.containsKey(name)) {
      return assigned.get(name);
    }
    if (unset.contains(name)) {
      return null;
    }
    Environment.Lookup l = base.lookup(name);
    return switch (l.state()) {
      case SET -> new Binding(TextValue.of(l.value(), l.origin()), true, false);
      case UNSET -> null;
      case RUNTIME -> new Binding(TextValue.hole("${" + name + "}", HoleKind.RUNTIME,
          name + " holds " + l.value() + ", known only in the running pod", l.origin()), true, false);
      case UNKNOWN -> new Binding(TextValue.hole("${" + name + "}", HoleKind.UNKNOWN,
          name + " is not set by any input read; the image may set it", l.origin()), true, true);
    };
  }

  /** A copy with {@code name} bound to {@code binding} ({@code null}: unset). */
  public ShellVars with(String name, Binding binding) {
    ShellVars copy = copy();
    if (binding == null) {
      copy.assigned.remove(name);
      copy.unset.add(name);
    } else {
      copy.unset.remove(name);
      copy.assigned.put(name, binding);
    }
    return copy;
  }

  ShellVars copy() {
    return new ShellVars(base, new LinkedHashMap<>(assigned), new LinkedHashSet<>(unset));
  }

  /** The names the script assigned or unset, in order. */
  public Set<String> changed() {
    Set<String> names = new LinkedHashSet<>(assigned.keySet());
    names.addAll(unset);
    return Collections.unmodifiableSet(names);
  }

  /** Names only, never values. */
  @Override
  public String toString() {
    return "ShellVars[changed " + changed() + " over " + base + "]";
  }
}
