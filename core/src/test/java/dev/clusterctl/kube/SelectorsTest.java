package dev.clusterctl.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Label selectors as Kubernetes matches them: equality maps and set-based requirements. */
class SelectorsTest {

  private static final Map<String, String> POD = Map.of("app", "ledger", "tier", "backend");

  @Test
  void equalityMapsNeedEveryPair() {
    assertThat(Selectors.matches(Map.of("app", "ledger"), POD)).isTrue();
    assertThat(Selectors.matches(Map.of("app", "ledger", "tier", "web"), POD)).isFalse();
    assertThat(Selectors.matches(Map.of("app", "ledger", "track", "stable"), POD)).isFalse();
    assertThat(Selectors.matches(Map.of(), POD)).isTrue();
  }

  @Test
  void setBasedRequirements() {
    assertThat(Selectors.matches(req("tier", "In", "backend", "db"), "backend")).isTrue();
    assertThat(Selectors.matches(req("tier", "In", "db"), "backend")).isFalse();
    assertThat(Selectors.matches(req("tier", "In", "db"), null)).isFalse();
    assertThat(Selectors.matches(req("tier", "NotIn", "web"), "backend")).isTrue();
    assertThat(Selectors.matches(req("tier", "NotIn", "web"), null)).isTrue();
    assertThat(Selectors.matches(req("tier", "Exists"), null)).isFalse();
    assertThat(Selectors.matches(req("tier", "DoesNotExist"), null)).isTrue();
    assertThat(Selectors.matches(req("tier", "Bogus"), "backend")).isFalse();
  }

  @Test
  void labelSelectorsCombineLabelsAndExpressions() {
    LabelSelector both = new LabelSelectorBuilder().withMatchLabels(Map.of("app", "ledger")).withMatchExpressions(req("tier", "In", "backend")).build();
    assertThat(Selectors.matches(both, POD)).isTrue();
    assertThat(Selectors.matches(both, Map.of("app", "ledger", "tier", "web"))).isFalse();
    assertThat(Selectors.matches(new LabelSelector(), POD)).as("an empty selector selects everything").isTrue();
    assertThat(Selectors.matches((LabelSelector) null, POD)).as("an absent selector selects nothing").isFalse();
  }

  private static LabelSelectorRequirement req(String key, String op, String... values) {
    return new LabelSelectorRequirement(key, op, List.of(values));
  }
}
