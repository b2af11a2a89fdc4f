package dev.clusterctl.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.judge.PolicyRules.Admission;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyRulesTest {

  private static final Map<String, String> APP = Map.of("app", "ledger");
  private static final List<String> IPS = List.of("10.244.1.7", "10.244.2.9");

  /** An ingress policy on the ledger pods in namespace payments with {@code rule} as its one rule. */
  private static NetworkPolicy ingress(String rule) {
    return Serialization.unmarshal(
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: payments}
        spec:
          podSelector: {matchLabels: {app: ledger}}
          policyTypes: [Ingress]
          ingress:
          - %s
        """.formatted(rule),
        NetworkPolicy.class);
  }

  private static Admission admits(String rule, List<String> ips, int port) {
    NetworkPolicy p = ingress(rule);
    assertThat(PolicyRules.isolates(p, APP, true)).isTrue();
    return PolicyRules.allows(p, true, APP, "payments", ips, port, port == 4369 ? "epmd" : null).settle(ips);
  }

  @Test
  void podSelectorPeersDecide() {
    assertThat(admits("from: [{podSelector: {matchLabels: {app: ledger}}}]", IPS, 4369)).isEqualTo(Admission.ALLOWED);
    assertThat(admits("from: [{podSelector: {matchLabels: {app: web}}}]", IPS, 4369).blocked()).isTrue();
    assertThat(admits("from: [{podSelector: {}}]\n    ports: [{port: epmd}]", IPS, 4369)).isEqualTo(Admission.ALLOWED);
    assertThat(admits("from: [{podSelector: {}}]\n    ports: [{port: 9000, endPort: 9100}]", IPS, 4369).blocked()).isTrue();
    assertThat(admits("from: [{podSelector: {}}]\n    ports: [{port: 9000, endPort: 9100}]", IPS, 9050)).isEqualTo(Admission.ALLOWED);
  }

  @Test
  void aDynamicPortNeedsARuleWithoutAPortNumberOrARangeOfEveryUnprivilegedPort() {
    assertThat(admits("from: [{podSelector: {}}]", IPS, -1)).isEqualTo(Admission.ALLOWED);
    assertThat(admits("from: [{podSelector: {}}]\n    ports: [{protocol: TCP}]", IPS, -1)).isEqualTo(Admission.ALLOWED);
    assertThat(admits("from: [{podSelector: {}}]\n    ports: [{port: 1024, endPort: 65535}]", IPS, -1)).isEqualTo(Admission.ALLOWED);
    assertThat(admits("from: [{podSelector: {}}]\n    ports: [{port: 9100}]", IPS, -1).blocked()).isTrue();
    Admission range = admits("from: [{podSelector: {}}]\n    ports: [{port: 32768, endPort: 60999}]", IPS, -1);
    assertThat(range.allowed()).isFalse();
    assertThat(range.uncertain()).singleElement().asString().contains("32768-60999").contains("fix the port");
    assertThat(admits("from: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 32768, endPort: 60999}]", IPS, -1).blocked())
        .as("the range does not matter when the peers do not match").isTrue();
  }

  @Test
  void namespaceSelectorsOnTheNameLabelDecideAndOthersDependOnLabelsDoctorDoesNotRead() {
    assertThat(admits("from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: payments}}}]", IPS, 4369))
        .isEqualTo(Admission.ALLOWED);
    assertThat(admits("from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: web}}}]", IPS, 4369).blocked()).isTrue();
    assertThat(admits("from: [{namespaceSelector: {}}]", IPS, 4369)).isEqualTo(Admission.ALLOWED);

    Admission team = admits("from: [{namespaceSelector: {matchLabels: {team: payments}}, podSelector: {matchLabels: {app: ledger}}}]", IPS, 4369);
    assertThat(team.allowed()).isFalse();
    assertThat(team.blocked()).isFalse();
    assertThat(team.uncertain()).singleElement().asString()
        .contains("team=payments").contains("kubectl get namespace payments --show-labels");
    // a requirement on the name label that fails decides, whatever the other labels are
    assertThat(admits("from: [{namespaceSelector: {matchLabels: {team: payments, kubernetes.io/metadata.name: web}}}]", IPS, 4369).blocked())
        .isTrue();
    // and the pod selector still has to match
    assertThat(admits("from: [{namespaceSelector: {matchLabels: {team: payments}}, podSelector: {matchLabels: {app: web}}}]", IPS, 4369).blocked())
        .isTrue();
    Admission expr = admits("from: [{namespaceSelector: {matchExpressions: [{key: env, operator: In, values: [prod]}]}}]", IPS, 4369);
    assertThat(expr.uncertain()).singleElement().asString().contains("env In [prod]");
  }

  @Test
  void ipBlocksCoveringThePodsAreUpToTheNetworkPlugin() {
    Admission covering = admits("from: [{ipBlock: {cidr: 10.244.0.0/16}}]", IPS, 4369);
    assertThat(covering.allowed()).isFalse();
    assertThat(covering.uncertain()).singleElement().asString().contains("10.244.0.0/16").contains("network plugin");
    assertThat(admits("from: [{ipBlock: {cidr: 10.244.1.0/24}}]", IPS, 4369).blocked()).as("misses 10.244.2.9").isTrue();
    assertThat(admits("from: [{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.2.0/24]}}]", IPS, 4369).blocked()).isTrue();
    assertThat(admits("from: [{ipBlock: {cidr: 10.244.0.0/16}}]", List.of(), 4369).uncertain()).singleElement().asString()
        .contains("not known");
    // a certain peer beside it wins
    assertThat(admits("from: [{ipBlock: {cidr: 10.244.0.0/16}}, {podSelector: {}}]", IPS, 4369)).isEqualTo(Admission.ALLOWED);
    // two blocks that each miss a pod but together cover both: as open as one block covering both
    Admission together = admits("from: [{ipBlock: {cidr: 10.244.1.0/24}}, {ipBlock: {cidr: 10.244.2.0/24}}]", IPS, 4369);
    assertThat(together.blocked()).isFalse();
    assertThat(together.uncertain()).singleElement().asString().contains("10.244.1.0/24").contains("10.244.2.0/24").contains("cover the pods");
  }

  @Test
  void ipBlocksOfDifferentPoliciesCoverThePodsTogether() {
    NetworkPolicy one = ingress("from: [{ipBlock: {cidr: 10.244.1.0/24}}]");
    NetworkPolicy two = ingress("from: [{ipBlock: {cidr: 10.244.2.0/24}}]");
    Admission a = PolicyRules.allows(one, true, APP, "payments", IPS, 4369, "epmd");
    Admission b = PolicyRules.allows(two, true, APP, "payments", IPS, 4369, "epmd");
    assertThat(a.settle(IPS).blocked()).isTrue();
    assertThat(a.or(b).settle(IPS).blocked()).isFalse();
  }

  @Test
  void uncertaintiesKeepTheOrderTheyWereFoundIn() {
    Admission a = Admission.uncertain("first");
    Admission b = Admission.uncertain("second");
    Admission c = Admission.uncertain("third");
    assertThat(a.or(b).or(c).uncertain()).containsExactly("first", "second", "third");
  }

  @Test
  void cidrContainment() {
    assertThat(PolicyRules.contains("10.0.0.0/8", "10.255.1.2")).isTrue();
    assertThat(PolicyRules.contains("10.0.0.0/8", "11.0.0.1")).isFalse();
    assertThat(PolicyRules.contains("10.1.2.3/32", "10.1.2.3")).isTrue();
    assertThat(PolicyRules.contains("10.1.2.3", "10.1.2.3")).isTrue();
    assertThat(PolicyRules.contains("0.0.0.0/0", "192.0.2.1")).isTrue();
    assertThat(PolicyRules.contains("10.244.0.0/17", "10.244.127.255")).isTrue();
    assertThat(PolicyRules.contains("10.244.0.0/17", "10.244.128.0")).isFalse();
    assertThat(PolicyRules.contains("fd00:10:244::/48", "fd00:10:244:1::7")).isTrue();
    assertThat(PolicyRules.contains("fd00:10:244::/48", "fd00:10:245::7")).isFalse();
    assertThat(PolicyRules.contains("10.0.0.0/8", "fd00::1")).as("families differ").isFalse();
    assertThat(PolicyRules.contains("10.0.0.0/33", "10.0.0.1")).isFalse();
    assertThat(PolicyRules.contains("999.0.0.0/8", "999.0.0.1")).as("not addresses, and never looked up").isFalse();
    assertThat(PolicyRules.contains("ledger.example/8", "10.0.0.1")).isFalse();
    assertThat(PolicyRules.contains("10.0.0.0/x", "10.0.0.1")).isFalse();
    // strings with a colon but other than hex digits are refused before InetAddress could look them up
    assertThat(PolicyRules.contains("zz::1/64", "zz::1")).isFalse();
    assertThat(PolicyRules.contains("localhost:1/8", "127.0.0.1")).isFalse();
  }
}
