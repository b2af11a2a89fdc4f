package dev.clusterctl.elixir;

import java.util.List;

/**
 * A token of Elixir source.
 *
 * @param kind what sort of token
 * @param text the operator, identifier, alias or keyword text; for literals the source text
 * @param value the literal's value: a {@code BigInteger}, a {@code Double}, or for strings,
 *     charlists, quoted atoms, quoted keyword keys and sigils a {@code List} of parts
 *     ({@link String} or {@link Interp})
 * @param line 1-based line where it starts
 * @param start offset of its first character
 * @param end offset after its last character
 * @param spaceBefore true when white space comes right before it
 */
record Token(Kind kind, String text, Object value, int line, int start, int end, boolean spaceBefore) {

  enum Kind {
    INT, FLOAT, STRING, CHARLIST, ATOM, QUOTED_ATOM, KW, QUOTED_KW, ALIAS, IDENT, OP, SIGIL,
    LPAREN, RPAREN, LBRACKET, RBRACKET, LBRACE, RBRACE, MAP_OPEN, PERCENT, BIN_OPEN, BIN_CLOSE,
    COMMA, SEMI, NEWLINE, EOF
  }

  /** An interpolation {@code #{code}} inside a string: its code, and where the code starts. */
  record Interp(String code, int line, int offset) {}

  /** A sigil's letter, parts and modifiers. */
  record Sigil(char letter, List<Object> parts, String modifiers) {}

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isOp(String op) {
    return kind == Kind.OP && text.equals(op);
  }

  boolean isIdent(String name) {
    return kind == Kind.IDENT && text.equals(name);
  }
}
