package dev.clusterctl.erlang.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.erlang.term.Atom;
import dev.clusterctl.erlang.term.Binary;
import dev.clusterctl.erlang.term.FloatTerm;
import dev.clusterctl.erlang.term.IntTerm;
import dev.clusterctl.erlang.term.ListTerm;
import dev.clusterctl.erlang.term.MapTerm;
import dev.clusterctl.erlang.term.Pid;
import dev.clusterctl.erlang.term.Port;
import dev.clusterctl.erlang.term.Reference;
import dev.clusterctl.erlang.term.Term;
import dev.clusterctl.erlang.term.Tuple;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The external term format against bytes written by OTP 25's term_to_binary/1, and against malformed input. */
class EtfTest {

  private static final HexFormat HEX = HexFormat.of();

  private static Term decode(String hex) throws DistProtocolException {
    return EtfDecoder.decode(HEX.parseHex(hex.toLowerCase()));
  }

  @Test
  void decodesWhatOtpWrites() throws Exception {
    // term_to_binary({ok, [1,2,3], <<"x">>, 'a@b.example', -5, 1.5, 100000000000000000000, #{a => 1},
    //                 "hi", [a|b], -100000000000000000000, 300, {}, []}) on OTP 25.2.3
    Term t = decode("83680E6400026F6B6B00030102036D000000017864000B6140622E6578616D706C6562FFFFFFFB463FF8000000"
        + "0000006E0900000010632D5EC76B0574000000016400016161016B000268696C0000000164000161640001626E09010000"
        + "10632D5EC76B05620000012C68006A");
    Map<Term, Term> map = new LinkedHashMap<>();
    map.put(new Atom("a"), IntTerm.of(1));
    assertThat(t).isEqualTo(Tuple.of(
        new Atom("ok"),
        ListTerm.of(List.of(IntTerm.of(1), IntTerm.of(2), IntTerm.of(3))),
        new Binary("x".getBytes(StandardCharsets.US_ASCII)),
        new Atom("a@b.example"),
        IntTerm.of(-5),
        new FloatTerm(1.5),
        new IntTerm(new BigInteger("100000000000000000000")),
        new MapTerm(map),
        ListTerm.of(List.of(IntTerm.of('h'), IntTerm.of('i'))),
        new ListTerm(List.of(new Atom("a")), new Atom("b")),
        new IntTerm(new BigInteger("-100000000000000000000")),
        IntTerm.of(300),
        new Tuple(List.of()),
        ListTerm.NIL));
  }

  @Test
  void decodesPidsReferencesAndPortsFromOtp() throws Exception {
    assertThat(decode("835864000D6E6F6E6F6465406E6F686F7374000000090000000000000000"))
        .isEqualTo(new Pid("nonode@nohost", 9, 0, 0));
    assertThat(decode("835A000364000D6E6F6E6F6465406E6F686F73740000000000037A1851940002F6ABD732"))
        .isEqualTo(new Reference("nonode@nohost", 0, List.of(0x37A18L, 0x51940002L, 0xF6ABD732L)));
    assertThat(decode("835964000D6E6F6E6F6465406E6F686F73740000000000000000"))
        .isEqualTo(new Port("nonode@nohost", 0, 0));
  }

  @Test
  void roundTripsEveryKind() throws Exception {
    Map<Term, Term> map = new LinkedHashMap<>();
    map.put(new Atom("k"), new Binary(new byte[] {1, 2}));
    List<Term> big = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      big.add(IntTerm.of(i));
    }
    Term t = Tuple.of(
        new Atom("ünïcode"), IntTerm.of(0), IntTerm.of(255), IntTerm.of(256), IntTerm.of(-1),
        IntTerm.of(Integer.MIN_VALUE), IntTerm.of(Long.MAX_VALUE), new IntTerm(BigInteger.TWO.pow(3000).negate()),
        new FloatTerm(-0.25), new MapTerm(map), new Tuple(big), ListTerm.of(big),
        new ListTerm(List.of(IntTerm.of(1)), new Atom("tail")),
        new Pid("a@b", 1, 2, 0xFFFFFFF0L), new Reference("a@b", 3, List.of(1L, 2L, 0xFFFFFFFFL)),
        new Port("a@b", 5, 6), new Port("a@b", 1L << 40, 6), ListTerm.NIL);
    assertThat(EtfDecoder.decode(EtfEncoder.encode(t))).isEqualTo(t);
  }

  @Test
  void encodesAtomsAsSmallUtf8() {
    assertThat(HEX.formatHex(EtfEncoder.encode(new Atom("rex")))).isEqualTo("837703726578");
  }

  @Test
  void refusesMissingVersionByte() {
    assertThatThrownBy(() -> decode("6A")).hasMessage("expected term version byte 131 at offset 0, got 106");
  }

  @Test
  void refusesTruncatedTerms() {
    assertThatThrownBy(() -> decode("836D00000005AABB"))
        .isInstanceOf(DistProtocolException.class)
        .hasMessage("length 5 at offset 2 exceeds the 2 bytes left");
    assertThatThrownBy(() -> decode("836400"))
        .hasMessage("term truncated at offset 2: 2 bytes needed, 1 left");
  }

  @Test
  void refusesHugeCountsWithoutAllocating() {
    assertThatThrownBy(() -> decode("836CFFFFFFFF6A"))
        .hasMessage("length 4294967295 at offset 2 exceeds the 1 bytes left");
    assertThatThrownBy(() -> decode("8374FFFFFFFF"))
        .hasMessageStartingWith("length 4294967295");
  }

  @Test
  void refusesDeepNesting() {
    StringBuilder hex = new StringBuilder("83");
    for (int i = 0; i < 1000; i++) {
      hex.append("6801");
    }
    hex.append("6A");
    assertThatThrownBy(() -> decode(hex.toString())).hasMessage("term nested deeper than 256 levels");
  }

  @Test
  void refusesUnknownAndUnsupportedTags() {
    assertThatThrownBy(() -> decode("83FF")).hasMessage("unknown term tag 255 at offset 1");
    assertThatThrownBy(() -> decode("835200")).hasMessageContaining("atom-cache reference");
    assertThatThrownBy(() -> decode("834D0000000103FF")).hasMessageContaining("bit string");
  }

  @Test
  void refusesTrailingBytes() {
    assertThatThrownBy(() -> decode("836A6A")).hasMessage("1 unexpected bytes after the term at offset 2");
  }
}
