package dev.clusterctl.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one naming rule resolve and doctor share, on plain values. */
class NamingRuleTest {

  private static final String TARGET = "app-0.app.ns.svc.cluster.local.";

  @Test
  void srvTargetsNameByTargetWithoutDotOrByAddress() {
    assertThat(NamingRule.fromSrvTarget(Strategy.LIBCLUSTER_DNSSRV, HostType.HOSTNAME, TARGET, List.of("10.0.0.1")))
        .containsExactly("app-0.app.ns.svc.cluster.local");
    assertThat(NamingRule.fromSrvTarget(Strategy.GEN_CLUSTER, HostType.HOSTNAME, "app-0.app", List.of()))
        .containsExactly("app-0.app");
    assertThat(NamingRule.fromSrvTarget(Strategy.GEN_CLUSTER, HostType.IP, TARGET, List.of("10.0.0.1", "10.0.0.2")))
        .containsExactly("10.0.0.1");
    assertThat(NamingRule.fromSrvTarget(Strategy.DNS_CLUSTER, HostType.IP, TARGET, List.of("10.0.0.1", "fd00::1")))
        .containsExactly("10.0.0.1", "fd00::1");
    assertThat(NamingRule.fromSrvTarget(Strategy.GEN_CLUSTER, HostType.IP, TARGET, List.of())).isEmpty();
    assertThat(NamingRule.fromSrvTarget(Strategy.DNS_CLUSTER, HostType.IP, TARGET, List.of())).isEmpty();
  }

  @Test
  void addressesNameByAddressOrByFirstPtrName() {
    assertThat(NamingRule.fromAddress(HostType.IP, "10.0.0.1", List.of("ignored.example."))).contains("10.0.0.1");
    assertThat(NamingRule.fromAddress(HostType.HOSTNAME, "10.0.0.1", List.of("a.example.", "b.example")))
        .contains("a.example");
    assertThat(NamingRule.fromAddress(HostType.HOSTNAME, "10.0.0.1", List.of())).isEmpty();
  }

  @Test
  void nodeNameIsBasenameAtHost() {
    assertThat(NamingRule.nodeName("app", "10.0.0.1")).isEqualTo("app@10.0.0.1");
  }
}
