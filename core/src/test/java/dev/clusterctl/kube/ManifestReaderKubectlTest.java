package dev.clusterctl.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.testing.RealServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference for how YAML reads is kubectl itself: {@code kubectl annotate --local -f FILE x=y
 * -o json} decodes a manifest exactly as {@code kubectl apply -f} does (go-yaml v2 through
 * sigs.k8s.io/yaml, then Go's JSON into the object) without a cluster. Each case is read by both,
 * and the JSON must be the same; where kubectl refuses a file, so must we.
 */
class ManifestReaderKubectlTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEAD = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n";

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {
    // YAML 1.1 scalars: booleans, nulls, numbers in every base go-yaml v2 accepts, floats, strings
    "spec: {a: on, b: Off, c: yes, d: NO, e: y, f: n, g: true, h: ~, i: null, j: , k: 'on'}\n",
    "spec: {a: 1.10, b: 010, c: 0x1F, d: 0o17, e: 0b101, f: -0b11, g: 1_000, h: +12, i: 09, j: 1e3, k: -.5, l: +.5, m: 685_230.15}\n",
    "spec: {a: 12:30, b: 2001-12-14, c: 2001-12-14T21:59:43.10-05:00, d: 0x, e: 1.2.3, f: '010', g: \"1.10\", h: 9223372036854775807,"
        + " i: 9223372036854775808, j: 18446744073709551616, k: -9223372036854775809, l: .5e3, m: 1__0}\n",
    // keys are typed too, then written as strings
    "spec:\n  y: 1\n  n: 2\n  1: 4\n  010: 5\n  ~x: 6\n  1.5: 7\n",
    // explicit tags
    "spec: {a: !!str 123, b: !!str on, c: !!int \"42\", d: !!float 3, e: !!bool 'yes', f: !!binary aGVsbG8gd29ybGQ=, g: !custom 5}\n",
    // anchors and aliases of scalars, mappings and sequences
    "spec:\n  base: &b {x: 1, y: [a, b]}\n  copy: *b\n  list: &l [*b, *b]\n  again: *l\n  s: &s 'text'\n  t: *s\n  n: &n 5\n  m: *n\n",
    // merge keys, go-yaml v2 order: a key before '<<' is overwritten by the merge, one after it wins
    "spec:\n  b: &b {x: base, w: base}\n  o: &o {w: other, z: other}\n  after: {<<: *b, x: own}\n  before: {x: own, <<: *b}\n"
        + "  list: {<<: [*b, *o]}\n  inline: {<<: {p: 1}, q: 2}\n  nested: {<<: {<<: *b, v: 3}}\n",
    // block scalars, chomping, folding, quoting and escapes
    "spec:\n  lit: |\n    one\n      two\n    three\n  strip: |-\n    x\n\n  keep: |+\n    y\n\n  fold: >\n    a\n    b\n\n    c\n"
        + "  plain: multi\n    line words\n  dq: \"tab\\there \\u00e9 \\\"q\\\"\"\n  sq: 'it''s'\n",
    // comments everywhere, an end-of-document marker, flow collections
    "# lead\nspec: # trailing\n  # inside\n  a: [1, 'two', {three: 3}] # after\n  b: {}\n  c: []\n...\n",
  })
  void readsEveryCaseAsKubectlDoes(String body) throws Exception {
    assertSameAsKubectl(HEAD + body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uFEFF", ""})
  void byteOrderMarkAndCrlfAsKubectl(String bom) throws Exception {
    assertSameAsKubectl(bom + (HEAD + "spec:\n  a: on\n  b: |\n    x\n    y\n").replace("\n", "\r\n"));
  }

  /**
   * What kubectl refuses before any server sees it: YAML it cannot turn into JSON, and object
   * metadata of the wrong type. (A wrong type in a spec, such as {@code replicas: '3'}, passes
   * {@code --local}, which keeps objects unstructured, and is refused by the API server's decoding
   * with the same Go rule; ManifestReaderYamlTest holds those.)
   */
  @ParameterizedTest
  @ValueSource(strings = {
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  labels: {metrics: on}\n",
    "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: n}\n",
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, annotations: {replicas: 3}}\n",
    "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {a: .inf}\n",
    "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {a: .nan}\n",
    "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {<<: text}\n",
  })
  void refusesWhatKubectlRefuses(String manifest) throws Exception {
    Kubectl k = kubectl(manifest);
    assertThat(k.exit).as("kubectl refuses it: %s", k.out).isNotZero();
    assertThatThrownBy(() -> new ManifestReader().read(manifest.getBytes(StandardCharsets.UTF_8), "in.yaml"))
        .isInstanceOf(BadInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith("in.yaml:").doesNotContain("\n").doesNotContain("java."));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 3.0, template: {spec: {containers: [{name: c, ports: [{containerPort: 4369}]}]}}}\n",
    "apiVersion: v1\nkind: Service\nmetadata: {name: s, labels: {app: 'on', v: \"1.10\"}}\nspec: {ports: [{port: 80, targetPort: http}, {port: 81, targetPort: 8081}]}\n",
  })
  void acceptsWhatKubectlAccepts(String manifest) throws Exception {
    Kubectl k = kubectl(manifest);
    assertThat(k.exit).as(k.out).isZero();
    assertThat(new ManifestReader().read(manifest.getBytes(StandardCharsets.UTF_8), "in.yaml")).hasSize(1);
  }

  private void assertSameAsKubectl(String manifest) throws Exception {
    Kubectl k = kubectl(manifest);
    assertThat(k.exit).as("kubectl reads it: %s", k.out).isZero();
    JsonNode theirs = JSON.readTree(k.out);
    List<JsonNode> theirDocs = new ArrayList<>();
    if ("List".equals(theirs.path("kind").asText()) && theirs.has("items")) {
      theirs.get("items").forEach(theirDocs::add);
    } else {
      theirDocs.add(theirs);
    }
    for (JsonNode d : theirDocs) {
      ObjectNode meta = (ObjectNode) d.get("metadata");
      meta.remove("annotations");
    }
    List<JsonNode> ours = ManifestReader.yamlTrees(manifest.startsWith("\uFEFF") ? manifest.substring(1) : manifest, "in.yaml");
    assertThat(canonical(ours)).as("our reading of:\n%s", manifest).isEqualTo(canonical(theirDocs));
  }

  /** Both sides through one mapper, so that 1000 and 1000.0, or key order, cannot differ by representation. */
  private static Object canonical(List<JsonNode> docs) throws IOException {
    return JSON.readValue(JSON.writeValueAsString(docs), Object.class);
  }

  private record Kubectl(int exit, String out) {}

  private Kubectl kubectl(String manifest) throws Exception {
    Path kubectl = RealServers.require("kubectl", "kubectl");
    Path f = tmp.resolve("in-" + System.nanoTime() + ".yaml");
    Files.writeString(f, manifest, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(kubectl.toString(), "annotate", "--local", "-f", f.toString(), "x=y", "-o", "json")
        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl did not finish");
    }
    return new Kubectl(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
