package dev.clusterctl.elixir;

import dev.clusterctl.release.Environment;
import dev.clusterctl.release.Origin;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves deferred {@link Value}s: {@code System.get_env} against the environment of the phase
 * that evaluates it (the build machine's for {@code config.exs} and its imports, the running
 * node's for {@code runtime.exs} and application code), conversions, {@code ||}/{@code &&},
 * interpolation, {@code config_env()} and {@code Application.get_env} against an
 * {@link AppConfig}. What cannot be resolved becomes {@link Value.Unknown} with the reason; what
 * would raise becomes {@link Value.Raise}.
 */
public final class Resolver {

  private static final int MAX_DEPTH = 64;
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern FLOAT = Pattern.compile("[+-]?\\d+\\.\\d+([eE][+-]?\\d+)?");

  private final String configEnv;
  private final Environment buildEnv;
  private final Environment runtimeEnv;
  private final AppConfig appConfig;
  private int depth;

  /**
   * A resolver for the config environment {@code configEnv} ({@code "prod"}), the build
   * machine's environment {@code buildEnv} (usually {@link Environment#unknown()}), the running
   * node's {@code runtimeEnv}, and the application config {@code appConfig} (may be null).
   */
  public Resolver(String configEnv, Environment buildEnv, Environment runtimeEnv, AppConfig appConfig) {
    this.configEnv = configEnv;
    this.buildEnv = buildEnv;
    this.runtimeEnv = runtimeEnv;
    this.appConfig = appConfig;
  }

  /** This resolver with another application config. */
  public Resolver withConfig(AppConfig config) {
    return new Resolver(configEnv, buildEnv, runtimeEnv, config);
  }

  /** The config environment ({@code prod}). */
  public String configEnv() {
    return configEnv;
  }

  /** The environment a file of {@code phase} reads. */
  public Environment env(Value.Phase phase) {
    return phase == Value.Phase.BUILD ? buildEnv : runtimeEnv;
  }

  /**
   * A resolved value.
   *
   * @param value the value: literal, or holding {@link Value.Unknown}/{@link Value.Raise} parts
   * @param unknowns the unknown parts
   * @param raises the parts that would raise
   */
  public record Resolution(Value value, List<Value.Unknown> unknowns, List<Value.Raise> raises) {
    /** Copies the lists. */
    public Resolution {
      unknowns = List.copyOf(unknowns);
      raises = List.copyOf(raises);
    }

    /** True when the value is fully known. */
    public boolean known() {
      return unknowns.isEmpty() && raises.isEmpty();
    }
  }

  /** Resolves {@code v}. */
  public Resolution resolve(Value v) {
    Value r = value(v);
    List<Value.Unknown> unknowns = new ArrayList<>();
    List<Value.Raise> raises = new ArrayList<>();
    collect(r, unknowns, raises);
    return new Resolution(r, unknowns, raises);
  }

  private static void collect(Value v, List<Value.Unknown> unknowns, List<Value.Raise> raises) {
    if (v instanceof Value.Unknown u) {
      unknowns.add(u);
    } else if (v instanceof Value.Raise r) {
      raises.add(r);
    } else if (v instanceof Value.ListOf l) {
      l.items().forEach(x -> collect(x, unknowns, raises));
    } else if (v instanceof Value.TupleOf t) {
      t.items().forEach(x -> collect(x, unknowns, raises));
    } else if (v instanceof Value.MapOf m) {
      m.entries().forEach(e -> {
        collect(e.key(), unknowns, raises);
        collect(e.value(), unknowns, raises);
      });
    }
  }

  /** The value with every deferred part resolved. */
  Value value(Value v) {
    if (++depth > MAX_DEPTH) {
      depth--;
      return new Value.Unknown("…", "the value refers to itself or nests too deeply", v.origin());
    }
    try {
      return valueOf(v);
    } finally {
      depth--;
    }
  }

  private Value valueOf(Value v) {
    if (v instanceof Value.ListOf l) {
      List<Value> items = new ArrayList<>();
      l.items().forEach(x -> items.add(value(x)));
      return new Value.ListOf(items, l.origin());
    }
    if (v instanceof Value.TupleOf t) {
      List<Value> items = new ArrayList<>();
      t.items().forEach(x -> items.add(value(x)));
      return new Value.TupleOf(items, t.origin());
    }
    if (v instanceof Value.MapOf m) {
      List<Value.Entry> entries = new ArrayList<>();
      m.entries().forEach(e -> entries.add(new Value.Entry(value(e.key()), value(e.value()))));
      return new Value.MapOf(entries, m.origin());
    }
    if (v instanceof Value.FromEnv e) {
      return fromEnv(e);
    }
    if (v instanceof Value.ConfigEnv c) {
      return configEnv == null ? new Value.Unknown("config_env()", "the config environment is not given", c.origin())
          : new Value.Atom(configEnv, c.origin());
    }
    if (v instanceof Value.Either e) {
      Value left = value(e.left());
      if (left instanceof Value.Raise || left instanceof Value.Unknown) {
        return left instanceof Value.Raise ? left : unknownFrom(left, e.origin(), "the value of " + e.op() + " depends on it");
      }
      boolean truthy = !(left instanceof Value.Atom a && a.falsy());
      if (e.op().equals("||")) {
        return truthy ? left : value(e.right());
      }
      return truthy ? value(e.right()) : left;
    }
    if (v instanceof Value.Concat c) {
      List<Value> parts = new ArrayList<>();
      c.parts().forEach(p -> parts.add(value(p)));
      Value folded = fold(parts, c.origin());
      if (folded instanceof Value.Concat) {
        for (Value p : parts) {
          if (p instanceof Value.Raise) {
            return p;
          }
        }
        Value bad = parts.stream().filter(p -> !Value.isLiteral(p)).findFirst().orElse(folded);
        return unknownFrom(bad, c.origin(), "a part of the string is not known");
      }
      return folded;
    }
    if (v instanceof Value.Convert c) {
      return convert(c);
    }
    if (v instanceof Value.AppEnv a) {
      return appEnv(a);
    }
    return v;
  }

  private Value fromEnv(Value.FromEnv e) {
    Environment env = env(e.phase());
    Environment.Lookup l = env.lookup(e.variable());
    String call = e.call() == Value.EnvCall.FETCH ? "System.fetch_env!(\"" + e.variable() + "\")"
        : "System.get_env(\"" + e.variable() + "\"" + (e.fallback() == null ? "" : ", …") + ")";
    switch (l.state()) {
      case SET -> {
        return new Value.Text(l.value(), Origin.env(e.variable()));
      }
      case UNSET -> {
        if (e.call() == Value.EnvCall.FETCH) {
          return new Value.Raise(e.variable() + " is not set, so " + call + " raises and the node does not boot", e.origin());
        }
        return e.fallback() == null ? new Value.Atom("nil", e.origin()) : value(e.fallback());
      }
      case RUNTIME -> {
        return new Value.Unknown(call, e.variable() + " holds " + l.value() + ", known only in the running pod", Origin.env(e.variable()));
      }
      default -> {
        boolean build = e.phase() == Value.Phase.BUILD;
        String why = build
            ? e.variable() + " is read when the release is built (" + e.origin() + "); the build machine's environment is not known"
            : e.variable() + " is not set by any input read; the image may set it";
        return new Value.Unknown(call, why, e.origin(), !build && e.fallback() != null ? e.variable() : null);
      }
    }
  }

  private Value appEnv(Value.AppEnv a) {
    String call = "Application." + (a.required() ? "fetch_env!" : "get_env") + "(:" + a.app() + ", :" + a.key() + ")";
    if (appConfig == null) {
      return new Value.Unknown(call, "the application config is not read", a.origin());
    }
    Optional<Value.Unknown> unread = appConfig.unread(a.app(), a.key());
    if (unread.isPresent()) {
      return unread.get();
    }
    Optional<Value> found = appConfig.written(a.app(), a.key());
    if (found.isEmpty()) {
      if (a.required()) {
        return new Value.Raise(call + " raises: :" + a.key() + " is not set for :" + a.app(), a.origin());
      }
      return a.fallback() == null ? new Value.Atom("nil", a.origin()) : value(a.fallback());
    }
    return value(found.get());
  }

  private Value convert(Value.Convert c) {
    Value arg = value(c.arg());
    List<Value> extra = new ArrayList<>();
    c.extra().forEach(x -> extra.add(value(x)));
    String fn = c.function();
    if (fn.equals("if")) {
      if (arg instanceof Value.Raise || arg instanceof Value.Unknown) {
        return arg instanceof Value.Raise ? arg : unknownFrom(arg, c.origin(), "the condition of an 'if' depends on it");
      }
      boolean truthy = !(arg instanceof Value.Atom a && a.falsy());
      return truthy ? extra.get(0) : extra.get(1);
    }
    if (arg instanceof Value.Raise) {
      return arg;
    }
    if (!Value.isLiteral(arg)) {
      return unknownFrom(arg, c.origin(), fn + " applies to it");
    }
    Origin o = arg.origin();
    switch (fn) {
      case "String.to_integer" -> {
        if (arg instanceof Value.Text t && INTEGER.matcher(t.text()).matches() && extra.isEmpty()) {
          return new Value.Int(new BigInteger(t.text().startsWith("+") ? t.text().substring(1) : t.text()), o);
        }
        return new Value.Raise("String.to_integer/1 raises on " + describe(arg), c.origin());
      }
      case "String.to_float" -> {
        if (arg instanceof Value.Text t && FLOAT.matcher(t.text()).matches()) {
          return new Value.Real(Double.parseDouble(t.text()), o);
        }
        return new Value.Raise("String.to_float/1 raises on " + describe(arg), c.origin());
      }
      case "String.to_atom", "String.to_existing_atom" -> {
        if (arg instanceof Value.Text t) {
          return new Value.Atom(t.text(), o);
        }
        return new Value.Raise(fn + "/1 raises on " + describe(arg), c.origin());
      }
      case "String.to_charlist", "to_charlist" -> {
        Optional<String> s = chars(arg);
        return s.<Value>map(x -> new Value.Chars(x, o)).orElseGet(() -> new Value.Raise(fn + " raises on " + describe(arg), c.origin()));
      }
      case "to_string" -> {
        Optional<String> s = chars(arg);
        return s.<Value>map(x -> new Value.Text(x, o)).orElseGet(() -> new Value.Unknown(fn, "to_string of " + describe(arg) + " is not rendered", c.origin()));
      }
      case "String.trim", "String.downcase", "String.upcase" -> {
        if (arg instanceof Value.Text t && extra.isEmpty()) {
          String r = fn.equals("String.trim") ? t.text().strip()
              : fn.equals("String.downcase") ? t.text().toLowerCase(Locale.ROOT) : t.text().toUpperCase(Locale.ROOT);
          return new Value.Text(r, o);
        }
        return new Value.Unknown(fn, fn + " of " + describe(arg) + " is not evaluated", c.origin());
      }
      case "String.split" -> {
        if (arg instanceof Value.Text t && extra.isEmpty()) {
          List<Value> parts = new ArrayList<>();
          for (String p : t.text().strip().split("\\s+")) {
            if (!p.isEmpty()) {
              parts.add(new Value.Text(p, o));
            }
          }
          return new Value.ListOf(parts, c.origin());
        }
        if (arg instanceof Value.Text t && extra.size() == 1 && extra.get(0) instanceof Value.Text sep && !sep.text().isEmpty()) {
          List<Value> parts = new ArrayList<>();
          for (String p : t.text().split(Pattern.quote(sep.text()), -1)) {
            parts.add(new Value.Text(p, o));
          }
          return new Value.ListOf(parts, c.origin());
        }
        return new Value.Unknown(fn, "String.split with these arguments is not evaluated", c.origin());
      }
      case "access", "Keyword.get", "Keyword.fetch!" -> {
        if (extra.isEmpty() || !Value.isLiteral(extra.get(0))) {
          return new Value.Unknown(fn, "the key is not known", c.origin());
        }
        Value key = extra.get(0);
        if (arg instanceof Value.Atom a && a.name().equals("nil") && fn.equals("access")) {
          return new Value.Atom("nil", c.origin());
        }
        if (arg instanceof Value.ListOf l) {
          for (Value e : l.items()) {
            if (e instanceof Value.TupleOf t && t.items().size() == 2 && ElixirTerms.same(t.items().get(0), key)) {
              return t.items().get(1);
            }
          }
        } else if (arg instanceof Value.MapOf m && fn.equals("access")) {
          for (Value.Entry e : m.entries()) {
            if (ElixirTerms.same(e.key(), key)) {
              return e.value();
            }
          }
        } else {
          return new Value.Unknown(fn, fn + " on " + describe(arg) + " is not evaluated", c.origin());
        }
        if (fn.equals("Keyword.fetch!")) {
          return new Value.Raise("Keyword.fetch! raises: the key is missing", c.origin());
        }
        return fn.equals("Keyword.get") && extra.size() > 1 ? extra.get(1) : new Value.Atom("nil", c.origin());
      }
      default -> {
        return new Value.Unknown(fn, fn + " is not evaluated", c.origin());
      }
    }
  }

  private static Optional<String> chars(Value v) {
    if (v instanceof Value.Text t) {
      return Optional.of(t.text());
    }
    if (v instanceof Value.Chars c) {
      return Optional.of(c.text());
    }
    if (v instanceof Value.Atom a) {
      return Optional.of(a.name().equals("nil") ? "" : a.name());
    }
    if (v instanceof Value.Int i) {
      return Optional.of(i.value().toString());
    }
    return Optional.empty();
  }

  private static String describe(Value v) {
    return v instanceof Value.Atom a && a.name().equals("nil") ? "nil (an unset variable)" : "the value from " + v.origin();
  }

  private static Value unknownFrom(Value part, Origin origin, String why) {
    if (part instanceof Value.Unknown u) {
      return u;
    }
    return new Value.Unknown("…", why, origin);
  }

  /**
   * Joins string parts as interpolation does ({@code String.Chars}: strings, atoms, integers,
   * charlists); a {@link Value.Concat} when a part is not known yet.
   */
  static Value fold(List<Value> parts, Origin origin) {
    StringBuilder sb = new StringBuilder();
    Origin first = null;
    for (Value p : parts) {
      if (p instanceof Value.Real || !Value.isLiteral(p) || p instanceof Value.ListOf || p instanceof Value.TupleOf
          || p instanceof Value.MapOf) {
        List<Value> flat = new ArrayList<>();
        for (Value q : parts) {
          if (q instanceof Value.Concat c) {
            flat.addAll(c.parts());
          } else {
            flat.add(q);
          }
        }
        return new Value.Concat(flat, origin);
      }
      Optional<String> s = chars(p);
      sb.append(s.orElse(""));
      if (first == null && p.origin().kind() == Origin.Kind.ENV) {
        first = p.origin();
      }
    }
    return new Value.Text(sb.toString(), first != null ? first : origin);
  }
}
