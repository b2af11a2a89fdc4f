package dev.clusterctl.erlang.term;

import dev.clusterctl.erlang.term.TermToken.Kind;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Splits Erlang term text into tokens the way {@code erl_scan} does for the literals
 * {@code file:consult/1} accepts; see
 * <a href="https://www.erlang.org/doc/system/data_types.html">Data Types</a> for the syntax.
 */
final class TermLexer {

  /** relx's {@code ${VAR}} placeholder, which only a rendered sys.config.src replaces. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?}");

  private final String text;
  private final String source;
  private int pos;
  private int line = 1;
  private int lineStart;

  TermLexer(String text, String source) {
    this.text = text;
    this.source = source;
  }

  /** The line and column just after the last token returned, as {@code {line, column}}. */
  int[] endOfLastToken() {
    return new int[] {line, column()};
  }

  /** The next token; {@link Kind#EOF} at the end. */
  TermToken next() {
    skipBlanks();
    int startLine = line;
    int startCol = column();
    if (pos >= text.length()) {
      return new TermToken(Kind.EOF, "", null, startLine, startCol);
    }
    char c = text.charAt(pos);
    if (isLower(c)) {
      int start = pos;
      while (pos < text.length() && isNameChar(text.charAt(pos))) {
        pos++;
      }
      String name = text.substring(start, pos);
      return new TermToken(Kind.ATOM, name, name, startLine, startCol);
    }
    if (isUpper(c) || c == '_') {
      throw error(startLine, startCol, "a variable name is not a term (quote it to make an atom: 'Name')");
    }
    if (c >= '0' && c <= '9') {
      return number(startLine, startCol);
    }
    switch (c) {
      case '\'':
        pos++;
        String atom = quoted('\'', startLine, startCol, "quoted atom");
        return new TermToken(Kind.ATOM, atom, atom, startLine, startCol);
      case '"':
        pos++;
        String s = quoted('"', startLine, startCol, "string");
        return new TermToken(Kind.STRING, "string", s, startLine, startCol);
      case '$':
        if (PLACEHOLDER.matcher(text).region(pos, text.length()).lookingAt()) {
          throw error(startLine, startCol, "a ${VAR} placeholder outside a string: render the .src template with"
              + " the environment first");
        }
        pos++;
        return new TermToken(Kind.CHAR, "char", BigInteger.valueOf(charLiteral(startLine, startCol)), startLine, startCol);
      case '.':
        pos++;
        if (pos >= text.length() || isBlank(text.charAt(pos)) || text.charAt(pos) == '%') {
          return new TermToken(Kind.DOT, ".", null, startLine, startCol);
        }
        throw error(startLine, startCol, "unexpected '.' (a term ends with '.' followed by white space)");
      default:
        break;
    }
    String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
    for (String p : new String[] {"=>", ":=", "<<", ">>"}) {
      if (two.equals(p)) {
        pos += 2;
        return new TermToken(Kind.PUNCT, p, null, startLine, startCol);
      }
    }
    if ("{}[](),|#:/-+".indexOf(c) >= 0) {
      pos++;
      return new TermToken(Kind.PUNCT, String.valueOf(c), null, startLine, startCol);
    }
    throw error(startLine, startCol, "unexpected character " + describeChar(c));
  }

  /** A failure at the given position, as one line naming the source. */
  BadInput error(int atLine, int atColumn, String what) {
    return new BadInput(source, atLine, atColumn, what);
  }

  /** The one-line error TermParser turns into a BadInputException. */
  static final class BadInput extends RuntimeException {
    final String source;
    final int line;
    final int column;
    final String what;

