package dev.clusterctl.elixir;

import dev.clusterctl.release.Origin;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * An Elixir value as read from source, each with the {@link Origin} it was written at (or the
 * environment variable it came from, once resolved).
 *
 * <p>Literal kinds mirror Elixir's terms: {@link Atom} (aliases such as
 * {@code Cluster.Strategy.Kubernetes.DNS} are the atom {@code Elixir.Cluster.Strategy.Kubernetes.DNS};
 * {@code true}, {@code false}, {@code nil} are atoms), {@link Text} (a binary string),
 * {@link Chars} (a charlist), {@link Int}, {@link Real}, {@link ListOf} (keyword lists are lists
 * of 2-tuples with atom keys, as in Elixir), {@link TupleOf}, {@link MapOf}.
 *
 * <p>Deferred kinds are values known only once an environment or the application config is
 * given, and are turned into literals (or {@link Unknown}) by {@link Resolver}:
 * {@link FromEnv} ({@code System.get_env/1,2}, {@code System.fetch_env!/1}), {@link Convert}
 * ({@code String.to_integer/1} and kin), {@link Either} ({@code ||}, {@code &&}),
 * {@link Concat} (interpolation, {@code <>}), {@link AppEnv} ({@code Application.get_env/2,3}),
 * {@link ConfigEnv} ({@code config_env()}) and {@link Raise}.
 *
 * <p>{@link Unknown} is what the reader cannot read, with its text and line; reading never throws.
 */
public sealed interface Value {

  /** Where the value was written, or where it came from once resolved. */
  Origin origin();

  /** An atom; aliases are atoms named {@code Elixir.…}. */
  record Atom(String name, Origin origin) implements Value {
    /** True for {@code nil} and {@code false}, the two falsy values. */
    public boolean falsy() {
      return name.equals("nil") || name.equals("false");
    }

    /** The alias without its {@code Elixir.} prefix ({@code Cluster.Strategy.Epmd}), or the atom as {@code :name}. */
    public String shown() {
      return name.startsWith("Elixir.") ? name.substring("Elixir.".length()) : ":" + name;
    }
  }

  /** A string (an Elixir binary). Printing it shows its length, not its text (config values may be secrets). */
  record Text(String text, Origin origin) implements Value {
    @Override
    public String toString() {
      return "Text[" + text.length() + " characters, " + origin + "]";
    }
  }

  /** A charlist ({@code 'abc'}, {@code ~c"abc"}). Printing it shows its length, not its text. */
  record Chars(String text, Origin origin) implements Value {
    @Override
    public String toString() {
      return "Chars[" + text.length() + " characters, " + origin + "]";
    }
  }

  /** An integer. */
  record Int(BigInteger value, Origin origin) implements Value {}

  /** A float. */
  record Real(double value, Origin origin) implements Value {}

  /** A proper list (a keyword list is a list of {@code {atom, value}} tuples). */
  record ListOf(List<Value> items, Origin origin) implements Value {
    /** Copies the list. */
    public ListOf {
      items = List.copyOf(items);
    }
  }

  /** A tuple. */
  record TupleOf(List<Value> items, Origin origin) implements Value {
    /** Copies the list. */
    public TupleOf {
      items = List.copyOf(items);
    }
  }

  /** One key and value of a map. */
  record Entry(Value key, Value value) {}

  /** A map, entries in the order written. */
  record MapOf(List<Entry> entries, Origin origin) implements Value {
    /** Copies the list. */
    public MapOf {
      entries = List.copyOf(entries);
    }
  }

  /** Which {@code System} function reads the environment. */
  enum EnvCall {
    /** {@code System.get_env("X")}: nil when unset. */
    GET,
    /** {@code System.get_env("X", default)}: the default when unset. */
    GET_DEFAULT,
    /** {@code System.fetch_env!("X")}: raises when unset. */
    FETCH
  }

