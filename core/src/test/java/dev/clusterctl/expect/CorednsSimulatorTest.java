package dev.clusterctl.expect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.dns.QueryType;
import dev.clusterctl.model.ContainerInfo;
import dev.clusterctl.model.ContainerPort;
import dev.clusterctl.model.CorednsSettings;
import dev.clusterctl.model.PodTemplate;
import dev.clusterctl.model.PortRef;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.model.ServicePort;
import dev.clusterctl.model.WorkloadInfo;
import dev.clusterctl.model.WorkloadKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CoreDNS rules of reference/coredns-records.md, one by one. */
class CorednsSimulatorTest {

  static final CorednsSettings KUBEADM = new CorednsSettings(List.of("cluster.local", "in-addr.arpa", "ip6.arpa"), false, 30, true, "kubeadm default", 7, true);
  static final CorednsSettings POD_NAMES = new CorednsSettings(List.of("cluster.local", "in-addr.arpa", "ip6.arpa"), true, 30, true, "test", 7, false);

  static ServiceInfo headless(boolean publishNotReady, ServicePort... ports) {
    return new ServiceInfo("ns", "app-dist", "None", "ClusterIP", Map.of("app", "app"), List.of(ports), publishNotReady, "t");
  }

  static final ServicePort DIST = new ServicePort("dist-erl", "TCP", 39135, PortRef.named("dist-erl"));

  static WorkloadInfo workload(WorkloadKind kind, int replicas, String subdomain) {
    ContainerInfo c = new ContainerInfo("app", List.of(new ContainerPort("dist-erl", 39135, "TCP")), List.of(), Optional.empty());
    return new WorkloadInfo(kind, "ns", "app", replicas, kind == WorkloadKind.STATEFULSET ? "app-dist" : null,
        new PodTemplate(Map.of("app", "app"), null, subdomain, false, List.of(c)), "t");
  }

  static CorednsSimulator sim(CorednsSettings dns, ServiceInfo svc, WorkloadInfo w) {
    return new CorednsSimulator(dns, List.of(svc), w, ExamplePods.of(w, "cluster.local"));
  }

  @Test
  void srvWeightsAreAHundredOverTheEndpointCount() {
    for (int[] nw : new int[][] {{2, 50}, {3, 33}, {6, 16}, {150, 1}}) {
      DnsAnswer a = sim(KUBEADM, headless(false, DIST), workload(WorkloadKind.DEPLOYMENT, nw[0], "app-dist"))
          .answer("_dist-erl._tcp.app-dist.ns.svc.cluster.local", QueryType.SRV);
      assertThat(a.srv()).hasSize(nw[0]).allSatisfy(r -> {
        assertThat(r.weight()).isEqualTo(nw[1]);
        assertThat(r.priority()).isZero();
        assertThat(r.port()).isEqualTo(39135);
      });
    }
  }

  @Test
  void deploymentPodsAreDashedIpsUnlessEndpointPodNames() {
    WorkloadInfo w = workload(WorkloadKind.DEPLOYMENT, 3, "app-dist");
    DnsAnswer dashed = sim(KUBEADM, headless(false, DIST), w).answer("_dist-erl._tcp.app-dist.ns.svc.cluster.local.", QueryType.SRV);
    assertThat(dashed.srv()).extracting(SrvRecord::target).containsExactly(
        "10-244-0-10.app-dist.ns.svc.cluster.local", "10-244-0-11.app-dist.ns.svc.cluster.local", "10-244-0-12.app-dist.ns.svc.cluster.local");
    DnsAnswer named = sim(POD_NAMES, headless(false, DIST), w).answer("_dist-erl._tcp.app-dist.ns.svc.cluster.local", QueryType.SRV);
    assertThat(named.srv()).allSatisfy(r -> assertThat(r.target()).matches("app-[b-z2-9]{10}-[b-z2-9]{5}\\.app-dist\\.ns\\.svc\\.cluster\\.local"));
  }

