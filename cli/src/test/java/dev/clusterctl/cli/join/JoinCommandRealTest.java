package dev.clusterctl.cli.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterctl.cli.Cli;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code clusterctl join} in-process against real BIND and real Erlang nodes on loopback. */
class JoinCommandRealTest {

  private static JoinFixture fx;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    fx = JoinFixture.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (fx != null) {
      fx.close();
    }
  }

  private static Cli.Result run(String domain, String... more) {
    return Cli.run(fx.args(domain, more).toArray(String[]::new));
  }

  @Test
  void everyPeerJoinableExitsZero() {
    Cli.Result r = run("good.ns.svc", "--cookie-file", fx.cookieFile.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("ledger@127.0.0.2", "ledger@127.0.0.3", "OK: 2 of 2 peers joinable")
        .doesNotContain(JoinFixture.COOKIE);
    assertThat(r.err()).doesNotContain(JoinFixture.COOKIE);
  }

  @Test
  void tableShowsEachVerdictWithItsEvidence() {
    Cli.Result r = run("mixed.ns.svc", "--cookie-file", fx.cookieFile.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .containsPattern("ledger@127\\.0\\.0\\.2 .* ok .* ledger@127\\.0\\.0\\.2 .* accepted .* joinable")
        .containsPattern("ledger@127\\.0\\.0\\.4 .* ledger@ledger-0\\.example .* name-mismatch")
        .contains("the node calls itself ledger@ledger-0.example, DNS gives ledger@127.0.0.4")
        .containsPattern("ledger@127\\.0\\.0\\.6 .* rejected .* cookie-rejected")
        .containsPattern("ledger@127\\.0\\.0\\.9 .* unreachable")
        .contains("connection-refused: node at 127.0.0.9:" + fx.erl.distPort() + ": connection refused")
        .contains("PROBLEM: 1 of 4 peers joinable");
  }

  @Test
  void jsonReportHoldsTheEvidence() throws Exception {
    Cli.Result r = run("mixed.ns.svc", "--cookie-file", fx.cookieFile.toString(), "-o", "json");
    assertThat(r.exit()).isEqualTo(1);
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(j.has("schema")).isFalse();
    assertThat(j.get("lookup").get("status").asText()).isEqualTo("NOERROR");
    assertThat(j.get("cookie").asText()).isEqualTo("file " + fx.cookieFile);
    assertThat(j.get("allJoinable").asBoolean()).isFalse();
    List<String> verdicts = new ArrayList<>();
    j.get("peers").forEach(p -> verdicts.add(p.get("node").asText() + "=" + p.get("verdict").asText()));
    assertThat(verdicts).containsExactly("ledger@127.0.0.2=joinable", "ledger@127.0.0.4=name-mismatch",
        "ledger@127.0.0.6=cookie-rejected", "ledger@127.0.0.9=unreachable");
    JsonNode renamed = j.get("peers").get(1);
    assertThat(renamed.get("announcedName").asText()).isEqualTo("ledger@ledger-0.example");
    assertThat(renamed.get("nameMatches").asBoolean()).isFalse();
    assertThat(renamed.get("status").asText()).isEqualTo("ok");
    assertThat(renamed.get("portSource").asText()).isEqualTo("fixed");
    assertThat(j.get("peers").get(3).get("error").get("kind").asText()).isEqualTo("connection-refused");
  }

  @Test
  void srvTargetsAreProbedAtTheirAddressesUnderTheirNames() throws Exception {
    Cli.Result r = run("_dist-erl._tcp.srv.ns.svc", "--cookie-file", fx.cookieFile.toString(), "-o", "json");
    JsonNode peers = JSON.readTree(r.out()).get("peers");
    assertThat(peers).hasSize(2);
    assertThat(peers.get(0).get("node").asText()).isEqualTo("ledger@ledger-0.srv.ns.svc.cluster.local");
    assertThat(peers.get(0).get("address").asText()).isEqualTo("127.0.0.4");
    assertThat(peers.get(0).get("verdict").asText()).isEqualTo("name-mismatch");
    assertThat(peers.get(1).get("node").asText()).isEqualTo("ledger@ledger-1.srv.ns.svc.cluster.local");
    assertThat(peers.get(1).get("verdict").asText()).isEqualTo("joinable");
  }

  @Test
  void wrongCookieFromTheEnvironmentOrFileIsRejected() {
    Cli.Result r = run("good.ns.svc", "--cookie-file", fx.otherCookieFile.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("cookie-rejected").doesNotContain("another-cookie");
  }

  @Test
  void meshShowsWhoIsConnectedAndThePartitions() throws Exception {
    // node 127.0.0.2 connects to 127.0.0.3 shortly after start
    JsonNode mesh = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> JSON.readTree(run("mesh.ns.svc", "--cookie-file", fx.cookieFile.toString(), "--mesh", "-o", "json").out()).get("mesh"),
            m -> m.get("sees").get("ledger@127.0.0.2").toString().contains("127.0.0.3"));
    assertThat(mesh.get("sees").get("ledger@127.0.0.2").toString()).isEqualTo("[\"ledger@127.0.0.3\"]");
    assertThat(mesh.get("sees").get("ledger@127.0.0.5").toString()).isEqualTo("[]");
    assertThat(mesh.get("partitions").toString())
        .isEqualTo("[[\"ledger@127.0.0.2\",\"ledger@127.0.0.3\"],[\"ledger@127.0.0.5\"]]");
    assertThat(mesh.get("fullyConnected").asBoolean()).isFalse();

    Cli.Result table = run("mesh.ns.svc", "--cookie-file", fx.cookieFile.toString(), "--mesh");
    assertThat(table.exit()).isEqualTo(1);
    assertThat(table.out()).contains("Partitions: 2", "ledger@127.0.0.2, ledger@127.0.0.3");
  }

  @Test
  void discoveryBasenameAndPortCanComeFromTheRelease(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path sys = dir.resolve("sys.config");
    java.nio.file.Files.writeString(sys, "[{gen_cluster, [{discovery, {dns, #{domain => \"good.ns.svc.cluster.local\"}}},\n"
        + "                 {refresh_interval_ms, 250}]}].\n");
    java.nio.file.Path vm = dir.resolve("vm.args");
    java.nio.file.Files.writeString(vm, "-name ledger@${NODE_HOST}\n-setcookie ${RELEASE_COOKIE}\n"
        + "-start_epmd false\n-erl_epmd_port " + fx.erl.distPort() + "\n");
    Cli.Result r = Cli.run("join", "--sys-config", sys.toString(), "--vm-args", vm.toString(),
        "--nameserver", fx.dns.hostPort(), "--search", "none", "--cookie-file", fx.cookieFile.toString(),
        "--watch", "--count", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode started = JSON.readTree(r.out().lines().findFirst().orElseThrow());
    assertThat(started.get("intervalMs").asInt()).isEqualTo(250);
    assertThat(started.get("source").asText()).startsWith("A good.ns.svc.cluster.local via ");
    assertThat(r.out()).contains("\"node\":\"ledger@127.0.0.2\"", "\"port\":" + fx.erl.distPort());
  }

  @Test
  void staticDiscoveryFromSysConfig(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path sys = dir.resolve("sys.config");
    java.nio.file.Files.writeString(sys,
        "[{gen_cluster, [{discovery, {static, ['ledger@127.0.0.2', 'ledger@127.0.0.4']}}]}].\n");
    Cli.Result r = Cli.run("join", "--sys-config", sys.toString(), "--dist-port", Integer.toString(fx.erl.distPort()),
        "--cookie-file", fx.cookieFile.toString(), "--color", "never");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("static list of 2 node(s) from sys.config")
        .containsPattern("ledger@127\\.0\\.0\\.4 .* name-mismatch");
  }

  @Test
  void portFromEpmdWhenNoFixedPortIsGiven() throws Exception {
    Cli.Result r = Cli.run(fx.argsViaEpmd("epmd.ns.svc", "--epmd-port", Integer.toString(fx.erl.epmdPort()),
        "--cookie-file", fx.cookieFile.toString(), "-o", "json").toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode peer = JSON.readTree(r.out()).get("peers").get(0);
    assertThat(peer.get("portSource").asText()).isEqualTo("epmd");
    assertThat(peer.get("epmd").get("name").asText()).isEqualTo("ledger");
    assertThat(peer.get("port").asInt()).isEqualTo(peer.get("epmd").get("port").asInt());
    assertThat(peer.get("verdict").asText()).isEqualTo("joinable");
  }

  @Test
  void meshNamesNodesThatDnsDoesNotList() throws Exception {
    JsonNode mesh = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> JSON.readTree(run("partial.ns.svc", "--cookie-file", fx.cookieFile.toString(), "--mesh", "-o", "json").out()).get("mesh"),
            m -> m.get("unlisted").has("ledger@127.0.0.2"));
    assertThat(mesh.get("unlisted").toString()).isEqualTo("{\"ledger@127.0.0.2\":[\"ledger@127.0.0.3\"]}");
  }

  @Test
  void aCookieFileOthersCanReadIsWarnedAbout(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path open = dir.resolve("cookie");
    java.nio.file.Files.writeString(open, JoinFixture.COOKIE + "\n");
    java.nio.file.Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    Cli.Result r = run("good.ns.svc", "--cookie-file", open.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("clusterctl: warning: cookie file " + open + " is accessible by group or others (rw-r--r--)")
        .doesNotContain(JoinFixture.COOKIE);
  }

  @Test
  void nxdomainIsAProblemWithTheRcode() {
    Cli.Result r = run("missing.ns.svc", "--cookie-file", fx.cookieFile.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("lookup failed: A missing.ns.svc.cluster.local: NXDOMAIN");
  }

  @Test
  void watchWithCountWritesJsonLines() throws Exception {
    Cli.Result r = run("good.ns.svc", "--cookie-file", fx.cookieFile.toString(), "--watch", "--count", "2",
        "--interval", "100ms");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> events = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      JsonNode event = JSON.readTree(line);
      events.add(event.get("event").asText());
      assertThat(event.get("schemaVersion").asInt()).as(line).isEqualTo(1);
      assertThat(event.has("schema")).as(line).isFalse();
    }
    assertThat(events).containsExactly("started", "joined", "joined", "refreshed", "refreshed", "stopped");
    assertThat(r.err()).contains("watched 2 refreshes");
  }
}
