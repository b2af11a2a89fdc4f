package dev.clusterctl.elixir;

/**
 * Something in an Elixir file this reader did not read, or read only in part. Notes name
 * constructs and lines, never values.
 *
 * @param file the file
 * @param line 1-based line
 * @param what one line in words
 */
public record Note(String file, int line, String what) {

  /** {@code file:line: what}. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + what;
  }
}
