package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.ErlangInetRes;
import dev.clusterctl.testing.KubeDnsZones;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code resolve} against a real BIND 9 serving zones shaped like CoreDNS's answers, and against Erlang's own resolver. */
class ResolveBindTest {

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

  private static Cli.Result resolve(String... args) {
    List<String> all = new ArrayList<>(List.of("resolve", "@" + dns.hostPort(), "--pod-namespace", "payments"));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  private static JsonNode json(Cli.Result r) throws Exception {
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void tableShowsEachAttemptWithItsRcodeAndTheNodes() {
    Cli.Result r = resolve("ledger.payments", "--basename", "ledger");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).containsSubsequence(
        "1  ledger.payments.", "REFUSED",
        "2  ledger.payments.payments.svc.cluster.local.", "NXDOMAIN",
        "3  ledger.payments.svc.cluster.local.", "NOERROR",
        "ledger@10.244.0.5", "ledger@10.244.0.6", "ledger@10.244.0.7",
        "Result  3 nodes, all names valid");
  }

  @Test
  void libcRulesWithThePodsNdotsTryTheSearchListFirst() {
    Cli.Result r = resolve("ledger.payments", "--search", "libc");
    assertThat(r.out()).contains("libc (ndots 5)").containsSubsequence(
        "1  ledger.payments.payments.svc.cluster.local.", "NXDOMAIN",
        "2  ledger.payments.svc.cluster.local.", "NOERROR");
  }

  @Test
  void aLargeSrvAnswerIsRetriedOverTcpAndTheOutputSaysSo() throws Exception {
    Cli.Result table = resolve("_dist-erl._tcp.big.payments", "--basename", "ledger");
    assertThat(table.exit()).isZero();
    assertThat(table.out()).contains("udp → tcp  (UDP answer truncated, retried over TCP)", "Result  400 nodes");
    JsonNode doc = json(resolve("_dist-erl._tcp.big.payments", "--basename", "ledger", "-o", "json"));
    assertThat(doc.get("retriedOverTcp").asBoolean()).isTrue();
    assertThat(doc.get("nodes")).hasSize(KubeDnsZones.BIG);
    assertThat(resolve("_dist-erl._tcp.big.payments", "--basename", "ledger", "--tcp", "-o", "short").out().lines())
        .hasSize(KubeDnsZones.BIG);
  }

  @Test
  void verboseListsEveryQuestionIncludingFollowUpsOnStderr() {
    Cli.Result r = resolve("_dist-erl._tcp.lonely.payments", "--basename", "ledger", "--verbose");
    assertThat(r.err()).contains(
        "  _dist-erl._tcp.lonely.payments. SRV " + dns.hostPort() + " udp: REFUSED",
        "  _dist-erl._tcp.lonely.payments.svc.cluster.local. SRV " + dns.hostPort() + " udp: NOERROR",
        "  gone.lonely.payments.svc.cluster.local. A " + dns.hostPort() + " udp: NXDOMAIN");
    assertThat(resolve("_dist-erl._tcp.big.payments", "--verbose", "-o", "short").err())
        .contains("_dist-erl._tcp.big.payments.svc.cluster.local. SRV " + dns.hostPort() + " udp: NOERROR, truncated");
  }

  @Test
  void jsonHasASchemaVersionAndSortedSets() throws Exception {
    Cli.Result r = resolve("_dist-erl._tcp.ledger.payments", "--basename", "ledger", "-o", "json");
    assertThat(r.exit()).isZero();
    JsonNode doc = json(r);
    assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.get("status").asText()).isEqualTo("NOERROR");
    assertThat(doc.at("/query/type").asText()).isEqualTo("SRV");
    assertThat(doc.at("/discovery/strategy").asText()).isEqualTo("gen-cluster");
    assertThat(doc.at("/discovery/hostType").asText()).isEqualTo("hostname");
    List<String> targets = new ArrayList<>();
    doc.at("/answers/records").forEach(n -> targets.add(n.get("target").asText()));
    assertThat(targets).isSorted().containsExactly(
        "ledger-0.ledger.payments.svc.cluster.local",
        "ledger-1.ledger.payments.svc.cluster.local",
        "ledger-2.ledger.payments.svc.cluster.local");
    assertThat(doc.at("/answers/records/0/port").asInt()).isEqualTo(39135);
    assertThat(doc.at("/targets/0/addresses/0").asText()).isEqualTo("10.244.0.5");
    assertThat(doc.at("/targets/0/source").asText()).isEqualTo("additional");
    assertThat(doc.at("/nodes/0/name").asText()).isEqualTo("ledger@ledger-0.ledger.payments.svc.cluster.local");
    assertThat(doc.at("/nodes/0/valid").asBoolean()).isTrue();
    assertThat(doc.at("/attempts/0/exchanges/0/transport").asText()).isEqualTo("udp");
  }

