package dev.clusterctl.erlang.term;

import dev.clusterctl.erlang.term.TermToken.Kind;
import dev.clusterctl.error.BadInputException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Erlang terms from text the way
 * <a href="https://www.erlang.org/doc/apps/kernel/file.html#consult/1">{@code file:consult/1}</a>
 * does: a sequence of terms, each ending with a full stop ({@code .} then white space).
 *
 * <p>Accepted: atoms (plain and quoted), integers ({@code 42}, {@code 16#FF}, {@code 1_000},
 * {@code $c}), floats, strings (adjacent strings join), binaries ({@code <<"text">>},
 * {@code <<1,2>>}, {@code /utf8}, byte-sized {@code :Size}), tuples, lists including
 * {@code [H|T]}, maps {@code #{K => V}}, unary minus on numbers and {@code %} comments, following
 * <a href="https://www.erlang.org/doc/system/data_types.html">Data Types</a>. Anything else that
 * {@code erl_parse:parse_term/1} refuses (variables, records, funs, expressions) is refused too.
 *
 * <p>Hand-written on purpose: no maintained Java library parses Erlang's text term syntax (the
 * Jinterface jar on Maven Central only decodes the binary external format and is unmaintained).
 *
 * <p>Every malformed input gives a {@link BadInputException} with one line
 * {@code source: line L, column C: what is wrong}. Messages never quote the contents of atoms or
 * strings, which may hold secrets such as cookies.
 */
public final class TermParser {

  /** Nesting deeper than this is refused rather than risking the Java stack. */
  private static final int MAX_DEPTH = 1000;

  /** Shared elements for the characters of most strings (a string is a list of integers). */
  private static final IntTerm[] LATIN1 = new IntTerm[256];

  static {
    for (int i = 0; i < LATIN1.length; i++) {
      LATIN1[i] = IntTerm.of(i);
    }
  }

  private final TermLexer lexer;
  private final Map<Term, Position> positions = new IdentityHashMap<>();
  private TermToken current;
  private int[] previousEnd = {1, 1};
  private int depth;

  private TermParser(String text, String source) {
    this.lexer = new TermLexer(text, source);
  }

  /** Where a term starts: 1-based line and column. */
  public record Position(int line, int column) {
    @Override
    public String toString() {
      return "line " + line + ", column " + column;
    }
  }

  /**
   * The terms of a file with where each was read.
   *
   * @param terms the terms, in file order
   * @param positions start position of every term read, keyed by identity (not equality)
   */
  public record Consulted(List<Term> terms, Map<Term, Position> positions) {

    /** Where {@code term} (a term or sub-term from this result, compared by identity) starts. */
    public Optional<Position> position(Term term) {
      return Optional.ofNullable(positions.get(term));
    }
  }

  /** The terms in {@code text}, like {@code file:consult/1}; {@code source} names the input in errors. */
  public static List<Term> consult(String text, String source) {
    return consultLocated(text, source).terms();
  }

  /** The terms in {@code text} with the position of every term and sub-term. */
  public static Consulted consultLocated(String text, String source) {
    rejectBinary(text, source);
    TermParser parser = new TermParser(text, source);
    try {
      List<Term> terms = parser.all();
      return new Consulted(List.copyOf(terms), Collections.unmodifiableMap(parser.positions));
    } catch (TermLexer.BadInput e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** Refuses text that is evidently not text: NUL bytes or undecodable bytes. */
  private static void rejectBinary(String text, String source) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || c == '\uFFFD') {
        throw new BadInputException(
            source + ": line " + line + ", column " + col
                + ": binary data, not Erlang terms (" + (c == 0 ? "NUL byte" : "bytes that are not UTF-8") + ")");
      }
      if (c == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
  }

  private List<Term> all() {
    List<Term> terms = new ArrayList<>();
    advance();
    while (current.kind() != Kind.EOF) {
      Term t = term();
      if (current.kind() == Kind.EOF) {
        throw lexer.error(previousEnd[0], previousEnd[1], "the term ends without its final '.'");
      }
      if (current.kind() != Kind.DOT) {
        throw error(current, "expected ',' or '.' after a complete term, found " + current.describe());
      }
      advance();
      terms.add(t);
    }
    return terms;
  }

  private void advance() {
    previousEnd = lexer.endOfLastToken();
    current = lexer.next();
  }

  private TermLexer.BadInput error(TermToken at, String what) {
    return lexer.error(at.line(), at.column(), what);
  }

  private Term term() {
    TermToken start = current;
    if (++depth > MAX_DEPTH) {
      throw error(start, "terms nested deeper than " + MAX_DEPTH + " levels");
    }
    Term t = switch (start.kind()) {
      case ATOM -> {
        advance();
        yield new Atom((String) start.value());
      }
      case INTEGER, CHAR -> {
        advance();
        yield new IntTerm((BigInteger) start.value());
      }
      case FLOAT -> {
        advance();
        yield new FloatTerm((Double) start.value());
      }
      case STRING -> string();
      case PUNCT -> punctuated(start);
      case DOT -> throw error(start, "expected a term before '.'");
      case EOF -> throw error(start, "the input ends where a term was expected");
    };
    depth--;
    positions.put(t, new Position(start.line(), start.column()));
    return t;
  }

  private Term string() {
    StringBuilder sb = new StringBuilder();
    while (current.kind() == Kind.STRING) {
      sb.append((String) current.value());
      advance();
    }
    return charlist(sb.toString());
  }

  private static ListTerm charlist(String s) {
    List<Term> chars = new ArrayList<>(s.length());
    s.codePoints().forEach(cp -> chars.add(cp < LATIN1.length ? LATIN1[cp] : IntTerm.of(cp)));
    return chars.isEmpty() ? new ListTerm(List.of(), null) : new ListTerm(List.copyOf(chars), ListTerm.NIL);
  }

  private Term punctuated(TermToken start) {
    switch (start.text()) {
      case "{":
        advance();
        return new Tuple(List.copyOf(sequence(start, "}")));
      case "[":
        return list(start);
      case "#":
        advance();
        if (!current.is("{")) {
          throw error(current, "records are not terms (expected '{' after '#' for a map)");
        }
        return map(start);
      case "<<":
        return binary(start);
      case "-":
      case "+":
        advance();
        boolean minus = start.text().equals("-");
        if (current.kind() == Kind.INTEGER || current.kind() == Kind.CHAR) {
          BigInteger v = (BigInteger) current.value();
          advance();
          return new IntTerm(minus ? v.negate() : v);
        }
        if (current.kind() == Kind.FLOAT) {
          double v = (Double) current.value();
          advance();
          return new FloatTerm(minus ? -v : v);
        }
        throw error(start, "'" + start.text() + "' may only precede a number in a term");
      default:
        throw error(start, "expected a term, found " + start.describe());
    }
  }

  /** Terms separated by ',' up to {@code close}; the current token is the opener. */
  private List<Term> sequence(TermToken opener, String close) {
    List<Term> items = new ArrayList<>();
    if (current.is(close)) {
      advance();
      return items;
    }
    while (true) {
      items.add(term());
      if (current.is(",")) {
        advance();
      } else if (current.is(close)) {
        advance();
        return items;
      } else {
        throw unclosed(opener, close, "','");
      }
    }
  }

  private TermLexer.BadInput unclosed(TermToken opener, String close, String alternatives) {
    String where = "'" + opener.text() + "' opened at line " + opener.line() + ", column " + opener.column();
    if (current.kind() == Kind.EOF) {
      return lexer.error(previousEnd[0], previousEnd[1], "unbalanced " + where + ": no matching '" + close
          + "' before the end of the input");
    }
    if (current.kind() == Kind.DOT) {
      return error(current, "unbalanced " + where + ": no matching '" + close + "' before "
          + current.describe());
    }
    return error(current, "expected " + alternatives + " or '" + close + "' to close the " + where
        + ", found " + current.describe());
  }

  private Term list(TermToken opener) {
    advance();
    List<Term> items = new ArrayList<>();
    if (current.is("]")) {
      advance();
      return new ListTerm(List.of(), null);
    }
    while (true) {
      items.add(term());
      if (current.is(",")) {
        advance();
      } else if (current.is("|")) {
        advance();
        Term tail = term();
        if (!current.is("]")) {
          if (current.kind() == Kind.EOF || current.kind() == Kind.DOT) {
            throw unclosed(opener, "]", "");
          }
          throw error(current, "expected ']' after the tail of the list opened at line " + opener.line()
              + ", column " + opener.column() + ", found " + current.describe());
        }
        advance();
        if (tail instanceof ListTerm l) {
          List<Term> all = new ArrayList<>(items);
          all.addAll(l.elements());
          return new ListTerm(List.copyOf(all), l.elements().isEmpty() ? ListTerm.NIL : l.tail());
        }
        return new ListTerm(List.copyOf(items), tail);
      } else if (current.is("]")) {
        advance();
        return new ListTerm(List.copyOf(items), ListTerm.NIL);
      } else {
        throw unclosed(opener, "]", "',', '|'");
      }
    }
  }

  private Term map(TermToken opener) {
    TermToken brace = current;
    advance();
    Map<Term, Term> entries = new LinkedHashMap<>();
    if (current.is("}")) {
      advance();
      return new MapTerm(Collections.unmodifiableMap(entries));
    }
    while (true) {
      Term key = term();
      if (current.is(":=")) {
        throw error(current, "':=' updates a map; a map term uses '=>'");
      }
      if (!current.is("=>")) {
        throw error(current, "expected '=>' after a map key, found " + current.describe());
      }
      advance();
      entries.put(key, term());
      if (current.is(",")) {
        advance();
      } else if (current.is("}")) {
        advance();
        return new MapTerm(Collections.unmodifiableMap(entries));
      } else {
        throw unclosed(new TermToken(Kind.PUNCT, "#{", null, opener.line(), opener.column()), "}", "','");
      }
    }
  }

  private Term binary(TermToken opener) {
    advance();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (current.is(">>")) {
      advance();
      return new Binary(bytes.toByteArray());
    }
    while (true) {
      segment(bytes);
      if (current.is(",")) {
        advance();
      } else if (current.is(">>")) {
        advance();
        return new Binary(bytes.toByteArray());
      } else {
        throw unclosed(opener, ">>", "','");
      }
    }
  }

  /** One binary segment: a string or integer, optional {@code :Size} (bits, whole bytes), optional {@code /Type}. */
  private void segment(ByteArrayOutputStream out) {
    TermToken start = current;
    String text = null;
    BigInteger number = null;
    if (current.kind() == Kind.STRING) {
      StringBuilder sb = new StringBuilder();
      while (current.kind() == Kind.STRING) {
        sb.append((String) current.value());
        advance();
      }
      text = sb.toString();
    } else {
      boolean minus = current.is("-");
      if (minus) {
        advance();
      }
      if (current.kind() != Kind.INTEGER && current.kind() != Kind.CHAR) {
        throw error(current, "expected a string or an integer in a binary, found " + current.describe());
      }
      number = (BigInteger) current.value();
      number = minus ? number.negate() : number;
      advance();
    }
    int sizeBits = 8;
    if (current.is(":")) {
      advance();
      if (current.kind() != Kind.INTEGER || text != null) {
        throw error(current, "only an integer segment may have a size, and it must be an integer");
      }
      sizeBits = ((BigInteger) current.value()).intValueExact();
      if (sizeBits % 8 != 0 || sizeBits <= 0 || sizeBits > 1024) {
        throw error(current, "segment size " + sizeBits + " is not a whole number of bytes (bitstrings are not supported)");
      }
      advance();
    }
    String type = "";
    if (current.is("/")) {
      advance();
      if (current.kind() != Kind.ATOM) {
        throw error(current, "expected a type such as utf8 after '/', found " + current.describe());
      }
      type = current.text();
      advance();
      if (!type.equals("utf8") && !type.equals("integer") && !type.equals("big")) {
        throw error(start, "binary segment type /" + type + " is not supported (use utf8 or integer)");
      }
    }
    if (text != null) {
      if (type.equals("utf8")) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      } else {
        text.codePoints().forEach(cp -> out.write(cp & 0xFF));
      }
    } else if (type.equals("utf8")) {
      int cp = number.intValue();
      if (number.signum() < 0 || number.bitLength() > 21 || cp > Character.MAX_CODE_POINT) {
        throw error(start, "not a Unicode code point in a /utf8 segment");
      }
      out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
    } else {
      for (int shift = sizeBits - 8; shift >= 0; shift -= 8) {
        out.write(number.shiftRight(shift).intValue() & 0xFF);
      }
    }
  }
}
