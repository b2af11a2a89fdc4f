package dev.clusterctl.expect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.model.ContainerInfo;
import dev.clusterctl.model.EnvVar;
import dev.clusterctl.model.PodHost;
import dev.clusterctl.model.PodTemplate;
import dev.clusterctl.model.WorkloadInfo;
import dev.clusterctl.model.WorkloadKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The kubelet's host names, Kubernetes env expansion, and Erlang's search-list order. */
class NamingRulesTest {

  @Test
  void kubeletHostNames() {
    assertThat(KubeletNames.host("app-0", null, null, false, "ns", "cluster.local")).isEqualTo(new PodHost("app-0", "app-0"));
    assertThat(KubeletNames.host("app-0", "app-0", "svc", false, "ns", "cluster.local")).isEqualTo(new PodHost("app-0", "app-0.svc.ns.svc.cluster.local"));
    assertThat(KubeletNames.host("app-x", "custom", "svc", true, "ns", "k8s.example").hostname()).isEqualTo("custom.svc.ns.svc.k8s.example");
    String longName = "a".repeat(62) + "-bcd";
    assertThat(KubeletNames.host(longName, null, null, false, "ns", "cluster.local").hostname()).isEqualTo("a".repeat(62));
  }

  @Test
  void environmentResolvesFieldRefsSecretsAndDependentVariables() {
    List<EnvVar> env = List.of(
        new EnvVar("POD_IP", null, "fieldRef:status.podIP"),
        new EnvVar("POD_NAME", null, "fieldRef:metadata.name"),
        EnvVar.literal("RELEASE_NODE", "app@$(POD_IP)"),
        EnvVar.literal("LITERAL", "$$(POD_IP) $(UNKNOWN)"),
        new EnvVar("COOKIE", null, "secretKeyRef:cookie/value"));
    Map<String, String> resolved = PodEnvironment.resolve(env, "app-0", "ns", "10.1.2.3");
    assertThat(resolved)
        .containsEntry("POD_IP", "10.1.2.3")
        .containsEntry("POD_NAME", "app-0")
        .containsEntry("RELEASE_NODE", "app@10.1.2.3")
        .containsEntry("LITERAL", "$(POD_IP) $(UNKNOWN)")
        .containsEntry("COOKIE", "<secret cookie/value>");
  }

  @Test
  void erlangTriesDottedNamesAsIsFirstAndIgnoresNdots() {
    assertThat(Expectation.podCandidates("svc.ns", "ns", "cluster.local")).containsExactly(
        "svc.ns.", "svc.ns.ns.svc.cluster.local.", "svc.ns.svc.cluster.local.", "svc.ns.cluster.local.");
    assertThat(Expectation.podCandidates("svc", "ns", "cluster.local"))
        .containsExactly("svc.ns.svc.cluster.local.", "svc.svc.cluster.local.", "svc.cluster.local.");
    assertThat(Expectation.podCandidates("svc.ns.svc.cluster.local.", "ns", "cluster.local")).containsExactly("svc.ns.svc.cluster.local.");
  }

  @Test
  void examplePodNamesLookLikeTheControllersOnesAndAreStable() {
    String a = ExamplePods.suffix(42, 5);
    assertThat(a).matches("[bcdfghjklmnpqrstvwxz2456789]{5}").isEqualTo(ExamplePods.suffix(42, 5));
  }

  @Test
  void deploymentPodNamesAreCutTo58BeforeTheRandomSuffixAsTheApiServerDoes() {
    ContainerInfo c = new ContainerInfo("app", List.of(), List.of(), Optional.empty());
    PodTemplate t = new PodTemplate(Map.of("app", "app"), null, null, false, List.of(c));
    List<ExamplePod> shortPods = ExamplePods.of(new WorkloadInfo(WorkloadKind.DEPLOYMENT, "ns", "ledger", 3, null, t, "t"), "cluster.local");
    assertThat(shortPods).allSatisfy(p -> assertThat(p.name()).matches("ledger-[bcdfghjklmnpqrstvwxz2456789]{10}-[bcdfghjklmnpqrstvwxz2456789]{5}"));
    String longName = "ledger-" + "x".repeat(44);
    List<ExamplePod> longPods = ExamplePods.of(new WorkloadInfo(WorkloadKind.DEPLOYMENT, "ns", longName, 3, null, t, "t"), "cluster.local");
    assertThat(longPods).allSatisfy(p -> {
      assertThat(p.name()).hasSize(63).startsWith(longName + "-");
      assertThat(p.host().hostname()).isEqualTo(p.name());
    });
    assertThat(longPods).extracting(ExamplePod::name).doesNotHaveDuplicates();
    assertThat(ExamplePods.generated("b".repeat(70) + "-", "zzzzz")).isEqualTo("b".repeat(58) + "zzzzz");
    assertThat(ExamplePods.generated("app-abc-", "zzzzz")).isEqualTo("app-abc-zzzzz");
    List<ExamplePod> sts = ExamplePods.of(new WorkloadInfo(WorkloadKind.STATEFULSET, "ns", "s".repeat(62), 1, "svc", t, "t"), "cluster.local");
    assertThat(sts.get(0).name()).isEqualTo("s".repeat(62) + "-0");
  }
}
