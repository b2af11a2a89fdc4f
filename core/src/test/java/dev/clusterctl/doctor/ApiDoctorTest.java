package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.UnreachableException;
import dev.clusterctl.gather.ApiInputs;
import dev.clusterctl.gather.ApiSource;
import dev.clusterctl.gather.DnsWhere;
import dev.clusterctl.gather.KubeApi;
import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckRegistry;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.report.Report;
import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.MockCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The doctor against fabric8's mock API server in CRUD mode, loaded with the shipped examples. */
class ApiDoctorTest {

  static final DoctorOptions ALL = new DoctorOptions(TargetOptions.none(), CheckRegistry.standard().all());

  static final Path EXAMPLES = ExamplesTest.EXAMPLES;

  static ApiInputs inputs(String example, DnsWhere dns) {
    Path config = EXAMPLES.resolve(example).resolve("config");
    return new ApiInputs(Optional.of(config.resolve("sys.config").toString()), Optional.of(config.resolve("vm.args.src").toString()), false, 4, dns, (d, t) -> { });
  }

  static MockCluster cluster(String example, int pods) {
    MockCluster c = MockCluster.start();
    c.apply(EXAMPLES.resolve(example));
    c.runControllers(pods);
    c.corednsPods(Instant.parse("2026-11-21T09:00:00Z"));
    return c;
  }

  static Report doctor(MockCluster c, String example, DnsWhere dns) {
    return Doctor.diagnose(ApiSource.of(new KubeApi(c.client(), "payments"), inputs(example, dns)), ALL);
  }

  static Map<String, Status> configChecks(Report r) {
    List<String> live = CheckRegistry.standard().all().stream().filter(Check::live).map(Check::id).toList();
    return r.results().stream().filter(x -> !live.contains(x.id())).collect(Collectors.toMap(CheckResult::id, CheckResult::status));
  }

  static Status status(Report r, String id) {
    return r.results().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().status();
  }

