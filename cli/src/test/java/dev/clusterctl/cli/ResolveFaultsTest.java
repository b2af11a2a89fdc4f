package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.FakeDnsServer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;

/** Misbehaving servers: each failure is one clear line with the documented exit code. */
class ResolveFaultsTest {

  private static Cli.Result resolve(String server) {
    return Cli.run("resolve", "@" + server, "ledger.payments.svc.cluster.local.", "--timeout", "300ms", "--tries", "1");
  }

  private static void assertUnreachable(Cli.Result r, String server, String why) {
    assertThat(r.exit()).isEqualTo(ExitCode.UNREACHABLE.code());
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo(
        "clusterctl: no DNS server answered for 'ledger.payments.svc.cluster.local.': " + server + " " + why);
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void aClosedPort() throws Exception {
    String server = "127.0.0.1:" + BindServer.freePort();
    assertUnreachable(resolve(server), server, "udp: connection refused (port closed)");
  }

  @Test
  void aTruncatedAnswerWhoseTcpRetryFails() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.truncated(), null)) {
      assertUnreachable(resolve(s.hostPort()), s.hostPort(),
          "udp: answer truncated, retrying over tcp; " + s.hostPort() + " tcp: connection refused (port closed)");
    }
  }

  @Test
  void aTcpRetryThatIsHungUpOn() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.truncated(), FakeDnsServer.silent())) {
      assertUnreachable(resolve(s.hostPort()), s.hostPort(),
          "udp: answer truncated, retrying over tcp; " + s.hostPort()
              + " tcp: the server closed the TCP connection without answering");
    }
  }

  @Test
  void garbage() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.garbage(), null)) {
      assertUnreachable(resolve(s.hostPort()), s.hostPort(), "udp: malformed answer: end of input");
    }
  }

  @Test
  void onlyAWrongMessageId() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.wrongId(), null)) {
      Cli.Result r = resolve(s.hostPort());
      assertThat(r.exit()).isEqualTo(ExitCode.UNREACHABLE.code());
      assertThat(r.err()).startsWith("clusterctl: no DNS server answered for 'ledger.payments.svc.cluster.local.': "
          + s.hostPort() + " udp: malformed answer: only answers with the wrong message ID arrived (expected ");
    }
  }

  @Test
  void refusedIsAnAnswerAndAProblem() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.rcode(Rcode.REFUSED), null)) {
      Cli.Result r = resolve(s.hostPort());
      assertThat(r.exit()).isEqualTo(ExitCode.PROBLEM.code());
      assertThat(r.out()).contains("REFUSED", "Result  REFUSED: no candidate answered with records");
    }
  }

  @Test
  void aSecondServerIsAskedWhenTheFirstIsSilent() {
    try (FakeDnsServer silent = FakeDnsServer.start(FakeDnsServer.silent(), null);
        FakeDnsServer good = FakeDnsServer.start(FakeDnsServer.oneAddress(), null)) {
      Cli.Result r = Cli.run("resolve", "@" + silent.hostPort(), "--nameserver", good.hostPort(),
          "ledger.example.", "--timeout", "200ms", "-o", "short");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).isEqualTo("192.0.2.1\n");
    }
  }

  @Test
  void thirtySilentSrvTargetsEndWithinOneSharedBudgetAndAreCounted() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.srvTargetsThenSilence(30), null)) {
      long start = System.nanoTime();
      Cli.Result r = Cli.run("resolve", "@" + s.hostPort(), "_dist-erl._tcp.ledger.example.", "--basename", "ledger",
          "--timeout", "1", "--tries", "1");
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      // one second for all 30 follow-ups (the schedule of one name), not one second each
      assertThat(tookMs).isBetween(1000L, 2500L);
      assertThat(r.exit()).isEqualTo(ExitCode.PROBLEM.code());
      assertThat(r.out()).contains("30 follow-up lookups were left unanswered within their shared budget of 1200 ms");
    }
  }
}
