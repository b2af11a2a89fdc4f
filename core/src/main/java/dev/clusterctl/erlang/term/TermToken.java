package dev.clusterctl.erlang.term;

/**
 * One token of Erlang term text, with where it starts.
 *
 * @param kind what the token is
 * @param text the punctuation or atom name, or a short description for literals
 * @param value the decoded value: String for atoms and strings, BigInteger for integers and
 *     characters, Double for floats; null for punctuation
 * @param line 1-based line
 * @param column 1-based column
 */
record TermToken(Kind kind, String text, Object value, int line, int column) {

  /** Token kinds of the subset of {@code erl_scan} that literal terms use. */
  enum Kind {
    ATOM,
    STRING,
    CHAR,
    INTEGER,
    FLOAT,
    PUNCT,
    DOT,
    EOF
  }

  /** True for the punctuation {@code p}. */
  boolean is(String p) {
    return kind == Kind.PUNCT && text.equals(p);
  }

  /** How the token reads in an error message; never the contents of an atom or string (either may be a secret). */
  String describe() {
    return switch (kind) {
      case ATOM -> "an atom";
      case STRING -> "a string";
      case CHAR -> "a character literal";
      case INTEGER -> "an integer";
      case FLOAT -> "a float";
      case PUNCT -> "'" + text + "'";
      case DOT -> "'.'";
      case EOF -> "the end of the input";
    };
  }
}
