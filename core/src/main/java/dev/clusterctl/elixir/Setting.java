package dev.clusterctl.elixir;

import dev.clusterctl.release.Origin;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One setting of a discovery library, resolved, with where it came from.
 *
 * @param key the option ({@code service}, {@code query})
 * @param state whether it is set, defaulted, missing, unknown or raises
 * @param value the value (literal) when {@link State#SET} or {@link State#DEFAULT}, else null
 * @param origin where the value came from: a line of a file, an environment variable, or the
 *     library's default
 * @param why for {@link State#UNKNOWN}, {@link State#MISSING} and {@link State#RAISES}: one line
 * @param defaultedVariables for an {@link State#UNKNOWN} setting that only {@code System.get_env("X",
 *     default)} calls leave open (X read at boot, in no input): those variables, whose defaults
 *     apply unless the image sets them; empty otherwise
 */
public record Setting(String key, State state, Value value, Origin origin, String why, List<String> defaultedVariables) {

  /** Copies the list. */
  public Setting {
    defaultedVariables = List.copyOf(defaultedVariables);
  }

  /** A setting that no {@code System.get_env} default leaves open. */
  public Setting(String key, State state, Value value, Origin origin, String why) {
    this(key, state, value, origin, why, List.of());
  }

  /** The state of a setting. */
  public enum State {
    /** Set by the config or the code, or from the environment. */
    SET,
    /** Not set: the library's default applies. */
    DEFAULT,
    /** Not set, and the library has no default (it fails or ignores the topology). */
    MISSING,
    /** Set to something the inputs do not settle. */
    UNKNOWN,
    /** Evaluating it raises (a {@code System.fetch_env!} of an unset variable…): the node does not boot. */
    RAISES
  }

  /** A set value. */
  static Setting set(String key, Value value) {
    return new Setting(key, State.SET, value, value.origin(), null);
  }

  /** The library's default. */
  static Setting defaulted(String key, Value value, String owner) {
    return new Setting(key, State.DEFAULT, value, Origin.defaulted(owner), null);
  }

  /** Not set, no default. */
  static Setting missing(String key, String why, Origin origin) {
    return new Setting(key, State.MISSING, null, origin, why);
  }

  /** The setting from a resolved value (unknown or raising parts make it so). */
  static Setting of(String key, Resolver.Resolution r) {
    if (!r.raises().isEmpty()) {
      return new Setting(key, State.RAISES, null, r.raises().get(0).origin(), r.raises().get(0).message());
    }
    if (!r.unknowns().isEmpty()) {
      Value.Unknown u = r.unknowns().get(0);
      List<String> defaulted = r.unknowns().stream().allMatch(x -> x.defaultedVariable() != null)
          ? r.unknowns().stream().map(Value.Unknown::defaultedVariable).distinct().toList() : List.of();
      return new Setting(key, State.UNKNOWN, null, u.origin(), u.text() + ": " + u.reason(), defaulted);
    }
    return set(key, r.value());
  }

  /** True when the value is known (set or default). */
  public boolean known() {
    return value != null;
  }

  /** The text of a string, charlist or atom value ({@code nil} is no text). */
  public Optional<String> text() {
    return value == null ? Optional.empty() : Value.textOf(value);
  }

  /** The value of an integer setting. */
  public OptionalLong integer() {
    if (value instanceof Value.Int i && i.value().bitLength() < 63) {
      return OptionalLong.of(i.value().longValue());
    }
    return OptionalLong.empty();
  }

  /** The atom of an atom value ({@code ip}, {@code Elixir.Cluster.Strategy.Epmd}). */
  public Optional<String> atom() {
    return value instanceof Value.Atom a ? Optional.of(a.name()) : Optional.empty();
  }

  /** {@code key = value (origin)} or {@code key: why}; values are settings of discovery, not secrets. */
  @Override
  public String toString() {
    return switch (state) {
      case SET, DEFAULT -> key + " = " + show(value) + " (" + origin + ")";
      default -> key + " " + state.name().toLowerCase(java.util.Locale.ROOT) + ": " + why + " (" + origin + ")";
    };
  }

  static String show(Value v) {
    if (v instanceof Value.Text t) {
      return "\"" + t.text() + "\"";
    }
    if (v instanceof Value.Chars c) {
      return "'" + c.text() + "'";
    }
    if (v instanceof Value.Atom a) {
      return a.shown();
    }
    if (v instanceof Value.Int i) {
      return i.value().toString();
    }
    if (v instanceof Value.ListOf l) {
      return "[" + String.join(", ", l.items().stream().map(Setting::show).toList()) + "]";
    }
    if (v instanceof Value.TupleOf t) {
      return "{" + String.join(", ", t.items().stream().map(Setting::show).toList()) + "}";
    }
    return String.valueOf(v instanceof Value.Real r ? r.value() : v.getClass().getSimpleName());
  }

  /** An integer value. */
  static Value integer(long v, Origin o) {
    return new Value.Int(BigInteger.valueOf(v), o);
  }
}
