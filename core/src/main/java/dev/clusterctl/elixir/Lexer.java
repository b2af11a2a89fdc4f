package dev.clusterctl.elixir;

import dev.clusterctl.elixir.Token.Interp;
import dev.clusterctl.elixir.Token.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Elixir source into tokens, following the
 * <a href="https://hexdocs.pm/elixir/syntax-reference.html">Syntax reference</a>: numbers
 * ({@code 1_000}, {@code 0x1F}, {@code 0b1}, {@code 0o7}, floats, {@code ?a}), strings and
 * charlists with escapes and {@code #{…}} interpolation, heredocs, sigils, atoms (plain, quoted,
 * operator), keyword keys ({@code key:}, {@code "quoted key":}), aliases, identifiers,
 * operators, comments.
 */
final class Lexer {

  private static final String[] OPERATORS = {
    "===", "!==", "<<<", ">>>", "<<~", "~>>", "<~>", "|||", "&&&", "^^^", "~~~", "...", "//",
    "++", "--", "<>", "==", "!=", "<=", ">=", "=~", "&&", "||", "|>", "->", "=>", "<-", "\\\\", "::", "..", "**",
    "<~", "~>", "+", "-", "*", "/", "=", "<", ">", "!", "^", "&", "|", "@", "."
  };

  private final String src;
  private int pos;
  private int line;
  private final List<Token> tokens = new ArrayList<>();

  private Lexer(String src, int firstLine) {
    this.src = src;
    this.line = firstLine;
  }

  /** The tokens of {@code src}, whose first line is {@code firstLine}, ending with EOF. */
  static List<Token> tokens(String src, int firstLine) {
    Lexer l = new Lexer(src, firstLine);
    l.run();
    return l.tokens;
  }

  private ElixirSyntaxException error(String what) {
    return new ElixirSyntaxException(line, what);
  }

  private char at(int i) {
    return i < src.length() ? src.charAt(i) : '\0';
  }

  private void add(Kind kind, String text, Object value, int startLine, int start, boolean space) {
    tokens.add(new Token(kind, text, value, startLine, start, pos, space));
  }

