package dev.clusterctl.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.ErlangInetRes;
import dev.clusterctl.testing.FakeDnsServer;
import dev.clusterctl.time.Deadline;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The resolver's Erlang rules against the real thing: the same fake servers (or BIND) asked once
 * by {@code inet_res} in {@code erl} and once by {@link Resolver}, and what each server saw (which
 * queries, when) and what each side concluded compared. Timings are compared as the gaps between
 * the queries a server saw, each side measured on its own clock.
 */
class InetResCrossCheckTest {

  /** How far apart two measured gaps may be (two processes on a loaded machine). */
  private static final long TOLERANCE_MS = 150;

  /** A short inet_res timeout keeps the runs short: rounds of 200, 400 and 800 ms. */
  private static final Duration TIMEOUT = Duration.ofMillis(600);

  private static final String ERL_TIMEOUT = "{timeout, 600}";

  @TempDir Path tmp;

  /** Where and when the servers saw queries, merged in time order: {@code server index → ms after the first}. */
  private record Seen(List<Integer> servers, List<Long> offsets) {}

  private static Seen seen(List<FakeDnsServer> servers) {
    record At(int server, long nanos) {}
    List<At> all = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      for (FakeDnsServer.Arrival a : servers.get(i).arrivals()) {
        all.add(new At(i, a.nanos()));
      }
    }
    all.sort(Comparator.comparingLong(At::nanos));
    long first = all.isEmpty() ? 0 : all.get(0).nanos();
    return new Seen(all.stream().map(At::server).toList(), all.stream().map(a -> (a.nanos() - first) / 1_000_000).toList());
  }

  /** Starts the servers {@code make} describes twice: once for erl, once for us. */
  private static List<FakeDnsServer> start(List<Supplier<FakeDnsServer>> make) {
    return make.stream().map(Supplier::get).toList();
  }

  private static List<InetSocketAddress> addresses(List<FakeDnsServer> servers) {
    return servers.stream().map(FakeDnsServer::address).toList();
  }

  private static void closeAll(List<FakeDnsServer> servers) {
    servers.forEach(FakeDnsServer::close);
  }

  private static DnsConfig node(List<InetSocketAddress> servers) {
    return DnsConfig.from(ResolvConf.empty("test")).withServers(servers).withTimeout(TIMEOUT);
  }

  private static void assertSameSchedule(Seen erl, Seen ours) {
    assertThat(ours.servers()).as("servers asked, in order").isEqualTo(erl.servers());
    for (int i = 0; i < erl.offsets().size(); i++) {
      assertThat(ours.offsets().get(i)).as("query %d at (erl: %s, ours: %s)", i, erl.offsets(), ours.offsets())
          .isBetween(erl.offsets().get(i) - TOLERANCE_MS, erl.offsets().get(i) + TOLERANCE_MS);
    }
  }

  /** Runs the same scenario for erl and for us; returns both sides' views. */
  private record Both(ErlangInetRes.Resolved erl, Seen erlSeen, LookupResult ours, Seen oursSeen) {}

  private static Both both(List<Supplier<FakeDnsServer>> make, String erlType, List<String> erlOptions, DnsConfigEdit edit) {
    List<FakeDnsServer> forErl = start(make);
    List<FakeDnsServer> forUs = start(make);
    try {
      ErlangInetRes.Resolved erl = ErlangInetRes.resolve(addresses(forErl), "x.example.", erlType, erlOptions);
      LookupResult ours = Resolver.of(edit.apply(node(addresses(forUs))))
          .lookupAbsolute("x.example.", Type.value(erlType.toUpperCase()), Deadline.after(Duration.ofMinutes(1)));
      return new Both(erl, seen(forErl), ours, seen(forUs));
    } finally {
      closeAll(forErl);
      closeAll(forUs);
    }
  }

  @FunctionalInterface
  private interface DnsConfigEdit {
    DnsConfig apply(DnsConfig c);
  }

  private static Supplier<FakeDnsServer> fake(FakeDnsServer.Responder udp) {
    return () -> FakeDnsServer.start(udp, null);
  }

  @Test
  void aSilentServerIsAskedOnTheSameSchedule() {
    Both b = both(List.of(fake(FakeDnsServer.silent())), "a", List.of(ERL_TIMEOUT), c -> c);
    assertThat(b.erl().outcome()).isEqualTo("timeout");
    assertThat(b.ours().status()).isEqualTo(Status.TIMEOUT);
    assertThat(b.erlSeen().offsets()).hasSize(3);
    assertSameSchedule(b.erlSeen(), b.oursSeen());
  }

  @Test
  void twoSilentServersAreAskedInTurnEachRoundWaitingTimeoutTimesTwoToTheRoundOverRetry() {
    Both b = both(List.of(fake(FakeDnsServer.silent()), fake(FakeDnsServer.silent())), "a", List.of(ERL_TIMEOUT), c -> c);
    assertThat(b.erlSeen().servers()).containsExactly(0, 1, 0, 1, 0, 1);
    // 200, 200, 400, 400, 800 ms apart: divided by retry (3), not by the number of servers
    assertThat(b.erlSeen().offsets().get(2)).isBetween(400 - TOLERANCE_MS, 400 + TOLERANCE_MS);
    assertSameSchedule(b.erlSeen(), b.oursSeen());
    assertThat(b.ours().status()).isEqualTo(Status.TIMEOUT);
  }

  @Test
  void refusedFormerrAndNotimpAreNotAskedAgainAndTheNextServerIsAskedAtOnce() {
    Map<Integer, String> reasons = Map.of(Rcode.REFUSED, "refused", Rcode.FORMERR, "qfmterror", Rcode.NOTIMP, "notimp");
    reasons.forEach((rcode, reason) -> {
      Both b = both(List.of(fake(FakeDnsServer.rcode(rcode)), fake(FakeDnsServer.silent())), "a", List.of(ERL_TIMEOUT),
          c -> c);
      assertThat(b.erl().outcome()).isEqualTo(reason);
      assertThat(b.erlSeen().servers()).containsExactly(0, 1, 1, 1);
      assertSameSchedule(b.erlSeen(), b.oursSeen());
      assertThat(b.ours().status()).isEqualTo(Status.valueOf(Rcode.string(rcode)));
    });
  }

  @Test
  void servfailIsAskedAgainAfterInetResPause() {
    Both b = both(List.of(fake(FakeDnsServer.rcode(Rcode.SERVFAIL))), "a", List.of(ERL_TIMEOUT), c -> c);
    assertThat(b.erl().outcome()).isEqualTo("servfail");
    assertThat(b.erlSeen().offsets()).hasSize(3);
    assertThat(b.erlSeen().offsets().get(1)).isBetween(1500 - TOLERANCE_MS, 1500 + TOLERANCE_MS);
    assertSameSchedule(b.erlSeen(), b.oursSeen());
    assertThat(b.ours().status()).isEqualTo(Status.SERVFAIL);
  }

  @Test
  void aClosedPortIsNotAskedAgain() throws Exception {
    InetSocketAddress closed = new InetSocketAddress("127.0.0.1", BindServer.freePort());
    try (FakeDnsServer forErl = FakeDnsServer.start(FakeDnsServer.silent(), null);
        FakeDnsServer forUs = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      ErlangInetRes.Resolved erl = ErlangInetRes.resolve(List.of(closed, forErl.address()), "x.example.", "a",
          List.of(ERL_TIMEOUT));
      LookupResult ours = Resolver.of(node(List.of(closed, forUs.address()))).lookupAbsolute("x.example.", Type.A);
      // inet_res keeps the last reason that was not a timeout
      assertThat(erl.outcome()).isEqualTo("econnrefused");
      assertThat(ours.status()).isEqualTo(Status.CONNECTION_REFUSED);
      assertThat(forErl.queries()).isEqualTo(3);
      assertThat(forUs.queries()).isEqualTo(3);
      assertThat(ours.attempts().get(0).exchanges()).extracting(Exchange::status)
          .containsExactly(Status.CONNECTION_REFUSED, Status.TIMEOUT, Status.TIMEOUT, Status.TIMEOUT);
      assertThat(ours.attempts().get(0).exchanges().stream().mapToLong(e -> e.elapsed().toMillis()).sum())
          .isBetween(erl.millis() - TOLERANCE_MS, erl.millis() + TOLERANCE_MS);
    }
  }

  @Test
  void aReplyToAnotherQuestionIsRejectedAndTheServerAskedAgain() {
    Both b = both(List.of(fake(FakeDnsServer.wrongQuestion())), "a", List.of(ERL_TIMEOUT), c -> c);
    assertThat(b.erl().outcome()).isEqualTo("noquery");
    assertThat(b.erlSeen().offsets()).hasSize(3);
    assertThat(b.oursSeen().offsets()).hasSize(3);
    assertThat(b.ours().found()).isEmpty();
    assertThat(b.ours().status()).isEqualTo(Status.MALFORMED);
  }

  @Test
  void aWrongMessageIdIsWaitedPastUntilTheRoundsWaitEnds() {
    Both b = both(List.of(fake(FakeDnsServer.wrongId())), "a", List.of(ERL_TIMEOUT), c -> c);
    assertThat(b.erl().outcome()).isEqualTo("timeout");
    assertSameSchedule(b.erlSeen(), b.oursSeen());
    assertThat(b.ours().found()).isEmpty();
    assertThat(b.ours().failureSummary()).contains("only answers with the wrong message ID arrived");
  }

  @Test
  void recordsOfAnotherOwnerAreNotAnswersForGetbyname() {
    try (FakeDnsServer forErl = FakeDnsServer.start(FakeDnsServer.foreignOwner(), null);
        FakeDnsServer forUs = FakeDnsServer.start(FakeDnsServer.foreignOwner(), null)) {
      ErlangInetRes.HostEnt erl = ErlangInetRes.hostent(forErl.port(), "x.example.", "a");
      LookupResult ours = Resolver.of(node(List.of(forUs.address()))).lookup("x.example.", Type.A);
      assertThat(erl.error()).isEqualTo("nxdomain");
      assertThat(erl.values()).isEmpty();
      assertThat(ours.records()).isEmpty();
      assertThat(ours.status()).isEqualTo(Status.NODATA);
      assertThat(ours.ignoredRecords()).hasSize(1);
    }
  }

  @Test
  void aNameThatResolvesThroughACnameComesWithTheAliasesInetResReturns() {
    try (BindServer dns = BindServer.start(BindServer.zone("cluster.local")
        .cname("ledger.payments.svc", "ledger-pool.payments.svc.cluster.local.")
        .a("ledger-pool.payments.svc", "10.244.0.5", "10.244.0.6").build())) {
      ErlangInetRes.HostEnt erl = ErlangInetRes.hostent(dns.port(), "ledger.payments.svc.cluster.local", "a");
      LookupResult ours = Resolver.of(node(List.of(dns.address()))).lookup("ledger.payments.svc.cluster.local", Type.A);
      assertThat(erl.aliases()).containsExactly("ledger.payments.svc.cluster.local");
      assertThat(erl.name()).isEqualTo("ledger-pool.payments.svc.cluster.local");
      assertThat(ours.viaCname()).isTrue();
      assertThat(ours.found().orElseThrow().canonicalName()).isEqualTo(erl.name());
      assertThat(ours.cnames()).extracting(c -> Answers.hostName(c.getName())).containsExactlyElementsOf(erl.aliases());
      assertThat(erl.values()).hasSize(2);
      assertThat(Answers.addresses(ours.records())).hasSize(2);
    }
  }

  @Test
  void tcpIsGivenFiveTimesTheTimeoutForTheWholeAnswer() {
    Supplier<FakeDnsServer> dripping = () -> FakeDnsServer.start(FakeDnsServer.oneAddress(), FakeDnsServer.oneAddress(),
        new FakeDnsServer.Behaviour(Duration.ofMillis(100), false));
    Both b = both(List.of(dripping), "a", List.of("{timeout, 200}", "{retry, 1}", "usevc"),
        c -> c.withTimeout(Duration.ofMillis(200)).withTries(1).withTcp(true));
    assertThat(b.erl().outcome()).isEqualTo("timeout");
    assertThat(b.erl().millis()).isBetween(1000 - TOLERANCE_MS, 1000 + TOLERANCE_MS);
    Exchange e = b.ours().attempts().get(0).exchanges().get(0);
    assertThat(e.allowed()).isEqualTo(Duration.ofMillis(1000));
    assertThat(e.elapsed().toMillis()).isBetween(b.erl().millis() - TOLERANCE_MS, b.erl().millis() + TOLERANCE_MS);
  }

  @Test
  void resolvConfTimeoutAndAttemptsAreNotReadByInetRes() throws Exception {
    Path conf = tmp.resolve("resolv.conf");
    Files.writeString(conf, "nameserver 127.0.0.9\nsearch payments.svc.cluster.local\noptions ndots:5 timeout:1 attempts:5\n");
    Map<String, String> erl = ErlangInetRes.options(conf, List.of("nameservers", "timeout", "retry"));
    // the file was read (its nameserver is there), its options were not
    assertThat(erl).containsEntry("nameservers", "[{{127,0,0,9},53}]").containsEntry("timeout", "2000")
        .containsEntry("retry", "3");
    DnsConfig ours = DnsConfig.from(ResolvConf.read(conf));
    assertThat(ours.timeout().toMillis()).isEqualTo(Long.parseLong(erl.get("timeout")));
    assertThat(ours.tries()).isEqualTo(Integer.parseInt(erl.get("retry")));
    assertThat(ours.ignoredResolvConfOptions()).containsExactly("timeout:1", "attempts:5");
  }
}
