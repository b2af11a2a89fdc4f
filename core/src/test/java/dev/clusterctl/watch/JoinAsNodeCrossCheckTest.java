package dev.clusterctl.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clusterctl.discovery.Discovery;
import dev.clusterctl.discovery.DiscoveryLibrary;
import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.discovery.HostType;
import dev.clusterctl.discovery.InetResCache;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.ErlangInetRes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code join --as-node}: the peers a watch sees refresh after refresh are those a node's
 * {@code inet_res:getbyname} returns from its cache, checked against real erl on the same BIND.
 */
class JoinAsNodeCrossCheckTest {

  private static final int SIZE = 120;
  private static BindServer dns;

  @BeforeAll
  static void startBind() {
    BindServer.ZoneBuilder zone = BindServer.zone("cluster.local").ttl(2);
    for (int i = 0; i < SIZE; i++) {
      zone.a("many.app.svc", "10.6." + (i / 200) + "." + (i % 200 + 1));
    }
    zone.srv("_d._tcp.app.app.svc", 0, 0, 9, "p0.app.svc.cluster.local.").a("p0.app.svc", "10.6.9.1");
    dns = BindServer.start(zone.build());
  }

  @AfterAll
  static void stopBind() {
    if (dns != null) {
      dns.close();
    }
  }

  private static DnsPeerSource source(Strategy s, QueryType t, HostType h, String domain, InetResCache cache) {
    Resolver resolver = Resolver.of(new DnsConfig(List.of(dns.address()), false, Duration.ofSeconds(2), 3,
        SearchMode.ERLANG, List.of(), 5));
    return new DnsPeerSource(new Discovery(resolver), DiscoverySpec.of(s, t, h, "app", domain), domain,
        dns.hostPort(), cache);
  }

  private static int peers(Discovered d) {
    return ((Discovered.Found) d).peers().size();
  }

  @Test
  void asANodeARefreshWithinTheTtlSeesWhatInetResCachedAndTheWholeSetAfterIt() {
    String out = ErlangInetRes.eval(dns.port(), List.of(),
        "C = fun() -> {ok, H} = inet_res:getbyname(\"many.app.svc.cluster.local\", a), length(element(6, H)) end, "
            + "A = C(), B = C(), io:format(\"counts ~w ~w~n\", [A, B])");
    int cached = DiscoveryLibrary.cachedAfter(SIZE);
    assertThat(out).contains("counts " + SIZE + " " + cached);

    DnsPeerSource asNode = source(Strategy.GEN_CLUSTER, QueryType.A, null, "many.app.svc.cluster.local", new InetResCache());
    assertThat(asNode.describe()).contains("as a node");
    assertThat(peers(asNode.discover())).isEqualTo(SIZE);
    Discovered second = asNode.discover();
    assertThat(peers(second)).isEqualTo(cached);
    assertThat(((Discovered.Found) second).notes()).anySatisfy(n -> assertThat(n).contains("from its cache with " + cached));
    await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(250))
        .until(() -> peers(asNode.discover()) == SIZE);

    DnsPeerSource plain = source(Strategy.GEN_CLUSTER, QueryType.A, null, "many.app.svc.cluster.local", null);
    assertThat(peers(plain.discover())).isEqualTo(SIZE);
    assertThat(peers(plain.discover())).as("without --as-node every refresh sees the server's answer").isEqualTo(SIZE);
  }

  @Test
  void aLibraryCrashIsAFailedDiscoveryNamingTheCrash() {
    Discovered d = source(Strategy.GEN_CLUSTER, QueryType.SRV, HostType.IP, "_d._tcp.app.app.svc.cluster.local", null)
        .discover();
    assertThat(d).isInstanceOfSatisfying(Discovered.Failed.class, f -> {
      assertThat(f.status()).isEqualTo("CRASH");
      assertThat(f.message()).contains("gc_discover_dns_srv", "case_clause", "avoid: use host_type => hostname");
      assertThat(f.noServerResponded()).isFalse();
    });
  }
}
