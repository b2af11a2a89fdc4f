package dev.clusterctl.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.clusterctl.cli.Cli;
import dev.clusterctl.testing.RealServers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every manifest fixture read two ways gives the same doctor JSON: directly ({@code -f DIR}) and
 * as {@code kubectl kustomize} renders the same files ({@code -k}, which writes plain YAML with
 * anchors expanded, merge keys applied and the objects in its own order). Only the origins
 * ({@code file:line}, or a fix's {@code file} and {@code line}) and the list of inputs may differ. A fixture whose {@code expected} says
 * {@code kustomize=differs} is one where the two kubectl paths really disagree (an unquoted
 * {@code on} is a boolean to {@code apply -f}, the string "on" to {@code apply -k}): there doctor
 * must disagree the same way.
 */
class KustomizeDifferentialTest {

  static final Path EXAMPLES = Path.of("..", "docs", "examples");
  static final Path FIXTURES = Path.of("..", "core", "src", "test", "resources", "manifests");
  static final ObjectMapper JSON = new ObjectMapper();

  /** Origins as the readers write them: a manifest file and line, or the kustomize input and line. */
  static final Pattern ORIGIN = Pattern.compile("(kustomize [^\\s:()]+|[^\\s:()]+\\.(ya?ml|json)):\\d+");

  /** Every directory under the examples and the fixtures that holds manifests and a release's config. */
  static Stream<String> fixtures() throws IOException {
    List<String> out = new ArrayList<>();
    for (Path root : List.of(EXAMPLES, FIXTURES)) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isDirectory).filter(d -> Files.isRegularFile(d.resolve("config/sys.config"))).sorted().forEach(d -> out.add(d.toString()));
      }
    }
    return out.stream();
  }

  @TempDir Path tmp;

  @ParameterizedTest
  @MethodSource("fixtures")
  void sameVerdictReadDirectlyAsThroughKubectlKustomize(String fixture) throws IOException {
    RealServers.require("kubectl", "kubectl");
    Path dir = Path.of(fixture);
    String sys = dir.resolve("config/sys.config").toString();
    String vm = Files.isRegularFile(dir.resolve("config/vm.args.src")) ? dir.resolve("config/vm.args.src").toString() : dir.resolve("config/vm.args").toString();
    List<String> manifests;
    try (Stream<Path> files = Files.list(dir)) {
      manifests = files.filter(f -> f.getFileName().toString().matches(".*\\.(ya?ml|json)")).map(f -> f.getFileName().toString()).sorted().toList();
    }
    Path k = Files.createDirectories(tmp.resolve("k"));
    StringBuilder kustomization = new StringBuilder("resources:\n");
    for (String m : manifests) {
      Files.copy(dir.resolve(m), k.resolve(m));
      kustomization.append("- ").append(m).append('\n');
    }
    Files.writeString(k.resolve("kustomization.yaml"), kustomization.toString());

    Cli.Result direct = Cli.run("doctor", "-f", dir.toString(), "--sys-config", sys, "--vm-args", vm, "-o", "json");
    Cli.Result viaKustomize = Cli.run("doctor", "-k", k.toString(), "--sys-config", sys, "--vm-args", vm, "-o", "json");

    if ("differs".equals(expected(dir).getProperty("kustomize"))) {
      assertThat(direct.exit()).as(direct.err()).isEqualTo(2);
      assertThat(direct.err().lines().findFirst().orElse("")).contains(expected(dir).getProperty("message"));
      assertThat(viaKustomize.exit()).as(viaKustomize.err()).isIn(0, 1);
      return;
    }
    assertThat(direct.exit()).as(direct.err()).isIn(0, 1);
    assertThat(viaKustomize.exit()).as(viaKustomize.err()).isEqualTo(direct.exit());
    assertThat(verdictBearing(viaKustomize.out())).isEqualTo(verdictBearing(direct.out()));
  }

  static Properties expected(Path dir) throws IOException {
    Properties p = new Properties();
    Path f = dir.resolve("expected");
    if (Files.isRegularFile(f)) {
      try (InputStream in = Files.newInputStream(f)) {
        p.load(in);
      }
    }
    return p;
  }

  /** The report without its inputs, every origin ({@code file:line}) replaced by a placeholder. */
  static JsonNode verdictBearing(String json) throws IOException {
    JsonNode root = JSON.readTree(json);
    ((ObjectNode) root).remove("inputs");
    JsonNode fix = root.get("fix");
    if (fix != null && fix.has("changes")) {
      // where a change is written is the input's origin: a file read with -f, kustomize's output with -k
      fix.get("changes").forEach(c -> ((ObjectNode) c).put("file", "<origin>").put("line", 0));
    }
    return withoutOrigins(root);
  }

  static JsonNode withoutOrigins(JsonNode n) {
    if (n.isTextual()) {
      return new TextNode(ORIGIN.matcher(n.asText()).replaceAll("<origin>"));
    }
    if (n.isArray()) {
      ArrayNode a = JSON.createArrayNode();
      n.forEach(e -> a.add(withoutOrigins(e)));
      return a;
    }
    if (n.isObject()) {
      ObjectNode o = JSON.createObjectNode();
      // an origin written as two fields (a fix's "file" and "line"): kustomize's output is one input
      boolean origin = n.has("file") && n.has("line");
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        boolean part = origin && (e.getKey().equals("file") || e.getKey().equals("line"));
        o.set(e.getKey(), part ? new TextNode("<origin>") : withoutOrigins(e.getValue()));
      }
      return o;
    }
    return n;
  }
}
