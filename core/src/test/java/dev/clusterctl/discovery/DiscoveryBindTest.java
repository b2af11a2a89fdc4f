package dev.clusterctl.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.LookupResult;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.dns.Status;
import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.ErlangInetRes;
import dev.clusterctl.testing.KubeDnsZones;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Discovery against a real BIND 9 serving Kubernetes-like zones, cross-checked with Erlang's inet_res. */
class DiscoveryBindTest {

  private static final List<String> POD = ResolvConf.podSearch("payments", "cluster.local");
  private static BindServer dns;

  @BeforeAll
  static void startBind() {
    dns = KubeDnsZones.start();
  }

  @AfterAll
  static void stopBind() {
    if (dns != null) {
      dns.close();
    }
  }

  private static Resolver resolver(SearchMode mode) {
    return Resolver.of(new DnsConfig(List.of(dns.address()), false, Duration.ofSeconds(2), 2, mode, POD, 5));
  }

  private static DiscoveryResult discover(Strategy s, QueryType t, HostType h, String domain) {
    return new Discovery(resolver(SearchMode.ERLANG)).discover(DiscoverySpec.of(s, t, h, "ledger", domain), domain);
  }

  private static List<String> nodes(DiscoveryResult r) {
    return r.nodes().stream().map(DerivedNode::display).toList();
  }

  @Test
  void erlangRulesTryTheDottedNameFirstGetRefusedAndFindItThroughTheSearchList() {
    DiscoveryResult r = discover(Strategy.GEN_CLUSTER, null, null, "ledger.payments");
    assertThat(r.lookup().attempts()).extracting(a -> a.name() + " " + a.status()).containsExactly(
        "ledger.payments. REFUSED",
        "ledger.payments.payments.svc.cluster.local. NXDOMAIN",
        "ledger.payments.svc.cluster.local. NOERROR");
    assertThat(nodes(r)).containsExactly("ledger@10.244.0.5", "ledger@10.244.0.6", "ledger@10.244.0.7");
  }

  @Test
  void libcRulesWithNdots5TryTheSearchListFirst() {
    LookupResult r = resolver(SearchMode.LIBC).lookup("ledger.payments", Type.A);
    assertThat(r.attempts()).extracting(a -> a.name() + " " + a.status()).containsExactly(
        "ledger.payments.payments.svc.cluster.local. NXDOMAIN",
        "ledger.payments.svc.cluster.local. NOERROR");
  }

  @Test
  void srvWithPodNameTargetsAndTheirAddressesFromTheAdditionalSection() {
    DiscoveryResult r = discover(Strategy.GEN_CLUSTER, null, null, "_dist-erl._tcp.ledger.payments");
    assertThat(nodes(r)).containsExactly(
        "ledger@ledger-0.ledger.payments.svc.cluster.local",
        "ledger@ledger-1.ledger.payments.svc.cluster.local",
        "ledger@ledger-2.ledger.payments.svc.cluster.local");
    assertThat(r.targets()).allSatisfy(t -> {
      assertThat(t.source()).isEqualTo(TargetAddresses.Source.ADDITIONAL);
      assertThat(t.addresses()).hasSize(1);
    });
  }

  @Test
  void dnsClusterTurnsDashedIpTargetsIntoAddresses() {
    DiscoveryResult r = discover(Strategy.DNS_CLUSTER, null, null, "_dist-erl._tcp.dashed.payments");
    assertThat(nodes(r)).containsExactly("ledger@10.244.1.5", "ledger@10.244.1.6");
  }

  @Test
  void fourHundredSrvRecordsArriveOverTcp() {
    DiscoveryResult r = discover(Strategy.GEN_CLUSTER, null, null, "_dist-erl._tcp.big.payments");
    assertThat(r.lookup().retriedOverTcp()).isTrue();
    assertThat(r.nodes()).hasSize(KubeDnsZones.BIG);
  }

  @Test
  void nodataAndNxdomainAreDistinguished() {
    assertThat(discover(Strategy.GEN_CLUSTER, QueryType.SRV, null, "portless.payments.svc.cluster.local.")
        .lookup().status()).isEqualTo(Status.NODATA);
    assertThat(discover(Strategy.GEN_CLUSTER, null, null, "gone.payments.svc.cluster.local.")
        .lookup().status()).isEqualTo(Status.NXDOMAIN);
  }

  @Test
  void aTargetWithoutAddressIsAGapAfterAFollowUpQuery() {
    DiscoveryResult r = discover(Strategy.DNS_CLUSTER, QueryType.SRV, null, "_dist-erl._tcp.lonely.payments");
    assertThat(r.nodes()).isEmpty();
    assertThat(r.targets().get(0).source()).isEqualTo(TargetAddresses.Source.QUERY);
    assertThat(r.gaps()).extracting(Gap::reason).singleElement().asString()
        .startsWith("the target has no IPv4 address (A lookup: NXDOMAIN)");
  }

