package dev.clusterctl.dns;

import static dev.clusterctl.dns.ScriptedClient.answer;
import static dev.clusterctl.dns.ScriptedClient.code;
import static dev.clusterctl.dns.ScriptedClient.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class ResolverTest {

  private static final InetSocketAddress S1 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1053);
  private static final InetSocketAddress S2 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 2053);
  private static final List<String> POD = ResolvConf.podSearch("payments", "cluster.local");

  private static DnsConfig config(SearchMode mode, InetSocketAddress... servers) {
    return new DnsConfig(List.of(servers), false, Duration.ofMillis(100), 2, mode, POD, 5);
  }

  private static ARecord a(String owner, String ip) {
    try {
      return new ARecord(name(owner), DClass.IN, 30, InetAddress.getByName(ip));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void erlangMovesPastRefusedToTheSearchListAndKeepsEveryAttempt() throws Exception {
    ScriptedClient c = new ScriptedClient()
        .on("ledger.payments.", Type.A, code(Rcode.REFUSED))
        .on("ledger.payments.svc.cluster.local.", Type.A, answer(a("ledger.payments.svc.cluster.local.", "10.244.0.5")));
    LookupResult r = new Resolver(config(SearchMode.ERLANG, S1), c).lookup("ledger.payments", Type.A);
    assertThat(r.attempts()).extracting(Attempt::name, Attempt::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ledger.payments.", Status.REFUSED),
        org.assertj.core.groups.Tuple.tuple("ledger.payments.payments.svc.cluster.local.", Status.NXDOMAIN),
        org.assertj.core.groups.Tuple.tuple("ledger.payments.svc.cluster.local.", Status.NOERROR));
    assertThat(r.status()).isEqualTo(Status.NOERROR);
    assertThat(r.records()).hasSize(1);
  }

  @Test
  void libcStopsAtRefused() throws Exception {
    ScriptedClient c = new ScriptedClient().on("ledger.payments.payments.svc.cluster.local.", Type.A, code(Rcode.REFUSED));
    LookupResult r = new Resolver(config(SearchMode.LIBC, S1), c).lookup("ledger.payments", Type.A);
    assertThat(r.attempts()).hasSize(1);
    assertThat(r.status()).isEqualTo(Status.REFUSED);
    assertThat(r.noServerResponded()).isFalse();
  }

  @Test
  void nodataAndNxdomainAreToldApart() throws Exception {
    ScriptedClient c = new ScriptedClient().on("portless.payments.svc.cluster.local.", Type.SRV, code(Rcode.NOERROR));
    Resolver r = new Resolver(config(SearchMode.NONE, S1), c);
    assertThat(r.lookup("portless.payments.svc.cluster.local", Type.SRV).status()).isEqualTo(Status.NODATA);
    assertThat(r.lookup("gone.payments.svc.cluster.local", Type.SRV).status()).isEqualTo(Status.NXDOMAIN);
  }

  @Test
  void aTruncatedUdpAnswerIsAskedAgainOverTcpAndSaysSo() throws Exception {
    ScriptedClient c = new ScriptedClient()
        .on("big.example.", Type.A, Transport.UDP, ScriptedClient.truncated())
        .on("big.example.", Type.A, Transport.TCP, answer(a("big.example.", "10.0.0.1"), a("big.example.", "10.0.0.2")));
    LookupResult r = new Resolver(config(SearchMode.NONE, S1), c).lookup("big.example", Type.A);
    assertThat(r.retriedOverTcp()).isTrue();
    assertThat(r.records()).hasSize(2);
    assertThat(r.attempts().get(0).exchanges()).extracting(Exchange::transport, Exchange::truncated)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Transport.UDP, true),
            org.assertj.core.groups.Tuple.tuple(Transport.TCP, false));
  }

  @Test
  void withTcpTheFirstQuestionGoesOverTcp() throws Exception {
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, Transport.TCP, answer(a("x.example.", "10.0.0.1")));
    LookupResult r = new Resolver(config(SearchMode.NONE, S1).withTcp(true), c).lookup("x.example", Type.A);
    assertThat(r.status()).isEqualTo(Status.NOERROR);
    assertThat(c.sent).containsExactly("1053 TCP x.example. A");
  }

  @Test
  void aServerThatTimesOutIsFollowedByTheNextOne() throws Exception {
    ScriptedClient c = new ScriptedClient((q, server, t) -> server.equals(S1) ? null
        : ScriptedClient.response(q, Rcode.NOERROR, List.of(a("x.example.", "10.0.0.1")), List.of()));
    Attempt at = new Resolver(config(SearchMode.NONE, S1, S2), c).query("x.example.", Type.A);
    assertThat(at.status()).isEqualTo(Status.NOERROR);
    assertThat(at.exchanges()).extracting(Exchange::status).containsExactly(Status.TIMEOUT, Status.NOERROR);
    assertThat(at.answeredBy().orElseThrow().server()).isEqualTo(S2);
  }

  @Test
  void whenNoServerRespondsEveryRoundIsTriedAndTheSummaryNamesTheServer() {
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, ScriptedClient.silence());
    LookupResult r = new Resolver(config(SearchMode.NONE, S1), c).lookup("x.example", Type.A);
    assertThat(r.noServerResponded()).isTrue();
    assertThat(r.status()).isEqualTo(Status.TIMEOUT);
    // inet_res's wait: timeout x 2^round / retry, here 100 ms over 2 rounds
    assertThat(r.attempts().get(0).exchanges()).extracting(e -> e.allowed().toMillis()).containsExactly(50L, 100L);
    assertThat(r.failureSummary())
        .isEqualTo("127.0.0.1:1053 udp: no answer within 50 ms; 127.0.0.1:1053 udp: no answer within 100 ms");
  }

  @Test
  void anAnswerWithTheWrongIdIsNotAccepted() throws Exception {
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, q -> {
      org.xbill.DNS.Message m = ScriptedClient.response(q, Rcode.NOERROR, List.of(a("x.example.", "10.0.0.1")), List.of());
      m.getHeader().setID((q.getHeader().getID() + 1) & 0xffff);
      return m;
    });
    LookupResult r = new Resolver(config(SearchMode.NONE, S1), c).lookup("x.example", Type.A);
    assertThat(r.status()).isEqualTo(Status.MALFORMED);
    assertThat(r.failureSummary()).contains("wrong message ID");
  }

  @Test
  void servfailFromOneServerMakesItAskTheNext() throws Exception {
    ScriptedClient c = new ScriptedClient((q, server, t) ->
        server.equals(S1) ? ScriptedClient.rcode(q, Rcode.SERVFAIL) : ScriptedClient.rcode(q, Rcode.NXDOMAIN));
    Attempt at = new Resolver(config(SearchMode.NONE, S1, S2), c).query("x.example.", Type.A);
    assertThat(at.status()).isEqualTo(Status.NXDOMAIN);
  }

  @Test
  void anInvalidNameOrNoServerIsBadInput() {
    Resolver r = new Resolver(config(SearchMode.ERLANG, S1), new ScriptedClient());
    assertThatThrownBy(() -> r.lookup("a..b", Type.A)).isInstanceOf(BadInputException.class);
    Resolver none = new Resolver(config(SearchMode.ERLANG), new ScriptedClient());
    assertThatThrownBy(() -> none.lookup("a.b", Type.A)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("no nameserver to ask");
  }
}
