package dev.clusterctl.elixir;

import dev.clusterctl.release.Origin;
import java.util.List;

/**
 * A config file ({@code config/config.exs}, {@code prod.exs}, {@code runtime.exs}) as a list of
 * the statements that shape the application config, in order, each with its condition.
 *
 * @param file the file's name as given
 * @param phase when the file is evaluated
 * @param statements {@code config} calls, {@code import_config} calls and raises
 * @param notes what was not read
 */
public record ConfigScript(String file, Value.Phase phase, List<Statement> statements, List<Note> notes) {

  /** Copies the lists. */
  public ConfigScript {
    statements = List.copyOf(statements);
    notes = List.copyOf(notes);
  }

  /** One statement. */
  public sealed interface Statement permits Put, Import, Fail {
    /** The condition it is under. */
    Condition when();

    /** Where it is written. */
    Origin origin();
  }

  /**
   * {@code config :app, opts} ({@code key} null) or {@code config :app, key, value}.
   *
   * @param app the application
   * @param key the key, or null for {@code config/2}
   * @param value the keyword list ({@code config/2}) or the value ({@code config/3}), as written
   * @param when the condition
   * @param origin where it is written
   */
  public record Put(String app, String key, Value value, Condition when, Origin origin) implements Statement {}

  /**
   * {@code import_config path}.
   *
   * @param path the path as written (may hold {@code config_env()})
   * @param when the condition
   * @param origin where it is written
   */
  public record Import(Value path, Condition when, Origin origin) implements Statement {}

  /**
   * A statement that raises when reached ({@code raise "…"}, or a {@code System.fetch_env!}
   * of an unset variable, found when evaluating).
   *
   * @param value what raises
   * @param when the condition
   * @param origin where it is written
   */
  public record Fail(Value value, Condition when, Origin origin) implements Statement {}
}
