package dev.clusterctl.erlang.term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermParserTest {

  private static Term one(String text) {
    List<Term> terms = TermParser.consult(text, "t.config");
    assertThat(terms).hasSize(1);
    return terms.get(0);
  }

  private static ListTerm chars(String s) {
    return (ListTerm) one("\"" + s + "\".");
  }

  @Test
  void atomsPlainAndQuoted() {
    assertThat(one("dns.")).isEqualTo(new Atom("dns"));
    assertThat(one("app@host_1.")).isEqualTo(new Atom("app@host_1"));
    assertThat(one("'app@host.example'.")).isEqualTo(new Atom("app@host.example"));
    assertThat(one("'it\\'s'.")).isEqualTo(new Atom("it's"));
    assertThat(one("''.")).isEqualTo(new Atom(""));
  }

  @Test
  void integersInEveryNotation() {
    assertThat(one("42.")).isEqualTo(IntTerm.of(42));
    assertThat(one("-7.")).isEqualTo(IntTerm.of(-7));
    assertThat(one("16#FF.")).isEqualTo(IntTerm.of(255));
    assertThat(one("2#1010.")).isEqualTo(IntTerm.of(10));
    assertThat(one("36#z.")).isEqualTo(IntTerm.of(35));
    assertThat(one("1_000_000.")).isEqualTo(IntTerm.of(1_000_000));
    assertThat(one("$a.")).isEqualTo(IntTerm.of('a'));
    assertThat(one("$\\n.")).isEqualTo(IntTerm.of('\n'));
    assertThat(one("$ .")).isEqualTo(IntTerm.of(' '));
    assertThat(one("[${, $}].")).isEqualTo(ListTerm.of(List.of(IntTerm.of('{'), IntTerm.of('}'))));
    assertThat(Terms.text(one("\"${NODE_HOST}\"."))).contains("${NODE_HOST}");
    assertThat(one("123456789012345678901234567890."))
        .isEqualTo(new IntTerm(new BigInteger("123456789012345678901234567890")));
  }

  @Test
  void floats() {
    assertThat(one("1.5.")).isEqualTo(new FloatTerm(1.5));
    assertThat(one("-2.5e3.")).isEqualTo(new FloatTerm(-2500.0));
    assertThat(one("1.0E-2.")).isEqualTo(new FloatTerm(0.01));
  }

  @Test
  void stringsAreCharlistsWithEscapes() {
    assertThat(Terms.text(chars("k8s-erlang-cluster.ns"))).contains("k8s-erlang-cluster.ns");
    assertThat(Terms.text(chars("a\\tb\\n\\\"q\\\"\\\\"))).contains("a\tb\n\"q\"\\");
    assertThat(Terms.text(chars("\\x41\\x{1F600}\\101\\^A\\s"))).contains("AA" .replace("AA", "A\uD83D\uDE00A") + "\u0001 ");
    assertThat(Terms.text(one("\"ab\" \"cd\"."))).contains("abcd");
    assertThat(one("\"\".")).isEqualTo(ListTerm.NIL);
    assertThat(Terms.text(chars("é"))).contains("é");
  }

  @Test
  void binaries() {
    assertThat(one("<<\"abc\">>.")).isEqualTo(new Binary("abc".getBytes(StandardCharsets.US_ASCII)));
    assertThat(one("<<1,2,255>>.")).isEqualTo(new Binary(new byte[] {1, 2, (byte) 255}));
    assertThat(one("<<>>.")).isEqualTo(new Binary(new byte[0]));
    assertThat(one("<<\"é\"/utf8>>.")).isEqualTo(new Binary("é".getBytes(StandardCharsets.UTF_8)));
    assertThat(one("<<\"é\">>.")).isEqualTo(new Binary(new byte[] {(byte) 0xE9}));
    assertThat(one("<<258:16>>.")).isEqualTo(new Binary(new byte[] {1, 2}));
    assertThat(one("<<$a, -1>>.")).isEqualTo(new Binary(new byte[] {'a', (byte) 0xFF}));
    assertThat(Terms.text(one("<<\"secret\">>."))).contains("secret");
  }

  @Test
  void tuplesListsAndMaps() {
    assertThat(one("{a, 1, \"s\"}.")).isEqualTo(Tuple.of(new Atom("a"), IntTerm.of(1), chars("s")));
    assertThat(one("{}.")).isEqualTo(new Tuple(List.of()));
    assertThat(one("[].")).isEqualTo(ListTerm.NIL);
    assertThat(one("[a, b].")).isEqualTo(ListTerm.of(List.of(new Atom("a"), new Atom("b"))));
    ListTerm improper = (ListTerm) one("[a | b].");
    assertThat(improper.isProper()).isFalse();
    assertThat(improper.tail()).isEqualTo(new Atom("b"));
    assertThat(one("[a | [b, c]].")).isEqualTo(ListTerm.of(List.of(new Atom("a"), new Atom("b"), new Atom("c"))));
    assertThat(((ListTerm) one("[a | []].")).isProper()).isTrue();
    MapTerm map = (MapTerm) one("#{domain => \"x.y\", record_type => srv, 1 => {}}.");
    assertThat(map.get("record_type")).contains(new Atom("srv"));
    assertThat(map.get("domain").flatMap(Terms::text)).contains("x.y");
    assertThat(map.entries().keySet()).containsExactly(new Atom("domain"), new Atom("record_type"), IntTerm.of(1));
    assertThat(one("#{}.")).isEqualTo(new MapTerm(Map.of()));
  }

  @Test
  void severalTermsCommentsAndWhitespace() {
    List<Term> terms = TermParser.consult("% header\n{a, 1}.  % one\n\n[b]. % two\n'c'.%three", "t");
    assertThat(terms).containsExactly(
        Tuple.of(new Atom("a"), IntTerm.of(1)), ListTerm.of(List.of(new Atom("b"))), new Atom("c"));
    assertThat(TermParser.consult("", "t")).isEmpty();
    assertThat(TermParser.consult("  % only a comment\n", "t")).isEmpty();
    assertThat(TermParser.consult("a.\r\nb.\r\n", "t")).hasSize(2);
  }

  @Test
  void positionsOfTermsAndSubTerms() {
    TermParser.Consulted c = TermParser.consultLocated("[\n  {gen_cluster,\n     [x]}].\n", "t");
    ListTerm top = (ListTerm) c.terms().get(0);
    Tuple app = (Tuple) top.elements().get(0);
    assertThat(c.position(top)).contains(new TermParser.Position(1, 1));
    assertThat(c.position(app)).contains(new TermParser.Position(2, 3));
    assertThat(c.position(app.get(1))).contains(new TermParser.Position(3, 6));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '§',
      quoteCharacter = '`',
      textBlock = """
          no final dot                  § [{a, 1}]                      § t.config: line 1, column 9: the term ends without its final '.'
          no final dot after comment    § {a, 1} % done                 § t.config: line 1, column 7: the term ends without its final '.'
          unclosed list                 § [{a, 1}.                      § t.config: line 1, column 8: unbalanced '[' opened at line 1, column 1: no matching ']' before '.'
          unclosed tuple at end         § {a, 1                         § t.config: line 1, column 6: unbalanced '{' opened at line 1, column 1: no matching '}' before the end of the input
          unclosed map                  § #{a => 1.                     § t.config: line 1, column 9: unbalanced '#{' opened at line 1, column 1: no matching '}' before '.'
          wrong closer                  § {a, 1].                       § t.config: line 1, column 6: expected ',' or '}' to close the '{' opened at line 1, column 1, found ']'
          extra closer                  § {a}}.                         § t.config: line 1, column 4: expected ',' or '.' after a complete term, found '}'
          missing comma                 § [a b].                        § t.config: line 1, column 4: expected ',', '|' or ']' to close the '[' opened at line 1, column 1, found an atom
          unterminated string           § {a, "abc}.                    § t.config: line 1, column 5: unterminated string (no closing \")
          unterminated quoted atom      § {'abc, 1}.                    § t.config: line 1, column 2: unterminated quoted atom (no closing ')
          variable                      § {a, Var}.                     § t.config: line 1, column 5: a variable name is not a term (quote it to make an atom: 'Name')
          underscore variable           § [_].                          § t.config: line 1, column 2: a variable name is not a term (quote it to make an atom: 'Name')
          record                        § #rec{a = 1}.                  § t.config: line 1, column 2: records are not terms (expected '{' after '#' for a map)
          map update                    § #{a := 1}.                    § t.config: line 1, column 5: ':=' updates a map; a map term uses '=>'
          map without arrow             § #{a, 1}.                      § t.config: line 1, column 4: expected '=>' after a map key, found ','
          dot inside                    § a.b.                          § t.config: line 1, column 2: unexpected '.' (a term ends with '.' followed by white space)
          lone dot                      § .                             § t.config: line 1, column 1: expected a term before '.'
          expression                    § 1 + 2.                        § t.config: line 1, column 3: expected ',' or '.' after a complete term, found '+'
          minus before atom             § -a.                           § t.config: line 1, column 1: '-' may only precede a number in a term
          bad base                      § 37#1.                         § t.config: line 1, column 1: integer base 37 is outside 2..36
          bad char                      § {a, ~}.                       § t.config: line 1, column 5: unexpected character '~'
          fun                           § fun() -> ok end.              § t.config: line 1, column 4: expected ',' or '.' after a complete term, found '('
          bitstring segment             § <<1:4>>.                      § t.config: line 1, column 5: segment size 4 is not a whole number of bytes (bitstrings are not supported)
          unknown segment type          § <<"a"/utf16>>.                § t.config: line 1, column 3: binary segment type /utf16 is not supported (use utf8 or integer)
          unclosed binary               § <<1, 2.                       § t.config: line 1, column 7: unbalanced '<<' opened at line 1, column 1: no matching '>>' before '.'
          relx placeholder          § [{kernel, [{inet_dist_listen_min, ${PORT}}]}]. § t.config: line 1, column 35: a ${VAR} placeholder outside a string: render the .src template with the environment first
          tail then more                § [a | b, c].                   § t.config: line 1, column 7: expected ']' after the tail of the list opened at line 1, column 1, found ','
          """)
  void malformedInputGivesOneLineWithPosition(String name, String text, String message) {
    assertThatThrownBy(() -> TermParser.consult(text, "t.config"))
        .isInstanceOf(BadInputException.class)
        .hasMessage(message);
  }

  @Test
  void positionsCountLines() {
    assertThatThrownBy(() -> TermParser.consult("[\n {gen_cluster,\n   [{discovery, {dns, #{domain => \"x\"}}}\n ]\n", "sys.config"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("sys.config: line 4, column 3: unbalanced '{' opened at line 2, column 2: no matching '}' before the end of the input");
    assertThatThrownBy(() -> TermParser.consult("{a,\n   \"open\n\n", "sys.config"))
        .hasMessage("sys.config: line 2, column 4: unterminated string (no closing \")");
  }

  @Test
  void binaryGarbageIsNamed() {
    assertThatThrownBy(() -> TermParser.consult("[{a,\n b}].\u0000\u0001\u0002", "blob"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("blob: line 2, column 6: binary data, not Erlang terms (NUL byte)");
    assertThatThrownBy(() -> TermParser.consult("\uFFFD\uFFFDPNG", "img.png"))
        .hasMessage("img.png: line 1, column 1: binary data, not Erlang terms (bytes that are not UTF-8)");
  }

  @Test
  void messagesNeverQuoteAtomsOrStrings() {
    assertThatThrownBy(() -> TermParser.consult("{cookie 'SuperSecretCookie'}.", "sys.config"))
        .hasMessageNotContaining("SuperSecretCookie")
        .hasMessageContaining("found an atom");
    assertThatThrownBy(() -> TermParser.consult("{cookie \"SuperSecretCookie\"}.", "sys.config"))
        .hasMessageNotContaining("SuperSecretCookie");
  }

  @Test
  void deepNestingIsRefusedNotACrash() {
    String deep = "[".repeat(5000) + "]".repeat(5000) + ".";
    assertThatThrownBy(() -> TermParser.consult(deep, "deep"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("nested deeper than 1000 levels");
    String ok = "[".repeat(500) + "]".repeat(500) + ".";
    assertThat(TermParser.consult(ok, "ok")).hasSize(1);
  }
}