    BadInput(String source, int line, int column, String what) {
      super(source + ": line " + line + ", column " + column + ": " + what, null, false, false);
      this.source = source;
      this.line = line;
      this.column = column;
      this.what = what;
    }
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private void skipBlanks() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '%') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (isBlank(c)) {
        advance();
      } else {
        return;
      }
    }
  }

  /** Moves past one character, keeping the line count. */
  private char advance() {
    char c = text.charAt(pos++);
    if (c == '\n') {
      line++;
      lineStart = pos;
    }
    return c;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == 0xA0;
  }

  private static boolean isLower(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
  }

  private static boolean isUpper(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
  }

  private static boolean isNameChar(char c) {
    return isLower(c) || isUpper(c) || (c >= '0' && c <= '9') || c == '_' || c == '@';
  }

  private static String describeChar(char c) {
    if (c >= 0x20 && c < 0x7F) {
      return "'" + c + "'";
    }
    return String.format("U+%04X", (int) c);
  }

  private TermToken number(int startLine, int startCol) {
    String digits = digits(10, startLine, startCol);
    if (pos < text.length() && text.charAt(pos) == '#') {
      int base = Integer.parseInt(digits);
      if (base < 2 || base > 36) {
        throw error(startLine, startCol, "integer base " + base + " is outside 2..36");
      }
      pos++;
      String based = digits(base, startLine, startCol);
      if (based.isEmpty()) {
        throw error(startLine, startCol, "no digits after '" + base + "#'");
      }
      return new TermToken(Kind.INTEGER, based, new BigInteger(based, base), startLine, startCol);
    }
    if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
      pos++;
      String fraction = digits(10, startLine, startCol);
      String exponent = "";
      if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
        int save = pos;
        pos++;
        String sign = "";
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
          sign = String.valueOf(text.charAt(pos++));
        }
        String exp = digits(10, startLine, startCol);
        if (exp.isEmpty()) {
          pos = save;
        } else {
          exponent = "e" + sign + exp;
        }
      }
      double value = Double.parseDouble(digits + "." + fraction + exponent);
      if (Double.isInfinite(value)) {
        throw error(startLine, startCol, "float out of range");
      }
      return new TermToken(Kind.FLOAT, "float", value, startLine, startCol);
    }
    return new TermToken(Kind.INTEGER, digits, new BigInteger(digits), startLine, startCol);
  }

  /** Digits of {@code base}, allowing single underscores between digits (OTP 23+). */
  private String digits(int base, int startLine, int startCol) {
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.digit(c, base) >= 0 && c < 0x80) {
        sb.append(c);
        pos++;
      } else if (c == '_' && sb.length() > 0 && pos + 1 < text.length()
          && Character.digit(text.charAt(pos + 1), base) >= 0) {
        pos++;
      } else {
        break;
      }
    }
    return sb.toString();
  }

  /** The body of a string or quoted atom after its opening quote, escapes decoded. */
  private String quoted(char quote, int startLine, int startCol, String what) {
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error(startLine, startCol, "unterminated " + what + " (no closing " + quote + ")");
      }
      char c = advance();
      if (c == quote) {
        return sb.toString();
      }
      if (c == '\\') {
        sb.appendCodePoint(escape(startLine, startCol, what));
      } else {
        sb.append(c);
      }
    }
  }

  private int charLiteral(int startLine, int startCol) {
    if (pos >= text.length()) {
      throw error(startLine, startCol, "'$' at the end of the input");
    }
    char c = advance();
    if (c == '\\') {
      return escape(startLine, startCol, "character literal");
    }
    if (Character.isHighSurrogate(c) && pos < text.length() && Character.isLowSurrogate(text.charAt(pos))) {
      return Character.toCodePoint(c, text.charAt(pos++));
    }
    return c;
  }

  /** Decodes the escape after a backslash, as {@code erl_scan} does. */
  private int escape(int startLine, int startCol, String what) {
    if (pos >= text.length()) {
      throw error(startLine, startCol, "unterminated " + what + " (input ends after '\\')");
    }
    char c = advance();
    switch (c) {
      case 'b': return '\b';
      case 'd': return 0x7F;
      case 'e': return 0x1B;
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 's': return ' ';
      case 't': return '\t';
      case 'v': return 0x0B;
      case '^':
        if (pos >= text.length()) {
          throw error(startLine, startCol, "unterminated " + what);
        }
        return advance() & 0x1F;
      case 'x':
        return hexEscape(startLine, startCol);
      default:
        if (c >= '0' && c <= '7') {
          int v = c - '0';
          for (int i = 0; i < 2 && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '7'; i++) {
            v = v * 8 + (text.charAt(pos++) - '0');
          }
          return v;
        }
        return c;
    }
  }

  private int hexEscape(int startLine, int startCol) {
    if (pos < text.length() && text.charAt(pos) == '{') {
      int close = text.indexOf('}', pos);
      String hex = close < 0 ? "" : text.substring(pos + 1, close);
      if (hex.isEmpty() || hex.length() > 6 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
        throw error(line, column(), "bad \\x{...} escape");
      }
      pos = close + 1;
      int cp = Integer.parseInt(hex, 16);
      if (cp > Character.MAX_CODE_POINT) {
        throw error(line, column(), "\\x{" + hex + "} is not a Unicode code point");
      }
      return cp;
    }
    int v = 0;
    int n = 0;
    while (n < 2 && pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
      v = v * 16 + Character.digit(text.charAt(pos++), 16);
      n++;
    }
    if (n == 0) {
      throw error(line, column(), "bad \\x escape (no hex digits)");
    }
    return v;
  }
}
