package dev.clusterctl.coredns;

/**
 * One Corefile token.
 *
 * @param text the token's text, quotes removed
 * @param line 1-based line where it starts
 * @param column 1-based column where it starts
 * @param newLine true when it is the first token on its line (a new directive starts there)
 * @param quoted true when it was written in double quotes (then {@code {} and {@code import} are plain text)
 */
record CorefileToken(String text, int line, int column, boolean newLine, boolean quoted) {

  /** True for the unquoted token {@code s}. */
  boolean is(String s) {
    return !quoted && text.equals(s);
  }

  /** The same token, marked as starting a line. */
  CorefileToken startingLine() {
    return new CorefileToken(text, line, column, true, quoted);
  }
}
