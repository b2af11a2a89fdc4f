package dev.clusterctl.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.dns.ResolverMode;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.dns.Status;
import dev.clusterctl.testing.ErlangInetRes;
import dev.clusterctl.testing.FakeDnsServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gen_cluster passes {@code lookup_timeout} (5000 ms) to {@code inet_res:getbyname/3}: the whole
 * search-list walk ends then, although inet_res's own schedule for four candidates would take over
 * 18 s. Checked against real erl on the same silent server.
 */
class LookupTimeoutCrossCheckTest {

  private static final List<String> SEARCH = List.of("ns.svc.cluster.local", "svc.cluster.local", "cluster.local");

  @Test
  void genClusterEndsItsLookupAfterFiveSecondsAsInetResGetbynameWithATimeoutDoes() {
    try (FakeDnsServer silent = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      String out = ErlangInetRes.eval(silent.port(), SEARCH,
          "T0 = erlang:monotonic_time(millisecond), R = inet_res:getbyname(\"app.ns\", a, 5000), "
              + "io:format(\"took ~w ~w~n\", [erlang:monotonic_time(millisecond) - T0, R])");
      String took = out.lines().filter(l -> l.startsWith("took ")).findFirst().orElseThrow();
      long erlMillis = Long.parseLong(took.split(" ")[1]);
      assertThat(took).endsWith("{error,timeout}");
      assertThat(erlMillis).isBetween(4900L, 5600L);

      DnsConfig config = new DnsConfig(List.of(silent.address()), false, ResolverMode.ERLANG_TIMEOUT,
          ResolverMode.ERLANG_RETRY, SearchMode.ERLANG, SEARCH, 5);
      assertThat(config.lookupBudget("app.ns")).as("inet_res's own schedule").isGreaterThan(Duration.ofSeconds(18));
      long t0 = System.nanoTime();
      DiscoveryResult r = new Discovery(Resolver.of(config))
          .discover(DiscoverySpec.of(Strategy.GEN_CLUSTER, null, null, "app", "app.ns"), "app.ns");
      long ours = Duration.ofNanos(System.nanoTime() - t0).toMillis();
      assertThat(ours).isBetween(4900L, 6500L);
      assertThat(Math.abs(ours - erlMillis)).isLessThan(1200L);
      assertThat(r.noServerResponded()).isTrue();
      assertThat(r.lookup().attempts()).extracting(a -> a.status())
          .as("the candidates the 5 s did not reach are not asked").doesNotContain(Status.NOERROR);
    }
  }

  @Test
  void aLookupTimeoutFromSysConfigBoundsTheWalkAsItDoesInTheNode() {
    dev.clusterctl.erlang.GenClusterDiscovery.Dns setting = new dev.clusterctl.erlang.GenClusterDiscovery.Dns("app.ns",
        dev.clusterctl.erlang.GenClusterDiscovery.RecordType.IP, dev.clusterctl.erlang.GenClusterDiscovery.HostType.IP,
        false, 800);
    DiscoverySpec spec = DiscoverySpec.forGenCluster(setting, "app");
    assertThat(spec.library().lookupTimeout()).contains(Duration.ofMillis(800));
    assertThat(spec.library().call("app.ns", spec.type())).isEqualTo("inet_res:getbyname(\"app.ns\", a, 800)");
    DiscoverySpec infinite = DiscoverySpec.forGenCluster(new dev.clusterctl.erlang.GenClusterDiscovery.Dns("app.ns",
        dev.clusterctl.erlang.GenClusterDiscovery.RecordType.SRV, dev.clusterctl.erlang.GenClusterDiscovery.HostType.HOSTNAME,
        false, Long.MAX_VALUE), "app");
    assertThat(infinite.library().lookupTimeout()).isEmpty();
    assertThat(infinite.withBasename("other").library().call("app.ns", QueryType.SRV)).endsWith("srv, infinity)");

    try (FakeDnsServer silent = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      String out = ErlangInetRes.eval(silent.port(), SEARCH,
          "T0 = erlang:monotonic_time(millisecond), R = inet_res:getbyname(\"app.ns\", a, 800), "
              + "io:format(\"took ~w ~w~n\", [erlang:monotonic_time(millisecond) - T0, R])");
      String took = out.lines().filter(l -> l.startsWith("took ")).findFirst().orElseThrow();
      assertThat(took).endsWith("{error,timeout}");
      assertThat(Long.parseLong(took.split(" ")[1])).isBetween(750L, 1300L);
      DnsConfig config = new DnsConfig(List.of(silent.address()), false, ResolverMode.ERLANG_TIMEOUT,
          ResolverMode.ERLANG_RETRY, SearchMode.ERLANG, SEARCH, 5);
      long t0 = System.nanoTime();
      new Discovery(Resolver.of(config)).discover(spec, "app.ns");
      assertThat(Duration.ofNanos(System.nanoTime() - t0).toMillis()).isBetween(750L, 1800L);
    }
  }
}
