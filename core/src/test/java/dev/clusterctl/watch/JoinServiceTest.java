package dev.clusterctl.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JoinService#plan}: the release's files and the request's values become a peer source, port and interval. */
class JoinServiceTest {

  @TempDir Path dir;

  private static final DnsConfig DNS = DnsConfig.from(ResolvConf.parse("nameserver 127.0.0.1\n", "test"));

  private static JoinRequest request(String domain, Path sysConfig, Path vmArgs, OptionalInt port, Duration interval) {
    return new JoinRequest(Optional.ofNullable(domain), DNS, Strategy.GEN_CLUSTER, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.ofNullable(sysConfig), Optional.ofNullable(vmArgs), port,
        Optional.ofNullable(interval), Map.of("NODE_HOST", "10.0.0.1"));
  }

  @Test
  void vmArgsGiveTheBasenameAndTheFixedPort() throws Exception {
    Path vm = Files.writeString(dir.resolve("vm.args"), "-name ledger@${NODE_HOST}\n-erl_epmd_port 39135\n");
    JoinPlan plan = JoinService.plan(request("ledger.payments", null, vm, OptionalInt.empty(), null));
    assertThat(plan.source().describe()).isEqualTo("A ledger.payments via 127.0.0.1:53 (gen-cluster, host ip)");
    assertThat(plan.distPort()).hasValue(39135);
    assertThat(plan.interval()).isEqualTo(WatchOptions.DEFAULT_INTERVAL);
  }

  @Test
  void explicitValuesWinOverTheReleasesFiles() throws Exception {
    Path vm = Files.writeString(dir.resolve("vm.args"), "-name ledger@${NODE_HOST}\n-erl_epmd_port 39135\n");
    Path sys = Files.writeString(dir.resolve("sys.config"),
        "[{gen_cluster, [{discovery, {static, ['a@127.0.0.2', 'a@127.0.0.3']}}, {refresh_interval_ms, 250}]}].\n");
    JoinPlan plan = JoinService.plan(request(null, sys, vm, OptionalInt.of(4370), Duration.ofSeconds(7)));
    assertThat(plan.distPort()).hasValue(4370);
    assertThat(plan.interval()).isEqualTo(Duration.ofSeconds(7));
    assertThat(plan.source().describe()).startsWith("static list of 2 node(s)");
  }

  @Test
  void sysConfigGivesThePeersAndTheInterval() throws Exception {
    Path sys = Files.writeString(dir.resolve("sys.config"),
        "[{gen_cluster, [{discovery, {static, ['a@127.0.0.2', 'a@127.0.0.3']}}, {refresh_interval_ms, 250}]}].\n");
    JoinPlan plan = JoinService.plan(request(null, sys, null, OptionalInt.empty(), null));
    assertThat(plan.interval()).isEqualTo(Duration.ofMillis(250));
    assertThat(plan.distPort()).isEmpty();
    assertThat(plan.source().discover()).isInstanceOfSatisfying(Discovered.Found.class,
        f -> assertThat(f.peers()).hasSize(2));
  }

  @Test
  void aDomainOrASysConfigExactlyOnce() throws Exception {
    Path sys = Files.writeString(dir.resolve("sys.config"), "[{gen_cluster, [{discovery, {static, ['a@h']}}]}].\n");
    assertThatThrownBy(() -> JoinService.plan(request("ledger.payments", sys, null, OptionalInt.empty(), null)))
        .isInstanceOf(BadInputException.class).hasMessage("give a DOMAIN or --sys-config, not both");
    assertThatThrownBy(() -> JoinService.plan(request(null, null, null, OptionalInt.empty(), null)))
        .isInstanceOf(BadInputException.class).hasMessage("a DOMAIN to look up (or --sys-config) is required");
  }

  @Test
  void aMissingReleaseFileIsBadInputNamingIt() {
    Path missing = dir.resolve("nope.args");
    assertThatThrownBy(() -> JoinService.plan(request("ledger.payments", null, missing, OptionalInt.empty(), null)))
        .isInstanceOf(BadInputException.class).hasMessage(missing + ": no such file");
  }

  @Test
  void everyLookupOfARefreshIsHeardStartingAndEnding() throws Exception {
    java.util.List<String> heard = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    dev.clusterctl.dns.WaitListener waits = (server, transport, name) -> {
      heard.add("start " + server.getPort() + " " + transport + " " + name);
      return () -> heard.add("end " + server.getPort() + " " + transport + " " + name);
    };
    try (java.net.DatagramSocket silent = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      java.net.InetSocketAddress at = new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), silent.getLocalPort());
      DnsConfig dns = new DnsConfig(java.util.List.of(at), false, Duration.ofMillis(300), 1,
          dev.clusterctl.dns.SearchMode.NONE, java.util.List.of(), 1);
      JoinRequest r = new JoinRequest(Optional.of("ledger.payments."), dns, Strategy.GEN_CLUSTER, Optional.empty(), Optional.empty(),
          Optional.of("ledger"), Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(), Map.of(), false, waits);
      try (JoinService join = new JoinService(JoinService.plan(r), dev.clusterctl.erlang.dist.ProbeOptions.defaults(), false)) {
        assertThatThrownBy(join::once).isInstanceOf(dev.clusterctl.error.UnreachableException.class);
      }
      String what = silent.getLocalPort() + " UDP ledger.payments.";
      assertThat(heard).isNotEmpty().first().isEqualTo("start " + what);
      assertThat(heard.stream().filter(h -> h.startsWith("start ")).count())
          .as("every wait ends").isEqualTo(heard.stream().filter(h -> h.startsWith("end ")).count());
      assertThat(heard).contains("end " + what);
    }
  }
}