  @Test
  void statefulSetPodsAreNamedByHostnameWithoutCorednsChanges() {
    DnsAnswer a = sim(KUBEADM, headless(false, DIST), workload(WorkloadKind.STATEFULSET, 2, null)).answer("_dist-erl._tcp.app-dist.ns.svc.cluster.local", QueryType.SRV);
    assertThat(a.srv()).extracting(SrvRecord::target).containsExactly("app-0.app-dist.ns.svc.cluster.local", "app-1.app-dist.ns.svc.cluster.local");
  }

  @Test
  void notReadyPodsAreAbsentUnlessPublished() {
    WorkloadInfo w = workload(WorkloadKind.STATEFULSET, 3, null);
    List<ExamplePod> notReady = ExamplePods.of(w, "cluster.local").stream().map(p -> p.withReady(false)).toList();
    DnsAnswer hidden = new CorednsSimulator(KUBEADM, List.of(headless(false, DIST)), w, notReady).answer("app-dist.ns.svc.cluster.local", QueryType.A);
    assertThat(hidden.rcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(hidden.why()).contains("publishNotReadyAddresses");
    DnsAnswer shown = new CorednsSimulator(KUBEADM, List.of(headless(true, DIST)), w, notReady).answer("app-dist.ns.svc.cluster.local", QueryType.A);
    assertThat(shown.addresses()).extracting(AddressRecord::address).containsExactly("10.244.0.10", "10.244.0.11", "10.244.0.12");
  }

  @Test
  void portNamesMatchCaseInsensitivelyAndUnknownPortsAreNxdomain() {
    CorednsSimulator s = sim(KUBEADM, headless(false, DIST), workload(WorkloadKind.STATEFULSET, 1, null));
    assertThat(s.answer("_DIST-ERL._TCP.app-dist.ns.svc.cluster.local", QueryType.SRV).hasRecords()).isTrue();
    assertThat(s.answer("_epmd._tcp.app-dist.ns.svc.cluster.local", QueryType.SRV).rcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(s.answer("_dist-erl._udp.app-dist.ns.svc.cluster.local", QueryType.SRV).rcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void aServiceWithoutPortsHasNoSrvRecordsButHasAddresses() {
    CorednsSimulator s = sim(KUBEADM, headless(false), workload(WorkloadKind.STATEFULSET, 2, null));
    assertThat(s.answer("app-dist.ns.svc.cluster.local", QueryType.SRV).rcode()).isEqualTo(Rcode.NODATA);
    assertThat(s.answer("app-dist.ns.svc.cluster.local", QueryType.A).addresses()).hasSize(2);
  }

  @Test
  void clusterIpServicesAnswerWithTheServiceItself() {
    ServiceInfo svc = new ServiceInfo("ns", "app-dist", "10.96.4.4", "ClusterIP", Map.of("app", "app"), List.of(DIST), false, "t");
    CorednsSimulator s = sim(KUBEADM, svc, workload(WorkloadKind.STATEFULSET, 3, null));
    assertThat(s.answer("app-dist.ns.svc.cluster.local", QueryType.A).addresses()).extracting(AddressRecord::address).containsExactly("10.96.4.4");
    DnsAnswer srv = s.answer("_dist-erl._tcp.app-dist.ns.svc.cluster.local", QueryType.SRV);
    assertThat(srv.srv()).singleElement().satisfies(r -> {
      assertThat(r.target()).isEqualTo("app-dist.ns.svc.cluster.local");
      assertThat(r.weight()).isEqualTo(100);
    });
    assertThat(s.answer("app-0.app-dist.ns.svc.cluster.local", QueryType.A).rcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void endpointNamesAnswerAddressesAndPtrGivesThemBack() {
    CorednsSimulator s = sim(KUBEADM, headless(false, DIST), workload(WorkloadKind.STATEFULSET, 2, null));
    assertThat(s.answer("APP-1.app-dist.ns.svc.cluster.local", QueryType.A).addresses()).extracting(AddressRecord::address).containsExactly("10.244.0.11");
    assertThat(s.ptr("10.244.0.11")).contains("app-1.app-dist.ns.svc.cluster.local");
  }

  @Test
  void namesOutsideTheClusterZoneAreNotAnswered() {
    CorednsSimulator s = sim(KUBEADM, headless(false, DIST), workload(WorkloadKind.STATEFULSET, 1, null));
    assertThat(s.answer("app-dist.ns", QueryType.A).rcode()).isEqualTo(Rcode.NOT_IN_CLUSTER_ZONE);
    assertThat(s.answer("app-dist.ns.svc.k8s.example", QueryType.A).rcode()).isEqualTo(Rcode.NOT_IN_CLUSTER_ZONE);
    assertThat(s.answer("other.ns.svc.cluster.local", QueryType.A).rcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void ipv6PodsAnswerAaaaOnlyWithDashedNames() {
    WorkloadInfo w = workload(WorkloadKind.DEPLOYMENT, 2, "app-dist");
    CorednsSimulator s = new CorednsSimulator(KUBEADM, List.of(headless(false, DIST)), w, ExamplePods.of(w, "cluster.local", true));
    assertThat(s.answer("app-dist.ns.svc.cluster.local", QueryType.AAAA).addresses()).extracting(AddressRecord::address).containsExactly("fd00:10:244::a", "fd00:10:244::b");
    assertThat(s.answer("app-dist.ns.svc.cluster.local", QueryType.A).rcode()).isEqualTo(Rcode.NODATA);
    assertThat(s.answer("_dist-erl._tcp.app-dist.ns.svc.cluster.local", QueryType.SRV).srv().get(0).target()).isEqualTo("fd00-10-244--a.app-dist.ns.svc.cluster.local");
  }

  @Test
  void longDeploymentNamesGivePodNamesCutTo63ThatKeepEndpointPodNames() {
    ContainerInfo c = new ContainerInfo("app", List.of(new ContainerPort("dist-erl", 39135, "TCP")), List.of(), Optional.empty());
    String name = "a".repeat(50);
    WorkloadInfo w = new WorkloadInfo(WorkloadKind.DEPLOYMENT, "ns", name, 1, null, new PodTemplate(Map.of("app", "app"), null, "app-dist", false, List.of(c)), "t");
    List<Endpoint> eps = sim(POD_NAMES, headless(false, DIST), w).endpoints(headless(false, DIST));
    assertThat(eps).singleElement().satisfies(e -> {
      assertThat(e.nameRule()).isEqualTo("endpoint_pod_names");
      assertThat(e.pod().name()).hasSize(63).startsWith(name + "-");
      assertThat(e.name()).isEqualTo(e.pod().name());
      assertThat(e.pod().host().hostname()).isEqualTo(e.pod().name());
    });
  }

  @Test
  void podNamesLongerThan63FallBackToDashedIpEvenWithEndpointPodNames() {
    ContainerInfo c = new ContainerInfo("app", List.of(new ContainerPort("dist-erl", 39135, "TCP")), List.of(), Optional.empty());
    WorkloadInfo w = new WorkloadInfo(WorkloadKind.DEPLOYMENT, "ns", "app", 1, null, new PodTemplate(Map.of("app", "app"), null, "app-dist", false, List.of(c)), "t");
    String longName = "p".repeat(64);
    ExamplePod p = new ExamplePod(longName, "10.244.0.10", null, "app-dist", KubeletNames.host(longName, null, "app-dist", false, "ns", "cluster.local"), true, Map.of());
    List<Endpoint> eps = new CorednsSimulator(POD_NAMES, List.of(headless(false, DIST)), w, List.of(p)).endpoints(headless(false, DIST));
    assertThat(eps).singleElement().satisfies(e -> {
      assertThat(e.nameRule()).isEqualTo("dashed IP");
      assertThat(e.name()).isEqualTo("10-244-0-10");
      assertThat(e.pod().host().hostname()).hasSize(63);
    });
  }
}
