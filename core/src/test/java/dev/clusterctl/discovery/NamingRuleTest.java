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
    // issue 12: gen_cluster's SRV discovery with host_type ip crashes (case_clause) on every target: no name
    assertThat(NamingRule.fromSrvTarget(Strategy.GEN_CLUSTER, HostType.IP, TARGET, List.of("10.0.0.1", "10.0.0.2")))
        .isEmpty();
    assertThat(NamingRule.fromSrvTarget(Strategy.GEN_CLUSTER, HostType.IP, TARGET, List.of("10.0.0.1"))).isEmpty();
    // issue 12: dns_cluster resolves targets with :inet.gethostbyname, IPv4 only
    assertThat(NamingRule.fromSrvTarget(Strategy.DNS_CLUSTER, HostType.IP, TARGET, List.of("10.0.0.1", "fd00::1")))
        .containsExactly("10.0.0.1");
    assertThat(NamingRule.fromSrvTarget(Strategy.GEN_CLUSTER, HostType.IP, TARGET, List.of())).isEmpty();
    assertThat(NamingRule.fromSrvTarget(Strategy.DNS_CLUSTER, HostType.IP, TARGET, List.of())).isEmpty();
  }

  @Test
  void addressesNameByAddressOrByTheirOnlyPtrName() {
    assertThat(NamingRule.fromAddress(HostType.IP, "10.0.0.1", List.of("ignored.example."))).contains("10.0.0.1");
    assertThat(NamingRule.fromAddress(HostType.HOSTNAME, "10.0.0.1", List.of("a.example."))).contains("a.example");
    // issue 12: two PTR records make inet_res:gethostbyaddr return {error, nxdomain}: no name
    assertThat(NamingRule.fromAddress(HostType.HOSTNAME, "10.0.0.1", List.of("a.example.", "b.example"))).isEmpty();
    assertThat(NamingRule.fromAddress(HostType.HOSTNAME, "10.0.0.1", List.of())).isEmpty();
  }

  @Test
  void nodeNameIsBasenameAtHost() {
    assertThat(NamingRule.nodeName("app", "10.0.0.1")).isEqualTo("app@10.0.0.1");
  }
}
