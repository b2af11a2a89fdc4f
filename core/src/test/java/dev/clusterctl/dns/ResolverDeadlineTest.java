package dev.clusterctl.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.error.InterruptedRunException;
import dev.clusterctl.testing.FakeDnsServer;
import dev.clusterctl.time.Deadline;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * Over real loopback sockets: every lookup ends by its deadline whatever the server does, many
 * lookups share one budget, and an interrupt stops any of them within 100 ms. The bounds are
 * derived from the deadlines given, plus a fixed allowance for a busy machine.
 */
class ResolverDeadlineTest {

  /** What a loaded CI machine may add to a bound (thread start, GC, scheduling); never part of the rule. */
  private static final Duration SLACK = Duration.ofMillis(400);

  private static DnsConfig erlang(Duration timeout, int tries, InetSocketAddress... servers) {
    return DnsConfig.from(ResolvConf.empty("test")).withServers(List.of(servers)).withTimeout(timeout).withTries(tries);
  }

  private static <T> Duration time(Supplier<T> run, AtomicReference<T> out) {
    long start = System.nanoTime();
    out.set(run.get());
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void aTcpAnswerDrippedAByteAtATimeEndsAtTheDeadlineNotPerRead() {
    // 100 ms per byte: the ~45-byte answer would take 4.5 s; each read alone would never time out
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.oneAddress(), FakeDnsServer.oneAddress(),
        new FakeDnsServer.Behaviour(Duration.ofMillis(100), false))) {
      Resolver r = Resolver.of(erlang(Duration.ofMillis(200), 1, s.address()).withTcp(true));
      Deadline deadline = Deadline.after(Duration.ofMillis(700));
      AtomicReference<LookupResult> out = new AtomicReference<>();
      Duration took = time(() -> r.lookupAbsolute("x.example.", Type.A, deadline), out);
      assertThat(took).isBetween(Duration.ofMillis(650), deadline.budget().plus(SLACK));
      Exchange e = out.get().attempts().get(0).exchanges().get(0);
      assertThat(e.status()).isEqualTo(Status.TIMEOUT);
      assertThat(e.transport()).isEqualTo(Transport.TCP);
      assertThat(e.detail()).matches("no answer within \\d+ ms: \\d+ of the \\d+ bytes announced arrived"
          + " \\(the time for the lookup ran out\\)");
    }
  }

  @Test
  void aDrippedTcpRetryOfATruncatedAnswerGetsInetResTcpWaitAndNoMore() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.truncated(), FakeDnsServer.oneAddress(),
        new FakeDnsServer.Behaviour(Duration.ofMillis(100), false))) {
      // timeout 100 ms: the TCP exchange is given 5 x 100 = 500 ms
      Resolver r = Resolver.of(erlang(Duration.ofMillis(100), 1, s.address()));
      AtomicReference<LookupResult> out = new AtomicReference<>();
      Duration took = time(() -> r.lookupAbsolute("x.example.", Type.A, Deadline.after(Duration.ofSeconds(30))), out);
      List<Exchange> ex = out.get().attempts().get(0).exchanges();
      assertThat(ex).extracting(Exchange::transport).containsExactly(Transport.UDP, Transport.TCP);
      assertThat(ex.get(1).allowed()).isEqualTo(Duration.ofMillis(500));
      assertThat(took).isBetween(Duration.ofMillis(500), Duration.ofMillis(600).plus(SLACK));
    }
  }

  @Test
  void thirtySilentFollowUpsAtATimeoutOfOneSecondEndInAboutOneSecond() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      DnsConfig c = erlang(Duration.ofSeconds(1), 1, s.address());
      Resolver r = Resolver.of(c);
      List<Question> qs = IntStream.range(0, 30).mapToObj(i -> new Question("t" + i + ".example.", Type.A)).toList();
      Deadline budget = Deadline.after(c.nameBudget());
      AtomicReference<BatchResult> out = new AtomicReference<>();
      Duration took = time(() -> r.lookupAll(qs, budget), out);
      assertThat(took).isBetween(Duration.ofMillis(1000), c.nameBudget().plus(SLACK));
      assertThat(out.get().unansweredCount()).isEqualTo(30);
      assertThat(out.get().notAskedCount()).isZero();
      assertThat(s.queries()).isEqualTo(30);
      assertThat(out.get().results()).extracting(LookupResult::query).containsExactlyElementsOf(
          qs.stream().map(Question::name).toList());
    }
  }

  @Test
  void atMostThirtyTwoLookupsAreInFlightAndTheRestWaitTheirTurnWithinTheBudget() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      Resolver r = Resolver.of(erlang(Duration.ofMillis(600), 1, s.address()));
      List<Question> qs = IntStream.range(0, 100).mapToObj(i -> new Question("t" + i + ".example.", Type.A)).toList();
      long start = System.nanoTime();
      // each lookup waits 600 ms; a budget of 1000 ms has room for one wave of 32 and part of a second
      BatchResult b = r.lookupAll(qs, Deadline.after(Duration.ofMillis(1000)));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1000).plus(SLACK));
      // in flight at once: the queries that arrived during the first wave's wait
      long firstWave = s.arrivalMillis(start).stream().filter(t -> t < 550).count();
      assertThat(firstWave).isEqualTo(Resolver.MAX_IN_FLIGHT);
      assertThat(s.queries()).isEqualTo(64);
      assertThat(b.unansweredCount()).isEqualTo(100);
      assertThat(b.notAskedCount()).isEqualTo(36);
      assertThat(b.outOfTime()).isTrue();
      assertThat(b.results().get(99).failureSummary()).isEqualTo("not asked: the time for the lookups ran out first");
    }
  }

  @Test
  void answeredLookupsComeBackInTheOrderAsked() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.oneAddress(), null)) {
      Resolver r = Resolver.of(erlang(Duration.ofSeconds(2), 3, s.address()));
      List<Question> qs = IntStream.range(0, 200).mapToObj(i -> new Question("n" + i + ".example", Type.A)).toList();
      BatchResult b = r.lookupAll(qs, Deadline.after(Duration.ofSeconds(10)));
      assertThat(b.unansweredCount()).isZero();
      assertThat(b.results()).extracting(LookupResult::query).containsExactlyElementsOf(
          qs.stream().map(Question::name).toList());
      assertThat(b.results()).allMatch(l -> l.status() == Status.NOERROR);
    }
  }

  @Test
  void anInterruptStopsAUdpLookupWithin100Ms() throws Exception {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      Resolver r = Resolver.of(erlang(Duration.ofMinutes(1), 3, s.address()));
      assertStopsWithin100Ms(() -> r.lookup("x.example.", Type.A));
    }
  }

  @Test
  void anInterruptStopsADrippedTcpAnswerWithin100Ms() throws Exception {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.oneAddress(), FakeDnsServer.oneAddress(),
        new FakeDnsServer.Behaviour(Duration.ofMillis(200), false))) {
      Resolver r = Resolver.of(erlang(Duration.ofMinutes(1), 3, s.address()).withTcp(true));
      assertStopsWithin100Ms(() -> r.lookup("x.example.", Type.A));
    }
  }

  @Test
  void anInterruptStopsEveryLookupOfABatchWithin100Ms() throws Exception {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      Resolver r = Resolver.of(erlang(Duration.ofMinutes(1), 3, s.address()));
      List<Question> qs = IntStream.range(0, 100).mapToObj(i -> new Question("t" + i + ".example.", Type.A)).toList();
      assertStopsWithin100Ms(() -> r.lookupAll(qs, Deadline.after(Duration.ofMinutes(5))));
      // the pool's threads are gone too
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (lookupThreads() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(lookupThreads()).isZero();
    }
  }

  @Test
  void anInterruptStopsTheServfailPauseWithin100Ms() throws Exception {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.rcode(org.xbill.DNS.Rcode.SERVFAIL), null)) {
      Resolver r = Resolver.of(erlang(Duration.ofMinutes(1), 3, s.address()));
      assertStopsWithin100Ms(() -> r.lookup("x.example.", Type.A));
    }
  }

  private static long lookupThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("clusterctl-dns-")).count();
  }

  /** Runs {@code work} on its own thread, interrupts it after 300 ms, and checks it ends within 100 ms, interrupted. */
  private static void assertStopsWithin100Ms(Runnable work) throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicLong ended = new AtomicLong();
    Thread t = new Thread(() -> {
      try {
        work.run();
      } catch (Throwable e) {
        thrown.set(e);
      }
      ended.set(System.nanoTime());
    }, "lookup-under-test");
    t.start();
    Thread.sleep(300);
    assertThat(t.isAlive()).as("still waiting before the interrupt").isTrue();
    long interrupted = System.nanoTime();
    t.interrupt();
    t.join(5000);
    assertThat(t.isAlive()).isFalse();
    assertThat(Duration.ofNanos(ended.get() - interrupted)).isLessThan(Duration.ofMillis(100));
    assertThat(thrown.get()).isInstanceOf(InterruptedRunException.class);
    assertThat(thrown.get().getCause()).isInstanceOf(InterruptedException.class);
  }
}
