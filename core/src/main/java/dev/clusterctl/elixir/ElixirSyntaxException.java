package dev.clusterctl.elixir;

/** Source this reader cannot tokenize or parse: one line with the line number, never the source text. */
final class ElixirSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;

  ElixirSyntaxException(int line, String message) {
    super(message, null, false, false);
    this.line = line;
  }

  int line() {
    return line;
  }
}
