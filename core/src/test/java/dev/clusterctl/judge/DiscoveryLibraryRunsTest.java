package dev.clusterctl.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.discovery.Strategy;
import org.junit.jupiter.api.Test;

/** discovery-library-runs: the crash and cache findings of the library objects, on simulated CoreDNS answers. */
class DiscoveryLibraryRunsTest {

  private static final String SRV_DEPLOY = Fixture.SERVICE + "---\n" + Fixture.deployment("subdomain: app-dist", "");
  private static final String SYS_SRV_IP =
      "[{gen_cluster, [{discovery, {dns, #{domain => \"_dist-erl._tcp.app-dist.ns\", record_type => srv, host_type => ip}}}]}].";

  private static String replicas(String yaml, int n) {
    return yaml.replace("replicas: 3", "replicas: " + n);
  }

  @Test
  void genClusterSrvWithHostTypeIpFailsWithTheCrashAndHowToAvoidIt() {
    CheckResult r = Fixture.a().yaml(SRV_DEPLOY).sys(SYS_SRV_IP).corefile(ChecksTest.KUBEADM_COREFILE)
        .run("discovery-library-runs");
    assertThat(r.status()).as(r.message()).isEqualTo(Status.FAIL);
    assertThat(r.message()).contains("gc_discover_dns_srv", "case_clause", "Kernel pid terminated");
    assertThat(r.remediation().orElseThrow().text()).contains("host_type => hostname");
    assertThat(r.evidence()).extracting(Evidence::value).anySatisfy(v -> assertThat(v).contains("inet_res:getbyname"));
  }

  @Test
  void anAnswerLargerThanInetResCacheWarnsWithTheCorefileTtl() {
    CheckResult r = Fixture.a().yaml(replicas(Fixture.SERVICE + "---\n" + Fixture.deployment("", ""), 150))
        .corefile(ChecksTest.KUBEADM_COREFILE).run("discovery-library-runs");
    assertThat(r.status()).as(r.message()).isEqualTo(Status.WARN);
    assertThat(r.message()).contains("150 records", "cache_size 100", "30 s (the TTL of the Corefile)",
        "return only 50 of the 150");
    assertThat(r.remediation().orElseThrow().text()).contains("cache_size");
  }

  @Test
  void libclusterDisconnectsPeersTheCacheHidesAndDnsPollIsNotCached() {
    String big = replicas(Fixture.SERVICE + "---\n" + Fixture.deployment("", ""), 150);
    CheckResult dns = Fixture.a().yaml(big).sys(null).strategy(Strategy.LIBCLUSTER_DNS, "app")
        .corefile(ChecksTest.KUBEADM_COREFILE).run("discovery-library-runs");
    assertThat(dns.status()).as(dns.message()).isEqualTo(Status.WARN);
    assertThat(dns.message()).contains("disconnects", "flapping");
    CheckResult poll = Fixture.a().yaml(big).sys(null).strategy(Strategy.LIBCLUSTER_DNSPOLL, "app")
        .corefile(ChecksTest.KUBEADM_COREFILE).run("discovery-library-runs");
    assertThat(poll.status()).as(poll.message()).isEqualTo(Status.PASS);
  }

  @Test
  void aSmallAnswerPasses() {
    CheckResult r = Fixture.a().corefile(ChecksTest.KUBEADM_COREFILE).run("discovery-library-runs");
    assertThat(r.status()).as(r.message()).isEqualTo(Status.PASS);
    assertThat(r.message()).contains("3-record answer");
  }

  @Test
  void resolverTimeoutAndAttemptsAPodSetsAreSaidToBeIgnoredByInetRes() {
    String yaml = Fixture.SERVICE + "---\n"
        + Fixture.deployment("dnsConfig:\n  options:\n  - {name: ndots, value: \"2\"}\n  - {name: timeout, value: \"1\"}\n  - {name: attempts, value: \"5\"}", "");
    CheckResult r = Fixture.a().yaml(yaml).corefile(ChecksTest.KUBEADM_COREFILE).run("discovery-library-runs");
    assertThat(r.status()).as(r.message()).isEqualTo(Status.PASS);
    assertThat(r.evidence()).anySatisfy(e -> {
      assertThat(e.label()).isEqualTo("pod resolver options");
      assertThat(e.value()).startsWith("timeout:1 attempts:5 (dnsConfig.options) are read by glibc only")
          .contains("666, 1333 and 2666 ms");
    });
  }
}
