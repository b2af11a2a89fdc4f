package dev.clusterctl.cli;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/** Options every command takes: {@code --verbose} and {@code --color}. */
public final class GlobalOptions {

  /** When to colour output. */
  public enum ColorMode {
    /** Colour only on a terminal, and never with NO_COLOR set. */
    auto,
    /** Always colour (CLICOLOR_FORCE does the same). */
    always,
    /** Never colour. */
    never
  }

  @Option(names = "--verbose", description = "Show detail on stderr, including stack traces of failures.")
  boolean verbose;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description = "Colour output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; NO_COLOR is honoured).")
  ColorMode color = ColorMode.auto;

  /** True when detail should be shown. */
  public boolean verbose() {
    return verbose;
  }

  /** True when output to stdout should be coloured. */
  public boolean colorOnStdout() {
    return switch (color) {
      case always -> true;
      case never -> false;
      case auto -> Ansi.AUTO.enabled() && System.console() != null;
    };
  }
}
