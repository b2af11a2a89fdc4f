package dev.clusterctl.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.error.BadInputException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Discovery and basename taken from a release's sys.config and vm.args. */
class ReleaseDiscoveryTest {

  private static final Resolver NO_NETWORK = new Resolver(
      new DnsConfig(List.of(), false, Duration.ofSeconds(1), 1, SearchMode.NONE, List.of(), 1),
      (q, s, t, d) -> {
        throw new java.net.SocketTimeoutException("no network in this test");
      });

  @Test
  void dnsDiscoveryBecomesTheLookupGenClusterDoes() {
    SysConfig c = SysConfig.parse(
        "[{gen_cluster, [{discovery, {dns, #{record_type => srv, domain => \"_dist-erl._tcp.app.ns\"}}}]}].", "sys.config");
    PeerSource s = ReleaseDiscovery.peerSource(c, Optional.of("app"), NO_NETWORK, "10.96.0.10:53");
    assertThat(s.describe()).isEqualTo("SRV _dist-erl._tcp.app.ns via 10.96.0.10:53 (gen-cluster, host hostname)");
  }

  @Test
  void staticListIsProbedAsWritten() {
    SysConfig c = SysConfig.parse("[{gen_cluster, [{discovery, {static, ['b@10.0.0.2', 'a@pod-0.example']}}]}].",
        "sys.config");
    Discovered d = ReleaseDiscovery.peerSource(c, Optional.empty(), NO_NETWORK, "-").discover();
    assertThat(((Discovered.Found) d).peers()).containsExactly(
        new Peer("a@pod-0.example", "pod-0.example", Optional.empty(), "static sys.config sys.config"),
        new Peer("b@10.0.0.2", "10.0.0.2", Optional.of("10.0.0.2"), "static sys.config sys.config"));
  }

  @Test
  void otherDiscoveriesAreRefusedInOneLine() {
    SysConfig c = SysConfig.parse("[{gen_cluster, [{discovery, {epmd_all, #{}}}]}].", "sys.config");
    assertThatThrownBy(() -> ReleaseDiscovery.peerSource(c, Optional.of("a"), NO_NETWORK, "-"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("sys.config sys.config: gen_cluster discovery epmd_all is neither DNS nor a static list; "
            + "give the DOMAIN to look up instead");
  }

  @Test
  void basenameFromVmArgs() {
    VmArgs v = VmArgs.parse("-name ledger@${NODE_HOST}\n", "vm.args");
    assertThat(ReleaseDiscovery.basename(v, Map.of())).contains("ledger");
    VmArgs templated = VmArgs.parse("-name ${APP}@${NODE_HOST}\n", "vm.args");
    assertThat(ReleaseDiscovery.basename(templated, Map.of("APP", "pay"))).contains("pay");
    assertThat(ReleaseDiscovery.basename(templated, Map.of())).isEmpty();
    assertThat(ReleaseDiscovery.basename(VmArgs.parse("+K true\n", "vm.args"), Map.of())).isEmpty();
  }
}
