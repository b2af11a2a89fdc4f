package dev.clusterctl.expect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.model.EnvVar;
import dev.clusterctl.model.PodHost;
import java.util.List;
import java.util.Map;
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
}
