package dev.clusterctl.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterctl.testing.RealServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remediation YAML read back by kubectl itself: label values that YAML 1.1 would take for a bool or
 * a number ({@code true}, {@code on}, {@code 1.10}) stay strings, and the snippet applies to the
 * manifest it fixes ({@code kubectl patch --local}).
 */
class SnippetTest {

  private static final Map<String, String> LABELS = Map.of("app", "ledger", "enabled", "true", "tier", "on", "version", "1.10");

  @TempDir
  Path tmp;

  private JsonNode kubectlPatch(String manifest, String patch) throws IOException, InterruptedException {
    Path kubectl = RealServers.require("kubectl", "kubectl");
    Path m = Files.writeString(tmp.resolve("object.yaml"), manifest);
    Path p = Files.writeString(tmp.resolve("patch.yaml"), patch);
    Process proc = new ProcessBuilder(kubectl.toString(), "patch", "--local", "-f", m.toString(), "--type", "strategic", "--patch-file", p.toString(), "-o", "json")
        .redirectErrorStream(true).start();
    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(proc.exitValue()).as(out).isZero();
    return new ObjectMapper().readTree(out);
  }

  @Test
  void aSelectorFixKeepsLabelValuesStringsAndSelectsThePods() throws Exception {
    String snippet = ServiceSelectsPods.selectorSnippet(LABELS);
    JsonNode patched = kubectlPatch("""
        apiVersion: v1
        kind: Service
        metadata: {name: ledger-dist, namespace: payments}
        spec:
          clusterIP: None
          selector: {app: other}
        """, snippet);
    JsonNode selector = patched.get("spec").get("selector");
    LABELS.forEach((k, v) -> {
      assertThat(selector.get(k).isTextual()).as(k + " in " + snippet).isTrue();
      assertThat(selector.get(k).asText()).isEqualTo(v);
    });
  }

  @Test
  void aNetworkPolicyFixIsAValidObjectWithStringLabels() throws Exception {
    String policy = NetworkPolicyDist.policySnippet("payments", LABELS, 39135, false);
    JsonNode read = kubectlPatch(policy, "{}");
    assertThat(read.get("kind").asText()).isEqualTo("NetworkPolicy");
    JsonNode match = read.get("spec").get("podSelector").get("matchLabels");
    assertThat(match.get("enabled").isTextual()).isTrue();
    assertThat(match.get("version").asText()).isEqualTo("1.10");
    assertThat(read.get("spec").get("ingress").get(0).get("ports")).hasSize(2);
    assertThat(read.get("spec").get("egress").get(0).get("to").get(0).get("podSelector").get("matchLabels").get("tier").asText()).isEqualTo("on");
  }
}