  @Test
  void nxdomainAndNodataAreDistinguishedAndExit1() throws Exception {
    Cli.Result nx = resolve("gone.payments", "-o", "json");
    assertThat(nx.exit()).isEqualTo(1);
    assertThat(json(nx).get("status").asText()).isEqualTo("NXDOMAIN");
    Cli.Result nodata = resolve("portless.payments.svc.cluster.local.", "--type", "srv");
    assertThat(nodata.exit()).isEqualTo(1);
    assertThat(nodata.out()).contains("NODATA: the name exists but has no SRV records");
    Cli.Result shortNx = resolve("gone.payments", "-o", "short");
    assertThat(shortNx.out()).isEmpty();
    assertThat(shortNx.err()).startsWith("clusterctl: gone.payments: NXDOMAIN");
  }

  @Test
  void namesErlangRefusesAreFlaggedAndExit1() {
    Cli.Result r = resolve("_dist-erl._tcp.localhost-svc.payments", "--basename", "ledger");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("ledger@localhost", "refused", "Hostname localhost is illegal",
        "1 node, 1 with a problem");
  }

  @Test
  void aTargetWithoutAddressIsFlagged() {
    Cli.Result r = resolve("_dist-erl._tcp.lonely.payments", "--basename", "ledger");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("ledger@gone.lonely.payments.svc.cluster.local  no address",
        "the SRV target has no address (A/AAAA lookup: NXDOMAIN): connecting to this node fails");
  }

  @Test
  void aTargetWithoutAddressIsShownAsNoNode() {
    Cli.Result r = resolve("_dist-erl._tcp.lonely.payments", "--strategy", "dns-cluster", "--basename", "ledger");
    assertThat(r.exit()).isEqualTo(1);
    // issue 12: dns_cluster asks only A for a target (:inet.gethostbyname is IPv4 only), and says so
    assertThat(r.out()).contains("SRV gone.lonely.payments.svc.cluster.local",
        "the target has no IPv4 address (A lookup: NXDOMAIN)");
  }

  @Test
  void eachStrategyNamesNodesAsItsLibraryDoes() {
    assertThat(resolve("_dist-erl._tcp.dashed.payments", "--basename", "ledger", "-o", "short").out())
        .isEqualTo("ledger@10-244-1-5.dashed.payments.svc.cluster.local\nledger@10-244-1-6.dashed.payments.svc.cluster.local\n");
    assertThat(resolve("_dist-erl._tcp.dashed.payments", "--strategy", "dns-cluster", "--basename", "ledger", "-o", "short").out())
        .isEqualTo("ledger@10.244.1.5\nledger@10.244.1.6\n");
    // issue 12: gen_cluster's SRV discovery with host_type ip crashes (case_clause): no node, exit 1, said on stderr
    Cli.Result crash = resolve("_dist-erl._tcp.dashed.payments", "--host-type", "ip", "--basename", "ledger", "-o", "short");
    assertThat(crash.out()).isEmpty();
    assertThat(crash.exit()).isEqualTo(1);
    assertThat(crash.err()).contains("gc_discover_dns_srv", "crashes", "case-clause");
    assertThat(resolve("ledger.payments", "--strategy", "libcluster-dns", "--basename", "ledger", "-o", "short").out())
        .isEqualTo("ledger@10.244.0.5\nledger@10.244.0.6\nledger@10.244.0.7\n");
    assertThat(resolve("ledger.payments.svc.cluster.local", "--strategy", "libcluster-dnssrv", "--basename", "ledger",
        "-o", "short").out()).isEqualTo("ledger@ledger-0.ledger.payments.svc.cluster.local\n"
            + "ledger@ledger-1.ledger.payments.svc.cluster.local\nledger@ledger-2.ledger.payments.svc.cluster.local\n");
    assertThat(resolve("ledger.payments", "--host-type", "hostname", "--basename", "ledger", "-o", "short").out())
        .isEqualTo("ledger@ledger-0.ledger.payments.svc.cluster.local\n"
            + "ledger@ledger-1.ledger.payments.svc.cluster.local\nledger@ledger-2.ledger.payments.svc.cluster.local\n");
  }

  @Test
  void theNodeNamesResolveDerivesEqualWhatErlangsInetResReturns() {
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("ledger.payments", "a");
    queries.put("v6.payments", "aaaa");
    queries.put("ledger", "a");
    queries.put("_dist-erl._tcp.ledger.payments", "srv");
    queries.put("_dist-erl._tcp.dashed.payments", "srv");
    queries.put("_dist-erl._tcp.big.payments", "srv");
    queries.put("ledger.payments.svc.cluster.local.", "srv");
    Map<String, ErlangInetRes.Answer> erlang =
        ErlangInetRes.getbyname(dns.port(), ResolvConf.podSearch("payments", "cluster.local"), queries);
    for (Map.Entry<String, String> q : queries.entrySet()) {
      Cli.Result r = resolve(q.getKey(), "--type", q.getValue(), "--basename", "ledger", "-o", "short");
      List<String> expected = erlang.get(q.getKey()).values().stream().map(h -> "ledger@" + h).sorted().toList();
      assertThat(expected).as("Erlang's answer for " + q.getKey()).isNotEmpty();
      assertThat(r.out().lines().toList()).as(q.getKey()).isEqualTo(expected);
    }
  }
}
