package dev.clusterctl.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes' {@code $(VAR)} expansion, with cases from the Container API reference ("Variable
 * references $(VAR_NAME) are expanded using the previously defined environment variables in the
 * container… If a variable cannot be resolved, the reference in the input string will be
 * unchanged. Double $$ are reduced to a single $…") and kubelet's expansion tests.
 */
class KubeExpansionTest {

  private static final Origin AT = Origin.file("deployment.yaml", 20);

  private static String expand(String text, Map<String, String> vars) {
    Map<String, TextValue> defined = new java.util.LinkedHashMap<>();
    vars.forEach((k, v) -> defined.put(k, TextValue.of(v, Origin.env(k))));
    return KubeExpansion.expand(text, AT, defined).value().template();
  }

  @Test
  void theDocumentedRules() {
    Map<String, String> vars = Map.of("VAR_A", "A", "VAR_B", "B", "POD_IP", "10.0.0.1");
    assertThat(expand("$(VAR_A)", vars)).isEqualTo("A");
    assertThat(expand("___$(VAR_B)___", vars)).isEqualTo("___B___");
    assertThat(expand("$(VAR_A)-$(VAR_B)", vars)).isEqualTo("A-B");
    assertThat(expand("app@$(POD_IP)", vars)).isEqualTo("app@10.0.0.1");
    assertThat(expand("$(VAR_DOES_NOT_EXIST)", vars)).isEqualTo("$(VAR_DOES_NOT_EXIST)");
    assertThat(expand("$$(VAR_A)", vars)).isEqualTo("$(VAR_A)");
    assertThat(expand("$$$(VAR_A)", vars)).isEqualTo("$A");
    assertThat(expand("$$$$(VAR_A)", vars)).isEqualTo("$$(VAR_A)");
    assertThat(expand("$VAR_A ${VAR_A}", vars)).isEqualTo("$VAR_A ${VAR_A}");
    assertThat(expand("$(VAR_A", vars)).isEqualTo("$(VAR_A");
    assertThat(expand("trailing $", vars)).isEqualTo("trailing $");
    assertThat(expand("$()", vars)).isEqualTo("$()");
  }

  @Test
  void aShellCommandStaysLiteralText() {
    KubeExpansion.Expanded e = KubeExpansion.expand("app@$(hostname -f)", AT, Map.of());
    assertThat(e.value().known()).contains("app@$(hostname -f)");
    assertThat(e.leftLiteral()).containsExactly("hostname -f");
  }

  @Test
  void onlyEarlierVariablesAreExpandedInEnv() {
    Map<String, TextValue> env = KubeExpansion.containerEnv(List.of(
        EnvEntry.value("NODE", "app@$(POD_IP)", Origin.file("d.yaml", 30)),
        EnvEntry.runtime("POD_IP", "status.podIP", Origin.file("d.yaml", 32)),
        EnvEntry.value("RELEASE_NODE", "app@$(POD_IP)", Origin.file("d.yaml", 35)),
        EnvEntry.configMap("FROM_CM", "$(POD_IP) is not expanded", Origin.file("cm.yaml", 4))));
    assertThat(env.get("NODE").template()).isEqualTo("app@$(POD_IP)");
    assertThat(env.get("NODE").isKnown()).isTrue();
    assertThat(env.get("RELEASE_NODE").template()).isEqualTo("app@${POD_IP}");
    assertThat(env.get("RELEASE_NODE").holes()).singleElement()
        .satisfies(h -> assertThat(h.kind()).isEqualTo(TextValue.HoleKind.RUNTIME));
    assertThat(env.get("FROM_CM").known()).contains("$(POD_IP) is not expanded");
  }

  @Test
  void commandAndArgsSeeTheWholeEnvironment() {
    ReleaseNaming n = ReleaseNamingReader.read(ReleaseInputs.builder()
        .env(EnvEntry.runtime("POD_IP", "status.podIP", Origin.file("d.yaml", 30)))
        .envComplete(true)
        .command(List.of("erl"))
        .args(List.of("-name", "app@$(POD_IP)", "-setcookie", "$(COOKIE)", "-noshell"))
        .build());
    assertThat(n.kind()).isEqualTo(ReleaseKind.ERL);
    assertThat(n.name().orElseThrow().template()).isEqualTo("app@${POD_IP}");
    assertThat(n.nameOrigin()).contains(Origin.arg("args", 0));
    assertThat(n.warnings()).anySatisfy(w -> assertThat(w).contains("args[3] holds '$(COOKIE)'"));
    assertThat(n.cookie().kind()).isEqualTo(CookieSource.Kind.COMMAND_LINE);
    assertThat(n.cookie().toString()).doesNotContain("COOKIE)").contains("args[2]");
  }
}
