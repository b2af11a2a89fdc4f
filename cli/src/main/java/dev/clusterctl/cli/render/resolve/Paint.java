package dev.clusterctl.cli.render.resolve;

import picocli.CommandLine.Help.Ansi;

/** Applies a picocli style ({@code bold}, {@code red}, …) to text only when colour is on, so plain output never parses markup. */
final class Paint {

  private final boolean color;

  Paint(boolean color) {
    this.color = color;
  }

  /** {@code text} in {@code style} when colouring, else {@code text} unchanged. */
  String apply(String style, String text) {
    if (!color || text.isEmpty()) {
      return text;
    }
    return Ansi.ON.string("@|" + style + " " + text.replace("|@", "| @") + "|@");
  }
}