  private void run() {
    boolean space = false;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        pos++;
        space = true;
        continue;
      }
      if (c == '\\' && at(pos + 1) == '\n') {
        pos += 2;
        line++;
        space = true;
        continue;
      }
      if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
        continue;
      }
      if (c == '\n') {
        if (tokens.isEmpty() || !tokens.get(tokens.size() - 1).is(Kind.NEWLINE)) {
          add(Kind.NEWLINE, "\n", null, line, pos, space);
        }
        pos++;
        line++;
        space = true;
        continue;
      }
      int start = pos;
      int startLine = line;
      if (Character.isDigit(c)) {
        number(start, space);
      } else if (c == '"' || c == '\'') {
        quoted(c, start, space);
      } else if (c == ':' && at(pos + 1) != ':' && (isIdentStart(at(pos + 1)) || at(pos + 1) == '"' || at(pos + 1) == '\'')) {
        atom(start, space);
      } else if (c == ':' && at(pos + 1) != ':' && operatorAt(pos + 1) != null) {
        String op = operatorAt(pos + 1);
        pos += 1 + op.length();
        add(Kind.ATOM, ":" + op, op, startLine, start, space);
      } else if (isIdentStart(c)) {
        identifier(start, space);
      } else if (c == '?' && pos + 1 < src.length()) {
        charLiteral(start, space);
      } else if (c == '~' && Character.isLetter(at(pos + 1))) {
        sigil(start, space);
      } else if (c == '%' && at(pos + 1) == '{') {
        pos += 2;
        add(Kind.MAP_OPEN, "%{", null, startLine, start, space);
      } else if (c == '%') {
        pos++;
        add(Kind.PERCENT, "%", null, startLine, start, space);
      } else if (c == '<' && at(pos + 1) == '<' && at(pos + 2) != '<' && at(pos + 2) != '~') {
        pos += 2;
        add(Kind.BIN_OPEN, "<<", null, startLine, start, space);
      } else if (c == '>' && at(pos + 1) == '>' && at(pos + 2) != '>') {
        pos += 2;
        add(Kind.BIN_CLOSE, ">>", null, startLine, start, space);
      } else if ("()[]{},;".indexOf(c) >= 0) {
        pos++;
        Kind k = switch (c) {
          case '(' -> Kind.LPAREN;
          case ')' -> Kind.RPAREN;
          case '[' -> Kind.LBRACKET;
          case ']' -> Kind.RBRACKET;
          case '{' -> Kind.LBRACE;
          case '}' -> Kind.RBRACE;
          case ',' -> Kind.COMMA;
          default -> Kind.SEMI;
        };
        add(k, String.valueOf(c), null, startLine, start, space);
      } else {
        String op = operatorAt(pos);
        if (op == null) {
          throw error("unexpected character '" + c + "'");
        }
        pos += op.length();
        add(Kind.OP, op, null, startLine, start, space);
      }
      space = false;
    }
    add(Kind.EOF, "", null, line, pos, true);
  }

  private String operatorAt(int i) {
    for (String op : OPERATORS) {
      if (src.startsWith(op, i)) {
        return op;
      }
    }
    return null;
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private void number(int start, boolean space) {
    int startLine = line;
    char n = at(pos + 1);
    if (src.charAt(pos) == '0' && (n == 'x' || n == 'o' || n == 'b')) {
      int radix = n == 'x' ? 16 : n == 'o' ? 8 : 2;
      pos += 2;
      StringBuilder digits = new StringBuilder();
      while (pos < src.length() && (Character.digit(src.charAt(pos), radix) >= 0 || src.charAt(pos) == '_')) {
        if (src.charAt(pos) != '_') {
          digits.append(src.charAt(pos));
        }
        pos++;
      }
      if (digits.length() == 0) {
        throw error("a number has no digits");
      }
      add(Kind.INT, src.substring(start, pos), new BigInteger(digits.toString(), radix), startLine, start, space);
      return;
    }
    StringBuilder digits = new StringBuilder();
    digits(digits);
    boolean isFloat = false;
    if (at(pos) == '.' && Character.isDigit(at(pos + 1))) {
      isFloat = true;
      digits.append('.');
      pos++;
      digits(digits);
      if ((at(pos) == 'e' || at(pos) == 'E')
          && (Character.isDigit(at(pos + 1)) || (at(pos + 1) == '-' || at(pos + 1) == '+') && Character.isDigit(at(pos + 2)))) {
        digits.append('e');
        pos++;
        if (at(pos) == '-' || at(pos) == '+') {
          digits.append(src.charAt(pos++));
        }
        digits(digits);
      }
    }
    String text = src.substring(start, pos);
    if (isFloat) {
      add(Kind.FLOAT, text, Double.parseDouble(digits.toString()), startLine, start, space);
    } else {
      add(Kind.INT, text, new BigInteger(digits.toString()), startLine, start, space);
    }
  }

  private void digits(StringBuilder sb) {
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_' && Character.isDigit(at(pos + 1)))) {
      if (src.charAt(pos) != '_') {
        sb.append(src.charAt(pos));
      }
      pos++;
    }
  }

  private void charLiteral(int start, boolean space) {
    int startLine = line;
    pos++;
    int cp;
    if (src.charAt(pos) == '\\' && pos + 1 < src.length()) {
      pos++;
      cp = escape(src.codePointAt(pos));
      pos += Character.charCount(src.codePointAt(pos));
    } else {
      cp = src.codePointAt(pos);
      pos += Character.charCount(cp);
    }
    add(Kind.INT, src.substring(start, pos), BigInteger.valueOf(cp), startLine, start, space);
  }

  private static int escape(int c) {
    return switch (c) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case 's' -> ' ';
      case 'e' -> 27;
      case 'f' -> '\f';
      case 'b' -> '\b';
      case 'v' -> 11;
      case 'a' -> 7;
      case '0' -> 0;
      case 'd' -> 127;
      default -> c;
    };
  }

  private void identifier(int start, boolean space) {
    int startLine = line;
    while (pos < src.length() && isIdentPart(src.charAt(pos))) {
      pos++;
    }
    if (at(pos) == '?' || at(pos) == '!') {
      pos++;
    }
    String text = src.substring(start, pos);
    if (at(pos) == ':' && at(pos + 1) != ':' && (Character.isWhitespace(at(pos + 1)) || at(pos + 1) == '\0')) {
      pos++;
      add(Kind.KW, text, text, startLine, start, space);
      return;
    }
    boolean alias = Character.isUpperCase(text.charAt(0));
    add(alias ? Kind.ALIAS : Kind.IDENT, text, null, startLine, start, space);
  }

  private void atom(int start, boolean space) {
    int startLine = line;
    pos++;
    char c = src.charAt(pos);
    if (c == '"' || c == '\'') {
      List<Object> parts = stringBody(c, true);
      add(Kind.QUOTED_ATOM, src.substring(start, pos), parts, startLine, start, space);
      return;
    }
    int s = pos;
    while (pos < src.length() && (isIdentPart(src.charAt(pos)) || src.charAt(pos) == '@'
        || src.charAt(pos) == '.' && isIdentStart(at(pos + 1)) && Character.isUpperCase(src.charAt(s)))) {
      pos++;
    }
    if (at(pos) == '?' || at(pos) == '!') {
      pos++;
    }
    add(Kind.ATOM, src.substring(start, pos), src.substring(s, pos), startLine, start, space);
  }

  private void quoted(char q, int start, boolean space) {
    int startLine = line;
    boolean heredoc = src.startsWith(String.valueOf(q).repeat(3), pos);
    List<Object> parts = heredoc ? heredoc(q, true) : stringBody(q, true);
    Kind kind = q == '"' ? Kind.STRING : Kind.CHARLIST;
    if (!heredoc && at(pos) == ':' && at(pos + 1) != ':' && Character.isWhitespace(at(pos + 1))) {
      pos++;
      add(Kind.QUOTED_KW, src.substring(start, pos), parts, startLine, start, space);
      return;
    }
    add(kind, src.substring(start, pos), parts, startLine, start, space);
  }

  /** The parts of a string whose opening quote is at {@code pos}; leaves {@code pos} after the closing one. */
  private List<Object> stringBody(char close, boolean escapes) {
    return body(src.charAt(pos), close, escapes);
  }

  private List<Object> body(char open, char close, boolean escapes) {
    int startLine = line;
    pos++;
    List<Object> parts = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    while (true) {
      if (pos >= src.length()) {
        throw new ElixirSyntaxException(startLine, "a string or sigil is not closed");
      }
      char c = src.charAt(pos);
      if (c == close && depth == 0) {
        pos++;
        break;
      }
      if (open != close && c == open) {
        depth++;
      } else if (open != close && c == close) {
        depth--;
      }
      if (c == '\n') {
        line++;
      }
      if (c == '\\' && pos + 1 < src.length()) {
        char n = src.charAt(pos + 1);
        if (!escapes) {
          if (n == close || n == '\\' && close != '\\') {
            sb.append(n == close ? String.valueOf(n) : "\\\\");
            pos += 2;
            continue;
          }
          sb.append(c);
          pos++;
          continue;
        }
        pos++;
        escapeInto(sb);
        continue;
      }
      if (escapes && c == '#' && at(pos + 1) == '{') {
        if (sb.length() > 0) {
          parts.add(sb.toString());
          sb.setLength(0);
        }
        parts.add(interpolation());
        continue;
      }
      sb.append(c);
      pos++;
    }
    if (sb.length() > 0 || parts.isEmpty()) {
      parts.add(sb.toString());
    }
    return parts;
  }

  /** Reads an escape whose backslash was just consumed. */
  private void escapeInto(StringBuilder sb) {
    char n = src.charAt(pos);
    if (n == '\n') {
      line++;
      pos++;
      return;
    }
    if (n == 'x' && at(pos + 1) == '{' || n == 'u' && at(pos + 1) == '{') {
      int close = src.indexOf('}', pos);
      if (close < 0) {
        throw error("an escape \\" + n + "{ is not closed");
      }
      sb.appendCodePoint(Integer.parseInt(src.substring(pos + 2, close), 16));
      pos = close + 1;
      return;
    }
    if (n == 'x') {
      int end = pos + 1;
      while (end < src.length() && end < pos + 3 && Character.digit(src.charAt(end), 16) >= 0) {
        end++;
      }
      if (end > pos + 1) {
        sb.appendCodePoint(Integer.parseInt(src.substring(pos + 1, end), 16));
        pos = end;
        return;
      }
    }
    if (n == 'u' && pos + 4 < src.length() && src.substring(pos + 1, pos + 5).chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
      sb.appendCodePoint(Integer.parseInt(src.substring(pos + 1, pos + 5), 16));
      pos += 5;
      return;
    }
    sb.appendCodePoint(escape(n));
    pos++;
  }

  /** Reads {@code #{…}} at {@code pos} (nested braces and strings inside) and returns its code. */
  private Interp interpolation() {
    int startLine = line;
    int codeStart = pos + 2;
    int i = codeStart;
    int depth = 1;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\n') {
        line++;
      }
      if (c == '"' || c == '\'') {
        int save = pos;
        pos = i;
        body(c, c, true);
        i = pos;
        pos = save;
        continue;
      }
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          pos = i + 1;
          return new Interp(src.substring(codeStart, i), startLine, codeStart);
        }
      }
      i++;
    }
    throw new ElixirSyntaxException(startLine, "an interpolation #{ is not closed");
  }

  private List<Object> heredoc(char q, boolean escapes) {
    int startLine = line;
    String delim = String.valueOf(q).repeat(3);
    pos += 3;
    while (pos < src.length() && src.charAt(pos) != '\n') {
      if (!Character.isWhitespace(src.charAt(pos))) {
        throw error("a heredoc must start on the line after its opening " + delim);
      }
      pos++;
    }
    pos++;
    line++;
    int bodyStart = pos;
    int bodyLine = line;
    int close = -1;
    int indent = 0;
    int i = pos;
    while (i < src.length()) {
      int eol = src.indexOf('\n', i);
      String l = eol < 0 ? src.substring(i) : src.substring(i, eol);
      if (l.stripLeading().startsWith(delim)) {
        close = i;
        indent = l.length() - l.stripLeading().length();
        break;
      }
      if (eol < 0) {
        break;
      }
      i = eol + 1;
    }
    if (close < 0) {
      throw new ElixirSyntaxException(startLine, "a heredoc is not closed by " + delim);
    }
    StringBuilder text = new StringBuilder();
    for (String l : src.substring(bodyStart, close).split("(?<=\n)")) {
      int strip = 0;
      while (strip < indent && strip < l.length() && (l.charAt(strip) == ' ' || l.charAt(strip) == '\t')) {
        strip++;
      }
      text.append(l.substring(strip));
    }
    String saved = src;
    List<Object> parts = subBody(text.toString(), bodyLine, escapes);
    pos = close + indent + 3;
    line = bodyLine + (int) saved.substring(bodyStart, close).chars().filter(ch -> ch == '\n').count();
    return parts;
  }

  /** Escapes and interpolations of a heredoc's text, read on their own. */
  private static List<Object> subBody(String text, int firstLine, boolean escapes) {
    Lexer sub = new Lexer(text + "\u0000", firstLine);
    sub.pos = -1;
    List<Object> parts = sub.body('\u0001', '\u0000', escapes);
    return parts;
  }

  private void sigil(int start, boolean space) {
    int startLine = line;
    char letter = src.charAt(pos + 1);
    pos += 2;
    char open = at(pos);
    boolean escapes = Character.isLowerCase(letter);
    List<Object> parts;
    if (src.startsWith("\"\"\"", pos) || src.startsWith("'''", pos)) {
      parts = heredoc(open, escapes);
    } else {
      char close = switch (open) {
        case '(' -> ')';
        case '[' -> ']';
        case '{' -> '}';
        case '<' -> '>';
        case '/', '|', '"', '\'' -> open;
        default -> throw error("a sigil ~" + letter + " has no delimiter");
      };
      parts = body(open, close, escapes);
    }
    int m = pos;
    while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
      pos++;
    }
    add(Kind.SIGIL, src.substring(start, pos), new Token.Sigil(letter, parts, src.substring(m, pos)), startLine, start, space);
  }
}
