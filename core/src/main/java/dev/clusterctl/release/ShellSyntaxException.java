package dev.clusterctl.release;

/** A script this reader cannot parse: one line, with the line number, never the script's text. */
final class ShellSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;

  ShellSyntaxException(int line, String message) {
    super("line " + line + ": " + message, null, false, false);
    this.line = line;
  }

  int line() {
    return line;
  }
}
