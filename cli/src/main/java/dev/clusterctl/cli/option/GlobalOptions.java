package dev.clusterctl.cli.option;

import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** Options every command takes: {@code --verbose}, {@code --quiet} and {@code --color}. */
public final class GlobalOptions {

  /** When to colour output; {@code NO_COLOR} overrides every mode (<a href="https://no-color.org">no-color.org</a>). */
  public enum ColorMode {
    /** Colour when CLICOLOR_FORCE is set, else only on a terminal (and not with CLICOLOR=0 or TERM=dumb). */
    auto,
    /** Always colour, unless NO_COLOR is set. */
    always,
    /** Never colour. */
    never
  }

  @Option(names = "--verbose", description = "Show more detail: on stderr, the stack trace of a failure and "
      + "(resolve) every DNS question asked; on stdout, in doctor's text report, the evidence of passing checks.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "No progress line on stderr while waiting (there is one only on "
      + "a terminal, when a wait passes a second, and it is erased when the wait ends).")
  boolean quiet;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description = "Colour output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; NO_COLOR turns it off "
          + "even with always, CLICOLOR_FORCE turns auto on).")
  ColorMode color = ColorMode.auto;

  private UnaryOperator<String> env = System::getenv;
  private BooleanSupplier terminal = () -> System.console() != null;

  /** True when detail should be shown. */
  public boolean verbose() {
    return verbose;
  }

  /** True when no progress line should be shown. */
  public boolean quiet() {
    return quiet;
  }

  /** Uses {@code env} for environment variables and {@code terminal} to tell whether stdout is a terminal. */
  GlobalOptions environment(UnaryOperator<String> env, BooleanSupplier terminal) {
    this.env = env;
    this.terminal = terminal;
    return this;
  }

  /** True when output to stdout should be coloured. */
  public boolean colorOnStdout() {
    return colorOn(color, env, terminal);
  }

  /**
   * The colour rule: NO_COLOR (set and not empty) turns colour off whatever the mode; then
   * {@code --color always}/{@code never} decide; then, for auto, CLICOLOR_FORCE (set and not "0") turns it
   * on, CLICOLOR=0 or TERM=dumb off, and otherwise stdout being a terminal decides.
   */
  static boolean colorOn(ColorMode mode, UnaryOperator<String> env, BooleanSupplier terminal) {
    if (set(env.apply("NO_COLOR"))) {
      return false;
    }
    return switch (mode) {
      case always -> true;
      case never -> false;
      case auto -> {
        if (set(env.apply("CLICOLOR_FORCE")) && !"0".equals(env.apply("CLICOLOR_FORCE"))) {
          yield true;
        }
        yield !"0".equals(env.apply("CLICOLOR")) && !"dumb".equals(env.apply("TERM")) && terminal.getAsBoolean();
      }
    };
  }

  private static boolean set(String value) {
    return value != null && !value.isEmpty();
  }
}
