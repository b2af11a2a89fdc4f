package dev.clusterctl.dns;

import static dev.clusterctl.dns.ScriptedClient.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.testing.FakeDnsServer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** What a reply is, in words: never "null", never a class name. */
class ReplyCheckTest {

  private static final Message QUERY = Message.newQuery(Record.newRecord(name("x.example."), Type.A, DClass.IN));

  @Test
  void anOwnerNameOverTwoHundredFiftyFiveOctetsIsNamed() {
    byte[] wire = FakeDnsServer.longOwnerName().apply(QUERY);
    for (ResolverMode mode : ResolverMode.values()) {
      ReplyCheck.Verdict v = ReplyCheck.check(wire, QUERY, mode);
      assertThat(v.kind()).isEqualTo(Outcome.Kind.UNDECODABLE);
      assertThat(v.description()).isEqualTo("a name in the reply is longer than 255 octets (RFC 1035 3.1)");
    }
  }

  @Test
  void aCutReplyKeepsTheParsersWords() {
    byte[] wire = Arrays.copyOf(ScriptedClient.rcode(QUERY, Rcode.NOERROR).toWire(), 14);
    ReplyCheck.Verdict v = ReplyCheck.check(wire, QUERY, ResolverMode.ERLANG);
    assertThat(v.kind()).isEqualTo(Outcome.Kind.UNDECODABLE);
    assertThat(v.description()).isEqualTo("end of input");
    assertThat(ReplyCheck.describe(new java.io.IOException())).isEqualTo("the reply is not a valid DNS message");
  }

  @Test
  void anotherTypeOrClassIsAnotherQuestion() {
    Message aaaa = ScriptedClient.rcode(QUERY, Rcode.NOERROR);
    aaaa.removeAllRecords(Section.QUESTION);
    aaaa.addRecord(Record.newRecord(name("x.example."), Type.AAAA, DClass.IN), Section.QUESTION);
    assertThat(ReplyCheck.check(aaaa.toWire(), QUERY, ResolverMode.ERLANG).kind()).isEqualTo(Outcome.Kind.WRONG_QUESTION);
    Message chaos = ScriptedClient.rcode(QUERY, Rcode.NOERROR);
    chaos.removeAllRecords(Section.QUESTION);
    chaos.addRecord(Record.newRecord(name("x.example."), Type.A, DClass.CH), Section.QUESTION);
    assertThat(ReplyCheck.check(chaos.toWire(), QUERY, ResolverMode.LIBC).kind()).isEqualTo(Outcome.Kind.WRONG_QUESTION);
    Message none = ScriptedClient.rcode(QUERY, Rcode.NOERROR);
    none.removeAllRecords(Section.QUESTION);
    ReplyCheck.Verdict v = ReplyCheck.check(none.toWire(), QUERY, ResolverMode.ERLANG);
    assertThat(v.kind()).isEqualTo(Outcome.Kind.WRONG_QUESTION);
    assertThat(v.description()).isEqualTo("a reply to another question: no question (asked x.example. A)");
  }

  @Test
  void aFormerrWithoutQuestionIsTakenByGlibc() {
    Message formerr = ScriptedClient.rcode(QUERY, Rcode.FORMERR);
    formerr.removeAllRecords(Section.QUESTION);
    assertThat(ReplyCheck.check(formerr.toWire(), QUERY, ResolverMode.LIBC).kind()).isEqualTo(Outcome.Kind.RESPONSE);
  }

  @Test
  void anotherOpcodeIsNotAResponseToOurQuery() {
    Message notify = ScriptedClient.rcode(QUERY, Rcode.NOERROR);
    notify.getHeader().setOpcode(Opcode.NOTIFY);
    ReplyCheck.Verdict v = ReplyCheck.check(notify.toWire(), QUERY, ResolverMode.ERLANG);
    assertThat(v.kind()).isEqualTo(Outcome.Kind.NOT_A_RESPONSE);
    assertThat(v.description()).isEqualTo("a response with opcode NOTIFY to a standard query");
  }

  @Test
  void glibcChecksTheIdBeforeDecoding() {
    byte[] junk = "\u0000\u0001 not a DNS message at all".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(ReplyCheck.check(junk, QUERY, ResolverMode.LIBC).kind()).isEqualTo(Outcome.Kind.WRONG_ID);
    assertThat(ReplyCheck.check(new byte[] {1, 2, 3}, QUERY, ResolverMode.LIBC).description())
        .isEqualTo("a reply of 3 bytes, shorter than a DNS header");
    assertThat(ReplyCheck.check(ScriptedClient.response(QUERY, Rcode.NOERROR, List.of(), List.of()).toWire(), QUERY,
        ResolverMode.LIBC).kind()).isEqualTo(Outcome.Kind.RESPONSE);
  }
}
