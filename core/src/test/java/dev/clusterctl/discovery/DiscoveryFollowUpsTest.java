package dev.clusterctl.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.dns.Status;
import dev.clusterctl.testing.FakeDnsServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** The SRV targets' follow-ups share one budget: silent targets cannot make a run last one timeout per target. */
class DiscoveryFollowUpsTest {

  private static final String SRV = "_dist-erl._tcp.ledger.example.";

  @Test
  void thirtySilentTargetsAtATimeoutOfOneSecondEndInAboutOneSecondAndAreCounted() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.srvTargetsThenSilence(30), FakeDnsServer.srvTargetsThenSilence(30))) {
      DnsConfig c = DnsConfig.from(ResolvConf.empty("test")).withServers(List.of(s.address()))
          .withTimeout(Duration.ofSeconds(1)).withTries(1);
      long start = System.nanoTime();
      DiscoveryResult r = new Discovery(Resolver.of(c)).discover(
          DiscoverySpec.of(Strategy.DNS_CLUSTER, null, null, "ledger", SRV), SRV);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      // the main lookup answers at once; the 30 follow-ups share one budget of one name's schedule
      assertThat(took).isBetween(Duration.ofSeconds(1), c.nameBudget().plus(Duration.ofMillis(600)));
      assertThat(r.lookup().status()).isEqualTo(Status.NOERROR);
      assertThat(r.unansweredFollowUps()).isEqualTo(30);
      assertThat(r.targets()).hasSize(30).allSatisfy(t -> assertThat(t.addresses()).isEmpty());
      assertThat(r.notes()).contains("30 follow-up lookups were left unanswered within their shared budget of "
          + c.nameBudget().toMillis() + " ms");
      assertThat(r.gaps()).hasSize(30);
    }
  }

  @Test
  void aRunWithAllFollowUpsAnsweredCountsNone() {
    FakeDnsServer.Responder answerAll = q -> q.getQuestion().getType() == Type.SRV
        ? FakeDnsServer.srvTargetsThenSilence(3).apply(q) : FakeDnsServer.oneAddress().apply(q);
    try (FakeDnsServer s = FakeDnsServer.start(answerAll, null)) {
      DnsConfig c = DnsConfig.from(ResolvConf.empty("test")).withServers(List.of(s.address()));
      DiscoveryResult r = new Discovery(Resolver.of(c)).discover(
          DiscoverySpec.of(Strategy.DNS_CLUSTER, null, null, "ledger", SRV), SRV);
      assertThat(r.unansweredFollowUps()).isZero();
      assertThat(r.targets()).allSatisfy(t -> assertThat(t.addresses()).containsExactly("192.0.2.1"));
      assertThat(r.notes()).noneMatch(n -> n.contains("unanswered"));
    }
  }
}
