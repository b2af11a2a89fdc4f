package dev.clusterctl.dns;

import static dev.clusterctl.dns.ScriptedClient.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Which answer records are answers: the asked name's, or its CNAME chain's end (as inet_res:getbyname takes them). */
class AnswerChainTest {

  private static final String ASKED = "ledger.payments.svc.cluster.local.";

  private static Attempt attempt(Record... answers) {
    Message q = Message.newQuery(Record.newRecord(name(ASKED), Type.A, DClass.IN));
    Message r = ScriptedClient.response(q, Rcode.NOERROR, List.of(answers), List.of());
    return new Attempt(ASKED, Type.A, Resolver.status(r, Type.A), List.of(), Optional.of(r));
  }

  private static ARecord a(String owner, String ip) {
    try {
      return new ARecord(name(owner), DClass.IN, 30, InetAddress.getByName(ip));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static CNAMERecord cname(String owner, String target) {
    return new CNAMERecord(name(owner), DClass.IN, 30, name(target));
  }

  @Test
  void recordsOfTheAskedNameAreAnswersWhateverTheCase() {
    Attempt at = attempt(a("LEDGER.Payments.svc.cluster.local.", "10.244.0.5"));
    assertThat(at.status()).isEqualTo(Status.NOERROR);
    assertThat(at.records()).hasSize(1);
    assertThat(at.viaCname()).isFalse();
    assertThat(at.cnames()).isEmpty();
    assertThat(at.ignored()).isEmpty();
    assertThat(at.canonicalName()).isEqualTo("ledger.payments.svc.cluster.local");
  }

  @Test
  void aCnameChainIsFollowedAndKeptVisible() {
    Attempt at = attempt(
        cname(ASKED, "ledger-lb.payments.svc.cluster.local."),
        cname("ledger-lb.payments.svc.cluster.local.", "pool.example.net."),
        a("pool.example.net.", "10.244.0.5"),
        a("pool.example.net.", "10.244.0.6"));
    assertThat(at.status()).isEqualTo(Status.NOERROR);
    assertThat(at.viaCname()).isTrue();
    assertThat(at.cnames()).extracting(c -> c.getTarget().toString())
        .containsExactly("ledger-lb.payments.svc.cluster.local.", "pool.example.net.");
    assertThat(at.canonicalName()).isEqualTo("pool.example.net");
    assertThat(Answers.addresses(at.records())).hasSize(2);
    assertThat(at.ignored()).isEmpty();
    LookupResult r = new LookupResult(ASKED, Type.A, SearchMode.NONE, List.of(at));
    assertThat(r.viaCname()).isTrue();
    assertThat(r.cnames()).hasSize(2);
  }

  @Test
  void recordsOfNamesNotAskedAreIgnoredAndKeptAside() {
    Attempt at = attempt(a("intruder.invalid.", "192.0.2.66"));
    assertThat(at.status()).isEqualTo(Status.NODATA);
    assertThat(at.records()).isEmpty();
    assertThat(at.ignored()).extracting(r -> r.getName().toString()).containsExactly("intruder.invalid.");
    Attempt mixed = attempt(a(ASKED, "10.244.0.5"), a("intruder.invalid.", "192.0.2.66"));
    assertThat(Answers.addresses(mixed.records())).extracting(InetAddress::getHostAddress).containsExactly("10.244.0.5");
    assertThat(mixed.ignored()).hasSize(1);
  }

  @Test
  void aRecordOfAnotherClassIsNotAnAnswer() {
    Attempt at = attempt(new ARecord(name(ASKED), DClass.CH, 30, new byte[] {10, 0, 0, 1}));
    assertThat(at.status()).isEqualTo(Status.NODATA);
    assertThat(at.ignored()).hasSize(1);
  }

  @Test
  void aCnameLoopOrSeveralCnamesAtOneNameGiveNoAnswerAndSayWhy() {
    Attempt loop = attempt(cname(ASKED, "b.example."), cname("b.example.", ASKED));
    assertThat(loop.status()).isEqualTo(Status.NODATA);
    assertThat(loop.chainProblem()).contains("a CNAME loop back to ledger.payments.svc.cluster.local");
    Attempt two = attempt(cname(ASKED, "b.example."), cname(ASKED, "c.example."), a("b.example.", "10.0.0.1"));
    assertThat(two.status()).isEqualTo(Status.NODATA);
    assertThat(two.chainProblem()).contains("several CNAMEs at ledger.payments.svc.cluster.local (inet_res takes none of them)");
  }

  @Test
  void aCnameThatLeadsNowhereInTheAnswerIsNodata() {
    Attempt at = attempt(cname(ASKED, "elsewhere.example."));
    assertThat(at.status()).isEqualTo(Status.NODATA);
    assertThat(at.viaCname()).isTrue();
    assertThat(at.records()).isEmpty();
  }
}
