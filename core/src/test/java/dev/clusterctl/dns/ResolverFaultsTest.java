package dev.clusterctl.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.FakeDnsServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Record;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Servers that misbehave, over real loopback sockets: each failure is named, nothing hangs. */
class ResolverFaultsTest {

  private static LookupResult lookup(InetSocketAddress server, String name) {
    DnsConfig c = new DnsConfig(List.of(server), false, Duration.ofMillis(300), 1, SearchMode.NONE, List.of(), 1);
    return Resolver.of(c).lookup(name, Type.A);
  }

  @Test
  void aServerThatNeverAnswersTimesOut() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      LookupResult r = lookup(s.address(), "x.example");
      assertThat(r.noServerResponded()).isTrue();
      assertThat(r.status()).isEqualTo(Status.TIMEOUT);
      assertThat(r.failureSummary()).isEqualTo(s.hostPort() + " udp: no answer within 300 ms");
    }
  }

  @Test
  void aClosedPortIsNamed() throws Exception {
    int port = BindServer.freePort();
    LookupResult r = lookup(new InetSocketAddress("127.0.0.1", port), "x.example");
    assertThat(r.noServerResponded()).isTrue();
    assertThat(r.status()).isEqualTo(Status.CONNECTION_REFUSED);
    assertThat(r.failureSummary()).isEqualTo("127.0.0.1:" + port + " udp: connection refused (port closed)");
  }

  @Test
  void garbageIsMalformed() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.garbage(), null)) {
      LookupResult r = lookup(s.address(), "x.example");
      assertThat(r.noServerResponded()).isTrue();
      assertThat(r.status()).isEqualTo(Status.MALFORMED);
      assertThat(r.failureSummary()).isEqualTo(s.hostPort() + " udp: malformed answer: end of input");
    }
  }

  @Test
  void aWrongIdIsNotTakenForTheAnswer() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.wrongId(), null)) {
      LookupResult r = lookup(s.address(), "x.example");
      assertThat(r.found()).isEmpty();
      assertThat(r.noServerResponded()).isTrue();
      assertThat(r.status()).isEqualTo(Status.MALFORMED);
      assertThat(r.failureSummary()).contains("only answers with the wrong message ID arrived");
    }
  }

  @Test
  void aTruncatedAnswerWhoseTcpRetryIsRefusedSaysBoth() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.truncated(), null)) {
      LookupResult r = lookup(s.address(), "x.example");
      assertThat(r.noServerResponded()).isTrue();
      assertThat(r.status()).isEqualTo(Status.CONNECTION_REFUSED);
      assertThat(r.failureSummary()).isEqualTo(
          s.hostPort() + " udp: answer truncated, retrying over tcp; " + s.hostPort() + " tcp: connection refused (port closed)");
    }
  }

  @Test
  void aTruncatedAnswerWhoseTcpConnectionIsDroppedIsNamed() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.truncated(), FakeDnsServer.silent())) {
      LookupResult r = lookup(s.address(), "x.example");
      assertThat(r.noServerResponded()).isTrue();
      assertThat(r.attempts().get(0).exchanges()).extracting(Exchange::transport).containsExactly(Transport.UDP, Transport.TCP);
    }
  }

  @Test
  void aTruncatedAnswerIsCompletedOverTcp() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.truncated(), FakeDnsServer.oneAddress())) {
      LookupResult r = lookup(s.address(), "x.example");
      assertThat(r.status()).isEqualTo(Status.NOERROR);
      assertThat(r.retriedOverTcp()).isTrue();
    }
  }

  @Test
  void servfailAndRefusedAreResponses() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.rcode(Rcode.SERVFAIL), null)) {
      LookupResult r = lookup(s.address(), "x.example");
      assertThat(r.status()).isEqualTo(Status.SERVFAIL);
      assertThat(r.noServerResponded()).isFalse();
    }
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.rcode(Rcode.REFUSED), null)) {
      assertThat(lookup(s.address(), "x.example").status()).isEqualTo(Status.REFUSED);
    }
  }

  private static DnsConfig erlang(Duration timeout, InetSocketAddress... servers) {
    return DnsConfig.from(ResolvConf.empty("test")).withServers(List.of(servers)).withTimeout(timeout);
  }

  @Test
  void aSilentServerIsAskedOnInetResScheduleAndTheLookupEndsWithIt() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      DnsConfig c = erlang(Duration.ofMillis(600), s.address());
      long start = System.nanoTime();
      LookupResult r = Resolver.of(c).lookup("x.example.", Type.A);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      // 600 ms x 2^round / 3: 200, 400, 800
      assertThat(r.attempts().get(0).exchanges()).extracting(e -> e.allowed().toMillis()).containsExactly(200L, 400L, 800L);
      assertThat(gaps(s.arrivalMillis(s.arrivals().get(0).nanos()))).satisfiesExactly(
          g -> assertThat(g).isBetween(180L, 350L), g -> assertThat(g).isBetween(380L, 550L));
      assertThat(took).isBetween(Duration.ofMillis(1400), c.lookupBudget("x.example."));
      assertThat(r.outOfTime()).isFalse();
    }
  }

  @Test
  void withTwoSilentServersEachRoundAsksBothWithTheRoundsWait() {
    try (FakeDnsServer s1 = FakeDnsServer.start(FakeDnsServer.silent(), null);
        FakeDnsServer s2 = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      long start = System.nanoTime();
      Attempt at = Resolver.of(erlang(Duration.ofMillis(600), s1.address(), s2.address())).query("x.example.", Type.A);
      assertThat(at.exchanges()).extracting(e -> e.server().getPort() + "/" + e.allowed().toMillis()).containsExactly(
          s1.port() + "/200", s2.port() + "/200", s1.port() + "/400", s2.port() + "/400", s1.port() + "/800", s2.port() + "/800");
      assertThat(s1.arrivalMillis(start)).hasSize(3);
      // failover: the second server is asked once the first one's wait is over
      assertThat(s2.arrivalMillis(start).get(0) - s1.arrivalMillis(start).get(0)).isBetween(180L, 350L);
    }
  }

  @Test
  void refusedFormerrAndNotimpMoveToTheNextServerAtOnceAndAreNotAskedAgain() {
    for (int rcode : new int[] {Rcode.REFUSED, Rcode.FORMERR, Rcode.NOTIMP}) {
      try (FakeDnsServer bad = FakeDnsServer.start(FakeDnsServer.rcode(rcode), null);
          FakeDnsServer good = FakeDnsServer.start(FakeDnsServer.oneAddress(), null)) {
        long start = System.nanoTime();
        LookupResult r = Resolver.of(erlang(Duration.ofMillis(2000), bad.address(), good.address()))
            .lookup("x.example.", Type.A);
        assertThat(r.status()).isEqualTo(Status.NOERROR);
        assertThat(bad.queries()).isEqualTo(1);
        assertThat(good.arrivalMillis(start).get(0)).isLessThan(150L);
        assertThat(r.attempts().get(0).exchanges()).extracting(Exchange::status)
            .containsExactly(Status.valueOf(Rcode.string(rcode)), Status.NOERROR);
      }
    }
  }

  @Test
  void servfailIsAskedAgainInTheNextRoundAfterThePause() {
    try (FakeDnsServer s = FakeDnsServer.start(
        FakeDnsServer.firstThen(1, FakeDnsServer.rcode(Rcode.SERVFAIL), FakeDnsServer.oneAddress()), null)) {
      long start = System.nanoTime();
      LookupResult r = Resolver.of(erlang(Duration.ofMillis(2000), s.address())).lookup("x.example.", Type.A);
      assertThat(r.status()).isEqualTo(Status.NOERROR);
      List<Long> at = s.arrivalMillis(start);
      assertThat(at).hasSize(2);
      assertThat(at.get(1) - at.get(0)).isBetween(1450L, 1800L);
    }
  }

  @Test
  void aReplyToAnotherQuestionIsNeverTheAnswer() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.wrongQuestion(), null)) {
      LookupResult r = Resolver.of(erlang(Duration.ofMillis(300), s.address())).lookup("x.example.", Type.A);
      assertThat(r.found()).isEmpty();
      assertThat(r.status()).isEqualTo(Status.MALFORMED);
      assertThat(r.noServerResponded()).isTrue();
      // Erlang asks again each round (noquery), as real inet_res does
      assertThat(s.queries()).isEqualTo(3);
      assertThat(r.failureSummary()).isEqualTo(s.hostPort()
          + " udp: malformed answer: a reply to another question: elsewhere.invalid. A (asked x.example. A)");
    }
  }

  @Test
  void glibcWaitsPastAReplyToAnotherQuestionUntilItsWaitIsOver() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.wrongQuestion(), null)) {
      DnsConfig c = erlang(Duration.ofSeconds(1), s.address()).withResolver(ResolverMode.LIBC)
          .withTimeout(Duration.ofMillis(400)).withTries(1);
      long start = System.nanoTime();
      LookupResult r = Resolver.of(c).lookupAbsolute("x.example.", Type.A);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
      assertThat(r.status()).isEqualTo(Status.MALFORMED);
      assertThat(r.attempts().get(0).exchanges().get(0).dropped()).hasSize(1);
    }
  }

  @Test
  void recordsOwnedByAnotherNameAreNotAnswersButAreKeptForVerbose() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.foreignOwner(), null)) {
      LookupResult r = Resolver.of(erlang(Duration.ofMillis(300), s.address())).lookup("x.example.", Type.A);
      assertThat(r.status()).isEqualTo(Status.NODATA);
      assertThat(r.records()).isEmpty();
      assertThat(r.ignoredRecords()).extracting(Record::rdataToString).containsExactly("192.0.2.66");
    }
  }

  @Test
  void aReplyFromAnotherPortIsDropped() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.oneAddress(), null,
        new FakeDnsServer.Behaviour(null, true))) {
      LookupResult r = Resolver.of(erlang(Duration.ofMillis(300), s.address())).lookup("x.example.", Type.A);
      assertThat(s.queries()).isEqualTo(3);
      assertThat(r.status()).isEqualTo(Status.TIMEOUT);
    }
  }

  @Test
  void anOwnerNameOverTwoHundredFiftyFiveOctetsIsOneClearLine() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.longOwnerName(), null)) {
      LookupResult r = Resolver.of(erlang(Duration.ofMillis(300), s.address())).lookup("x.example.", Type.A);
      assertThat(r.status()).isEqualTo(Status.MALFORMED);
      assertThat(r.failureSummary()).isEqualTo(s.hostPort()
          + " udp: malformed answer: a name in the reply is longer than 255 octets (RFC 1035 3.1)");
    }
  }

  private static List<Long> gaps(List<Long> times) {
    List<Long> out = new java.util.ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      out.add(times.get(i) - times.get(i - 1));
    }
    return out;
  }
}