  static CheckResult result(Report r, String id) {
    return r.results().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a-records", "srv-deployment", "srv-statefulset", "broken/srv-no-subdomain", "broken/srv-no-endpoint-pod-names",
      "broken/srv-not-headless", "broken/srv-port-name-mismatch", "broken/srv-sname", "broken/sts-service-name-mismatch"})
  void sameVerdictsFromFilesAndFromTheApi(String example) {
    Report files = ExamplesTest.doctor(example);
    try (MockCluster c = cluster(example, 0)) {
      Report api = doctor(c, example, DnsWhere.none());
      assertThat(configChecks(api)).as(ExamplesTest.dump(api)).isEqualTo(configChecks(files));
      assertThat(api.inputs().get(0)).startsWith("API http://");
    }
  }

  @Test
  void liveChecksSkipWithTheirReasonFromFiles() {
    Report files = ExamplesTest.doctor("srv-deployment");
    for (String id : List.of("dns-answers-match-endpoints", "pod-fqdn", "coredns-reloaded", "network-policy-dist")) {
      assertThat(result(files, id).status()).isEqualTo(Status.SKIP);
      assertThat(result(files, id).message()).contains("read from files");
    }
  }

  @Test
  void goodDeploymentPassesTheLiveChecks() {
    try (MockCluster c = cluster("srv-deployment", 0)) {
      Report r = doctor(c, "srv-deployment", DnsWhere.none());
      assertThat(status(r, "pod-fqdn")).as(ExamplesTest.dump(r)).isEqualTo(Status.PASS);
      assertThat(result(r, "pod-fqdn").message()).contains("computed from the spec (no --exec)");
      assertThat(status(r, "coredns-reloaded")).isEqualTo(Status.PASS);
      assertThat(status(r, "network-policy-dist")).isEqualTo(Status.PASS);
      assertThat(result(r, "dns-answers-match-endpoints").message()).contains("give --nameserver or --dns-port-forward");
    }
  }

  @Test
  void podWithoutSubdomainHasAnFqdnPeersDoNotDial() {
    try (MockCluster c = cluster("broken/srv-no-subdomain", 0)) {
      Report r = doctor(c, "broken/srv-no-subdomain", DnsWhere.none());
      CheckResult fqdn = result(r, "pod-fqdn");
      assertThat(fqdn.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.FAIL);
      assertThat(fqdn.names()).hasSize(3).allSatisfy(n -> assertThat(n.peersUse()).endsWith(".ledger-dist.payments.svc.cluster.local"));
    }
  }

  @Test
  void corednsNotReloaded() {
    try (MockCluster c = cluster("srv-deployment", 0)) {
      ConfigMap cm = c.client().configMaps().inNamespace("kube-system").withName("coredns").get();
      cm.getData().put("Corefile", cm.getData().get("Corefile").replace("reload\n", ""));
      c.client().configMaps().resource(cm).update();
      c.corednsChangedAt(Instant.parse("2026-11-21T11:00:00Z"));
      Report r = doctor(c, "srv-deployment", DnsWhere.none());
      CheckResult res = result(r, "coredns-reloaded");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.FAIL);
      assertThat(res.message()).contains("2 of 2 CoreDNS pods started before the ConfigMap changed");
    }
  }

  @Test
  void networkPolicyBlockingTheDistributionPort() {
    try (MockCluster c = cluster("srv-deployment", 0)) {
      c.client().network().v1().networkPolicies().resource(new NetworkPolicyBuilder().withNewMetadata().withName("web-only").withNamespace("payments").endMetadata()
          .withNewSpec().withNewPodSelector().addToMatchLabels("app", "ledger").endPodSelector().withPolicyTypes("Ingress")
          .addNewIngress().addNewPort().withProtocol("TCP").withNewPort(8080).endPort().endIngress().endSpec().build()).create();
      Report r = doctor(c, "srv-deployment", DnsWhere.none());
      CheckResult res = result(r, "network-policy-dist");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.FAIL);
      assertThat(res.message()).contains("ingress on TCP 39135 (distribution)");
      assertThat(res.remediation().orElseThrow().snippet()).contains("port: 39135");

      c.client().network().v1().networkPolicies().resource(new NetworkPolicyBuilder().withNewMetadata().withName("erlang-distribution").withNamespace("payments").endMetadata()
          .withNewSpec().withNewPodSelector().addToMatchLabels("app", "ledger").endPodSelector().withPolicyTypes("Ingress")
          .addNewIngress().addNewFrom().withNewPodSelector().addToMatchLabels("app", "ledger").endPodSelector().endFrom()
          .addNewPort().withProtocol("TCP").withNewPort("dist-erl").endPort().endIngress().endSpec().build()).create();
      assertThat(status(doctor(c, "srv-deployment", DnsWhere.none()), "network-policy-dist")).isEqualTo(Status.PASS);
    }
  }

  @Test
  void networkPolicyThatDependsOnNamespaceLabelsWarnsWithWhatToLookAt() {
    try (MockCluster c = cluster("srv-deployment", 0)) {
      c.client().network().v1().networkPolicies().resource(new NetworkPolicyBuilder().withNewMetadata().withName("same-team").withNamespace("payments").endMetadata()
          .withNewSpec().withNewPodSelector().addToMatchLabels("app", "ledger").endPodSelector().withPolicyTypes("Ingress")
          .addNewIngress().addNewFrom().withNewNamespaceSelector().addToMatchLabels("team", "payments").endNamespaceSelector().endFrom().endIngress()
          .endSpec().build()).create();
      Report r = doctor(c, "srv-deployment", DnsWhere.none());
      CheckResult res = result(r, "network-policy-dist");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.WARN);
      assertThat(res.message()).contains("ingress on TCP 39135 (distribution)").contains("depends on what doctor cannot see");
      assertThat(res.evidence()).anySatisfy(e -> assertThat(e.value()).contains("team=payments").contains("kubectl get namespace payments"));
    }
  }

  @Test
  void forbiddenEndpointSlicesSkipNamingVerbAndResource() {
    try (MockCluster c = cluster("srv-deployment", 0)) {
      c.server().expect().get().withPath("/apis/discovery.k8s.io/v1/namespaces/payments/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dledger-dist")
          .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").withMessage("endpointslices is forbidden").build()).always();
      Report r = doctor(c, "srv-deployment", DnsWhere.nameservers(List.of(new java.net.InetSocketAddress("127.0.0.1", 9))));
      CheckResult res = result(r, "pod-fqdn");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isIn(Status.SKIP, Status.PASS);
      CheckResult dns = result(r, "dns-answers-match-endpoints");
      assertThat(dns.status()).isEqualTo(Status.SKIP);
      assertThat(ExamplesTest.dump(r)).contains("forbidden: list endpointslices.discovery.k8s.io in namespace payments");
    }
  }

  @Test
  void dnsAnswerLackingAPodIsListedAsMissing() {
    try (MockCluster c = cluster("srv-deployment", 0)) {
      List<Pod> pods = c.client().pods().inNamespace("payments").list().getItems();
      BindServer.ZoneBuilder zone = BindServer.zone("cluster.local");
      for (Pod p : pods.subList(0, pods.size() - 1)) {
        String target = p.getMetadata().getName() + ".ledger-dist.payments.svc.cluster.local.";
        zone.srv("_dist-erl._tcp.ledger-dist.payments.svc", 0, 33, 39135, target);
      }
      try (BindServer bind = BindServer.start(zone.build())) {
        Report r = doctor(c, "srv-deployment", DnsWhere.nameservers(List.of(bind.address())));
        CheckResult res = result(r, "dns-answers-match-endpoints");
        assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.FAIL);
        assertThat(res.message()).startsWith("1 ready endpoints missing from the answer, 0 hosts");
        assertThat(res.evidence().toString()).contains(pods.get(pods.size() - 1).getMetadata().getName() + ".ledger-dist.payments.svc.cluster.local");

        zone.srv("_dist-erl._tcp.ledger-dist.payments.svc", 0, 33, 39135, pods.get(pods.size() - 1).getMetadata().getName() + ".ledger-dist.payments.svc.cluster.local.");
      }
      BindServer.ZoneBuilder all = BindServer.zone("cluster.local");
      for (Pod p : pods) {
        all.srv("_dist-erl._tcp.ledger-dist.payments.svc", 0, 33, 39135, p.getMetadata().getName() + ".ledger-dist.payments.svc.cluster.local.");
      }
      try (BindServer bind = BindServer.start(all.build())) {
        Report r = doctor(c, "srv-deployment", DnsWhere.nameservers(List.of(bind.address())));
        assertThat(status(r, "dns-answers-match-endpoints")).as(ExamplesTest.dump(r)).isEqualTo(Status.PASS);
      }
    }
  }

  /**
   * No exec is scripted here, so the mock refuses every upgrade: the report must say that those
   * FQDNs were computed from the spec. (ApiStreamsTest speaks the exec protocol; PodExecTest covers
   * the concurrency and progress with a synthetic probe.)
   */
  @Test
  void execThatFailsFallsBackToTheSpecAndSaysSo() {
    try (MockCluster c = cluster("srv-deployment", 0)) {
      java.util.List<String> progress = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      ApiInputs base = inputs("srv-deployment", DnsWhere.none());
      ApiInputs in = new ApiInputs(base.sysConfig(), base.vmArgs(), true, 2, DnsWhere.none(), (d, t) -> progress.add(d + "/" + t));
      Report r = Doctor.diagnose(ApiSource.of(new KubeApi(c.client(), "payments"), in), ALL);
      CheckResult res = result(r, "pod-fqdn");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.PASS);
      assertThat(res.message()).contains("from exec in 0 pods; computed from the spec for 3 where exec failed");
      assertThat(progress).hasSize(3).contains("3/3");
    }
  }

  @Test
  void portForwardWithoutARunningCorednsPodSaysSo() {
    try (MockCluster c = MockCluster.start()) {
      c.apply(EXAMPLES.resolve("srv-deployment"));
      c.runControllers(0);
      Report r = doctor(c, "srv-deployment", DnsWhere.portForward());
      assertThat(result(r, "dns-answers-match-endpoints").message()).contains("--dns-port-forward: no running CoreDNS pod in kube-system");
    }
  }

  /**
   * The first running CoreDNS pod is chosen; a server that does not upgrade the port-forward (this
   * mock has no handler for it: ApiStreamsTest has one that speaks the protocol) is said with its
   * status, and the check skips naming the forward.
   */
  @Test
  void portForwardAsksTheCorednsPodOverTcp() {
    try (MockCluster c = cluster("srv-deployment", 0)) {
      Report r = doctor(c, "srv-deployment", DnsWhere.portForward());
      CheckResult res = result(r, "dns-answers-match-endpoints");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.SKIP);
      assertThat(res.message()).contains("--dns-port-forward to kube-system/coredns-5d78c9869d-bbbbb: the API server refused the port-forward (");
    }
  }

  @Test
  void forbiddenServicesStopWithOneLine() {
    try (MockCluster c = cluster("srv-deployment", 0)) {
      c.server().expect().get().withPath("/api/v1/namespaces/payments/services")
          .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").withMessage("services is forbidden").build()).always();
      assertThatThrownBy(() -> doctor(c, "srv-deployment", DnsWhere.none()))
          .isInstanceOf(dev.clusterctl.error.BadInputException.class)
          .hasMessage("forbidden: list services in namespace payments (see docs/rbac.yaml)");
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // 2,000 pods created in the mock API server: about a minute on a loaded machine
  void requestCountDoesNotGrowWithThePods() {
    int small;
    try (MockCluster c = cluster("srv-deployment", 20)) {
      int before = c.server().getRequestCount();
      Report r = doctor(c, "srv-deployment", DnsWhere.none());
      small = c.server().getRequestCount() - before;
      assertThat(status(r, "pod-fqdn")).isEqualTo(Status.PASS);
    }
    try (MockCluster c = cluster("srv-deployment", 2000)) {
      int before = c.server().getRequestCount();
      Report r = doctor(c, "srv-deployment", DnsWhere.none());
      int large = c.server().getRequestCount() - before;
      assertThat(large).isEqualTo(small).isLessThanOrEqualTo(10);
      assertThat(result(r, "pod-fqdn").message()).startsWith("all 2000 pods");
    }
  }

  @Test
  void unreachableApiIsOneLine() {
    int port = MockCluster.freePort();
    io.fabric8.kubernetes.client.Config cfg = new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0).build();
    try (KubeApi closed = new KubeApi(new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(cfg).build(), "payments")) {
      assertThatThrownBy(() -> Doctor.diagnose(ApiSource.of(closed, inputs("srv-deployment", DnsWhere.none())), ALL))
          .isInstanceOf(UnreachableException.class)
          .hasMessage("Kubernetes API http://127.0.0.1:" + port + "/ cannot be reached: connection refused");
    }
  }
}