  @Test
  void genClusterSrvWithHostTypeIpIsACrashNotAGap() {
    // issue 12: this used to be a gap plus a note; the real gc_discover_dns_srv crashes with case_clause
    DiscoveryResult r = discover(Strategy.GEN_CLUSTER, null, HostType.IP, "_dist-erl._tcp.lonely.payments");
    assertThat(r.nodes()).isEmpty();
    assertThat(r.targets().get(0).source()).isEqualTo(TargetAddresses.Source.QUERY);
    assertThat(r.crashes()).isTrue();
    assertThat(r.ok()).isFalse();
    assertThat(r.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).contains("{case_clause, {error, ...}}", "gone.lonely.payments.svc.cluster.local"));
  }

  @Test
  void aTargetWithoutAddressIsFlaggedWhenNamedByHostname() {
    DiscoveryResult r = discover(Strategy.GEN_CLUSTER, null, null, "_dist-erl._tcp.lonely.payments");
    assertThat(nodes(r)).containsExactly("ledger@gone.lonely.payments.svc.cluster.local");
    assertThat(r.nodes().get(0).problems()).extracting(p -> p.code()).containsExactly("host-no-address");
    assertThat(r.hasNameProblems()).isTrue();
  }

  @Test
  void hostTypeHostnameUsesPtr() {
    DiscoveryResult r = discover(Strategy.GEN_CLUSTER, QueryType.A, HostType.HOSTNAME, "ledger.payments");
    assertThat(nodes(r)).containsExactly(
        "ledger@ledger-0.ledger.payments.svc.cluster.local",
        "ledger@ledger-1.ledger.payments.svc.cluster.local",
        "ledger@ledger-2.ledger.payments.svc.cluster.local");
  }

  @Test
  void aDynamicUpdateIsSeenByTheNextLookup() throws Exception {
    Name owner = Name.fromString("scaled.payments.svc.cluster.local.");
    dns.update("cluster.local", u -> u.add(new ARecord(owner, DClass.IN, 30, addr("10.244.3.1"))));
    assertThat(nodes(discover(Strategy.GEN_CLUSTER, null, null, "scaled.payments"))).containsExactly("ledger@10.244.3.1");
    dns.update("cluster.local", u -> u.add(new ARecord(owner, DClass.IN, 30, addr("10.244.3.2"))));
    assertThat(nodes(discover(Strategy.GEN_CLUSTER, null, null, "scaled.payments")))
        .containsExactly("ledger@10.244.3.1", "ledger@10.244.3.2");
  }

  @Test
  void theNodeNamesEqualWhatErlangsInetResReturns() {
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("ledger.payments", "a");
    queries.put("v6.payments", "aaaa");
    queries.put("_dist-erl._tcp.ledger.payments", "srv");
    queries.put("_dist-erl._tcp.dashed.payments", "srv");
    queries.put("_dist-erl._tcp.big.payments", "srv");
    queries.put("ledger", "a");
    queries.put("gone.payments", "a");
    Map<String, ErlangInetRes.Answer> erlang = ErlangInetRes.getbyname(dns.port(), POD, queries);
    for (Map.Entry<String, String> q : queries.entrySet()) {
      QueryType type = QueryType.valueOf(q.getValue().toUpperCase());
      DiscoveryResult ours = discover(Strategy.GEN_CLUSTER, type, null, q.getKey());
      List<String> expected = erlang.get(q.getKey()).values().stream().map(h -> "ledger@" + h).sorted().toList();
      assertThat(nodes(ours)).as(q.getKey()).isEqualTo(expected);
    }
    assertThat(erlang.get("_dist-erl._tcp.big.payments").values()).hasSize(KubeDnsZones.BIG);
    assertThat(erlang.get("gone.payments").error()).isEqualTo("nxdomain");
  }

  @Test
  void erlangAsksTheSameNamesInTheSameOrder() throws Exception {
    List<String> names = List.of("ledger.payments", "dashed", "nowhere.payments");
    Map<String, String> queries = new LinkedHashMap<>();
    names.forEach(n -> queries.put(n, "a"));
    int mark = dns.queries().size();
    ErlangInetRes.getbyname(dns.port(), POD, queries);
    List<String> erlangAsked = distinctInOrder(dns.queriesSince(mark));
    List<String> weAsk = new java.util.ArrayList<>();
    for (String name : names) {
      discover(Strategy.GEN_CLUSTER, QueryType.A, null, name).lookup().attempts()
          .forEach(a -> weAsk.add(a.name().substring(0, a.name().length() - 1) + " A"));
    }
    assertThat(weAsk).hasSize(3 + 1 + 4);
    assertThat(erlangAsked).isEqualTo(weAsk);
  }

  private static List<String> distinctInOrder(List<String> asked) {
    List<String> out = new java.util.ArrayList<>();
    for (String q : asked) {
      if (out.isEmpty() || !out.get(out.size() - 1).equalsIgnoreCase(q)) {
        out.add(q);
      }
    }
    return out;
  }

  private static InetAddress addr(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