  /** When a config file is evaluated, and so which environment its {@code System.get_env} sees. */
  enum Phase {
    /** {@code config/config.exs} and what it imports: evaluated when the release is built. */
    BUILD,
    /** {@code config/runtime.exs} (and {@code releases.exs}), and application code: evaluated in the running node. */
    RUNTIME
  }

  /**
   * A value read from the environment.
   *
   * @param variable the variable name
   * @param fallback the default of {@code System.get_env/2}, else null
   * @param call which function
   * @param phase which environment it reads: the build machine's or the running node's
   * @param origin where the call is written
   */
  record FromEnv(String variable, Value fallback, EnvCall call, Phase phase, Origin origin) implements Value {}

  /**
   * A conversion applied to a value: {@code String.to_integer}, {@code String.to_atom},
   * {@code String.to_existing_atom}, {@code String.to_charlist}, {@code to_string},
   * {@code String.to_float}, {@code String.trim}, {@code String.split} (with {@code extra} = the separator).
   *
   * @param function the function as written ({@code String.to_integer})
   * @param arg the value it applies to
   * @param extra further arguments
   * @param origin where the call is written
   */
  record Convert(String function, Value arg, List<Value> extra, Origin origin) implements Value {
    /** Copies the list. */
    public Convert {
      extra = List.copyOf(extra);
    }
  }

  /**
   * {@code left || right} or {@code left && right}.
   *
   * @param op {@code ||} or {@code &&}
   * @param left the value tried first
   * @param right the other
   * @param origin where it is written
   */
  record Either(String op, Value left, Value right, Origin origin) implements Value {}

  /** A string built from parts: interpolation or {@code <>}. */
  record Concat(List<Value> parts, Origin origin) implements Value {
    /** Copies the list. */
    public Concat {
      parts = List.copyOf(parts);
    }
  }

  /**
   * {@code Application.get_env(:app, :key[, default])}, {@code Application.fetch_env!(:app, :key)},
   * {@code Application.compile_env(…)}: a value of the application config.
   *
   * @param app the application
   * @param key the key
   * @param fallback the default, else null
   * @param required true for the {@code !} functions (raise when missing)
   * @param origin where the call is written
   */
  record AppEnv(String app, String key, Value fallback, boolean required, Origin origin) implements Value {}

  /** {@code config_env()} (or {@code Mix.env()}). */
  record ConfigEnv(Origin origin) implements Value {}

  /** {@code raise "…"}: evaluating this stops the config (the node does not boot). */
  record Raise(String message, Origin origin) implements Value {}

  /**
   * What the reader cannot read.
   *
   * @param text the expression as written (shortened)
   * @param reason why it is not read
   * @param origin where it is written
   * @param defaultedVariable for {@code System.get_env("X", default)} read at boot with X in no
   *     input: X, whose default applies unless the image sets it; null otherwise
   */
  record Unknown(String text, String reason, Origin origin, String defaultedVariable) implements Value {

    /** An unknown that no default would settle. */
    Unknown(String text, String reason, Origin origin) {
      this(text, reason, origin, null);
    }

    @Override
    public String toString() {
      return "Unknown(" + text + ", " + origin + ")";
    }
  }

  /** The text of a string, a charlist or an atom (not nil). */
  static Optional<String> textOf(Value v) {
    if (v instanceof Text t) {
      return Optional.of(t.text());
    }
    if (v instanceof Chars c) {
      return Optional.of(c.text());
    }
    if (v instanceof Atom a && !a.name().equals("nil")) {
      return Optional.of(a.name());
    }
    return Optional.empty();
  }

  /** True when the value holds no deferred and no unknown part. */
  static boolean isLiteral(Value v) {
    if (v instanceof ListOf l) {
      return l.items().stream().allMatch(Value::isLiteral);
    }
    if (v instanceof TupleOf t) {
      return t.items().stream().allMatch(Value::isLiteral);
    }
    if (v instanceof MapOf m) {
      return m.entries().stream().allMatch(e -> isLiteral(e.key()) && isLiteral(e.value()));
    }
    return v instanceof Atom || v instanceof Text || v instanceof Chars || v instanceof Int || v instanceof Real;
  }
}
