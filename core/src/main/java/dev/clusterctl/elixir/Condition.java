package dev.clusterctl.elixir;

import dev.clusterctl.release.Environment;
import dev.clusterctl.release.Origin;
import java.util.Set;
import java.util.TreeSet;

/**
 * The condition a config statement is under, kept as data: the config environments it applies
 * to ({@code if config_env() == :prod}), an environment variable test
 * ({@code if System.get_env("PHX_SERVER")}), their combinations, or a condition this reader
 * cannot read. Deciding it needs the config environment and the phase's environment.
 */
public sealed interface Condition {

  /** Always true: the statement is not under any condition. */
  Condition ALWAYS = new Const(true);

  /** True, false, or null when the inputs do not decide it. */
  Boolean decide(String configEnv, Environment env);

  /** The condition in words, e.g. {@code config_env() in [:prod]}. */
  String describe();

  /** Both conditions. */
  static Condition and(Condition a, Condition b) {
    if (a == ALWAYS) {
      return b;
    }
    if (b == ALWAYS) {
      return a;
    }
    return new All(a, b);
  }

  /** A constant. */
  record Const(boolean value) implements Condition {
    @Override
    public Boolean decide(String configEnv, Environment env) {
      return value;
    }

    @Override
    public String describe() {
      return Boolean.toString(value);
    }
  }

  /** {@code config_env() in envs} (also {@code ==}, and {@code Mix.env()}). */
  record ConfigEnvIn(Set<String> envs) implements Condition {
    /** Copies the set. */
    public ConfigEnvIn {
      envs = Set.copyOf(envs);
    }

    @Override
    public Boolean decide(String configEnv, Environment env) {
      return configEnv == null ? null : envs.contains(configEnv);
    }

    @Override
    public String describe() {
      return "config_env() in " + new TreeSet<>(envs).stream().map(e -> ":" + e).toList();
    }
  }

  /**
   * A test of an environment variable: truthy when set ({@code values} null), or equal to one
   * of {@code values}.
   */
  record EnvTest(String variable, Set<String> values, Origin origin) implements Condition {
    @Override
    public Boolean decide(String configEnv, Environment env) {
      Environment.Lookup l = env.lookup(variable);
      return switch (l.state()) {
        case SET -> values == null || values.contains(l.value());
        case UNSET -> false;
        case RUNTIME -> values == null ? Boolean.TRUE : null;
        case UNKNOWN -> null;
      };
    }

    @Override
    public String describe() {
      return values == null ? "System.get_env(\"" + variable + "\") is set"
          : "System.get_env(\"" + variable + "\") in " + new TreeSet<>(values);
    }
  }

  /** The negation. */
  record Not(Condition inner) implements Condition {
    @Override
    public Boolean decide(String configEnv, Environment env) {
      Boolean b = inner.decide(configEnv, env);
      return b == null ? null : !b;
    }

    @Override
    public String describe() {
      return "not (" + inner.describe() + ")";
    }
  }

  /** Both. */
  record All(Condition left, Condition right) implements Condition {
    @Override
    public Boolean decide(String configEnv, Environment env) {
      Boolean a = left.decide(configEnv, env);
      Boolean b = right.decide(configEnv, env);
      if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
        return false;
      }
      return a == null || b == null ? null : true;
    }

    @Override
    public String describe() {
      return left.describe() + " and " + right.describe();
    }
  }

  /** Either. */
  record Any(Condition left, Condition right) implements Condition {
    @Override
    public Boolean decide(String configEnv, Environment env) {
      Boolean a = left.decide(configEnv, env);
      Boolean b = right.decide(configEnv, env);
      if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
        return true;
      }
      return a == null || b == null ? null : false;
    }

    @Override
    public String describe() {
      return "(" + left.describe() + " or " + right.describe() + ")";
    }
  }

  /** A condition this reader cannot read. */
  record Opaque(String text, Origin origin) implements Condition {
    @Override
    public Boolean decide(String configEnv, Environment env) {
      return null;
    }

    @Override
    public String describe() {
      return text + " (not read, " + origin + ")";
    }
  }
}
