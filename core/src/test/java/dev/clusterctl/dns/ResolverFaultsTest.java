package dev.clusterctl.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.FakeDnsServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
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
}
