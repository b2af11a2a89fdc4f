package dev.clusterctl.kube;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.clusterctl.error.BadInputException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML as kubectl reads it: aliases, merge keys, tags, YAML 1.1 scalars, BOM, CRLF, and the limits. */
class ManifestReaderYamlTest {

  private final ManifestReader reader = new ManifestReader();

  private List<LoadedObject> read(String text) {
    return reader.read(text.getBytes(StandardCharsets.UTF_8), "in.yaml");
  }

  @Test
  void scalarMappingAndSequenceAliasesAreExpanded() {
    List<LoadedObject> objs = read("""
        apiVersion: v1
        kind: Service
        metadata:
          name: &n ledger
          labels: &l {app: ledger}
        spec:
          selector: *l
          ports: &p
          - {name: &port dist, port: 4370, targetPort: *port}
          externalName: *n
        """);
    Service s = (Service) objs.get(0).object();
    assertThat(s.getSpec().getSelector()).containsExactly(java.util.Map.entry("app", "ledger"));
    assertThat(s.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("dist");
    assertThat(s.getSpec().getExternalName()).isEqualTo("ledger");
  }

  @Test
  void mergeKeysFollowGoYamlV2DocumentOrder() {
    List<JsonTree> t = trees("""
        base: &b {x: base, w: base}
        other: &o {w: other, z: other}
        after: {<<: *b, x: own}
        before: {x: own, <<: *b}
        list: {<<: [*b, *o]}
        quoted: {"<<": *b}
        """);
    assertThat(t.get(0).at("/after")).isEqualTo(json("{\"x\":\"own\",\"w\":\"base\"}"));
    // kubectl -f: the merge written after 'x: own' overwrites it (kustomize would keep 'own')
    assertThat(t.get(0).at("/before")).isEqualTo(json("{\"x\":\"base\",\"w\":\"base\"}"));
    // in a list of merged maps the earlier one wins
    assertThat(t.get(0).at("/list")).isEqualTo(json("{\"w\":\"base\",\"z\":\"other\",\"x\":\"base\"}"));
    // a quoted "<<" is an ordinary key
    assertThat(t.get(0).at("/quoted")).isEqualTo(json("{\"<<\":{\"x\":\"base\",\"w\":\"base\"}}"));
  }

  @Test
  void scalarsAreTypedByYaml11AsKubectlTypesThem() {
    List<JsonTree> t = trees("""
        a: on
        b: 1.10
        c: 010
        d: 0x1F
        e: 1e3
        f: ~
        g: y
        h: !!str 123
        i: 2001-12-14
        k: 0o17
        l: 1_000
        m: +12
        n: 12:30
        p: !!binary aGVsbG8=
        q: "on"
        r: !!int "7"
        s: 09
        """);
    assertThat(t.get(0).json()).isEqualTo("{\"a\":true,\"b\":1.1,\"c\":8,\"d\":31,\"e\":1000,\"f\":null,\"g\":true,\"h\":\"123\","
        + "\"i\":\"2001-12-14\",\"k\":15,\"l\":1000,\"m\":12,\"false\":\"12:30\",\"p\":\"hello\",\"q\":\"on\",\"r\":7,\"s\":9}");
  }

  @Test
  void yaml11BooleanWhereKubernetesWantsAStringIsOneLineNamingItsLineAndTheQuoting() {
    assertThatThrownBy(() -> read("""
        apiVersion: v1
        kind: Service
        metadata:
          name: s
          labels:
            app: ledger
            metrics: on
        """))
        .isInstanceOf(BadInputException.class)
        .hasMessage("in.yaml:7: Service s: metadata.labels.metrics is 'on', which kubectl reads as a boolean (YAML 1.1),"
            + " but this field takes a string: quote it (\"on\")");
    assertThatThrownBy(() -> read("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          template:
            spec:
              containers:
              - name: app
                env:
                - name: ERL_DIST_PORT
                  value: 39135
        """))
        .hasMessage("in.yaml:11: Deployment d: spec.template.spec.containers[0].env[0].value is '39135', which kubectl reads as a number"
            + " (YAML 1.1), but this field takes a string: quote it (\"39135\")");
  }

  /**
   * The API server decodes a spec into its Go type with the same JSON rules, so these are refused
   * on apply ("cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type
   * int32"); doctor says so before.
   */
  @Test
  void aWrongTypeInASpecIsRefusedAsTheApiServerRefusesIt() {
    assertThatThrownBy(() -> read("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: '3'\n"))
        .hasMessage("in.yaml:5: Deployment d: spec.replicas is '3', which kubectl reads as a string, but this field takes a number");
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  port: 4369\n"))
        .hasMessage("in.yaml:5: ConfigMap c: data.port is '4369', which kubectl reads as a number (YAML 1.1), but this field takes a string: quote it (\"4369\")");
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  publishNotReadyAddresses: 'true'\n"))
        .hasMessage("in.yaml:5: Service s: spec.publishNotReadyAddresses is 'true', which kubectl reads as a string, but this field takes true or false");
  }

  @Test
  void otherWrongShapesNameTheFieldAndItsLineInWords() {
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: 80\n    targetPort: {a: 1}\n"))
        .hasMessage("in.yaml:7: Service s: spec.ports[0].targetPort, which kubectl reads as a mapping, but this field takes a number or a string"
            + " (a port number or a port name)");
    assertThatThrownBy(() -> read("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers:\n"
        + "      - name: c\n        resources: {limits: {memory: [1]}}\n"))
        .hasMessageStartingWith("in.yaml:9: Deployment d: spec.template.spec.containers[0].resources.limits.memory, which kubectl reads as a list")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("io.fabric8").doesNotContain("java."));
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: |\n  Corefile: .:53 {\n  }\n"))
        .hasMessage("in.yaml:4: ConfigMap c: data is 'Corefile: .:53 {…', which kubectl reads as a string, but this field takes a mapping");
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: [a]}\n"))
        .hasMessage("in.yaml:3: ConfigMap c: metadata.labels, which kubectl reads as a list, but this field takes a mapping");
  }

  @Test
  void aByteOrderMarkAndCrlfLineEndsReadAsKubectlReadsThem() {
    String text = "\uFEFF# c\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: a}\r\ndata:\r\n  k: |\r\n    one\r\n    two\r\n---\r\n"
        + "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: b}\r\n";
    List<LoadedObject> objs = read(text);
    assertThat(objs).extracting(LoadedObject::origin).containsExactly("in.yaml:2", "in.yaml:10");
    assertThat(((ConfigMap) objs.get(0).object()).getData()).containsEntry("k", "one\ntwo\n");
  }

  @Test
  void duplicateKeysStayAnErrorWithBothLines() {
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  k: one\n  k: two\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("in.yaml:6: key 'k' appears twice in one mapping (first at line 5)");
    // 'on' and 'true' are the same key to YAML 1.1
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {on: a, true: b}\n"))
        .hasMessageContaining("key 'true' appears twice");
  }

  @Test
  void anAliasBombEndsInOneLineWithinSeconds() {
    StringBuilder b = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      b.append("l").append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        b.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      b.append("]\n");
    }
    assertTimeoutPreemptively(ofSeconds(10), () ->
        assertThatThrownBy(() -> read(b.toString()))
            .isInstanceOf(BadInputException.class)
            .hasMessageContaining("in.yaml:")
            .hasMessageContaining("aliases expand this document to more than 1000000 values"));
  }

  @Test
  void anAliasThatContainsItselfIsOneLine() {
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nloop: &a [x, *a]\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("an alias that contains itself");
  }

  @Test
  void nestingTooDeepIsOneLineNotAStackOverflow() {
    String deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    assertTimeoutPreemptively(ofSeconds(10), () ->
        assertThatThrownBy(() -> read(deep))
            .isInstanceOf(BadInputException.class)
            .hasMessage("in.yaml:5: YAML nested more than 200 levels deep"));
    // 150 levels of text, each holding an alias of another 150: deep only once expanded
    String viaAliases = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nx: &x " + "[".repeat(150) + "]".repeat(150) + "\ny: "
        + "[".repeat(150) + "*x" + "]".repeat(150) + "\n";
    assertThatThrownBy(() -> read(viaAliases)).hasMessageContaining("levels deep once aliases are expanded");
    String json = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThatThrownBy(() -> read(json)).isInstanceOf(BadInputException.class).hasMessage("in.yaml: JSON nested more than 200 levels deep");
  }

  @Test
  void tooManyAliasesOfCollectionsAreOneLine() {
    String many = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nx: &x [1]\ny: [" + "*x, ".repeat(ManifestReader.MAX_COLLECTION_ALIASES) + "*x]\n";
    assertThatThrownBy(() -> read(many))
        .isInstanceOf(BadInputException.class)
        .hasMessage("in.yaml: more than 10000 aliases of mappings or lists in one document (an alias bomb?)");
  }

  @Test
  void oneDocumentLargerThanKubernetesStoresIsRefusedOthersAreNot() {
    String big = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  k: " + "x".repeat(ManifestReader.MAX_DOCUMENT_CHARS) + "\n";
    assertThatThrownBy(() -> read(big))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("in.yaml: one YAML document is longer than 8 MB");
    // many documents, 12 MB in all: no limit on the file
    String doc = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  k: " + "x".repeat(1024 * 1024) + "\n";
    assertThat(read(doc.repeat(12))).hasSize(12);
  }

  @Test
  void syntaxErrorsUndefinedAliasesAndBadMergesAreOneLine() {
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: *nope}\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("in.yaml: line 3, column ")
        .hasMessageContaining("not valid YAML: found undefined alias nope");
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  <<: just text\n"))
        .hasMessageStartingWith("in.yaml:4: a merge key '<<' takes a mapping or a list of mappings");
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nx: .inf\n"))
        .hasMessageStartingWith("in.yaml:4: '.inf' is infinity");
  }

  @Test
  void integralFloatsFitIntegerFieldsAsInGosJson() {
    Deployment d = (Deployment) read("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 3.0}\n").get(0).object();
    assertThat(d.getSpec().getReplicas()).isEqualTo(3);
    assertThatThrownBy(() -> read("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 3.5}\n"))
        .hasMessage("in.yaml:4: Deployment d: spec.replicas is '3.5', which kubectl reads as a number (YAML 1.1), but this field takes a number");
  }

  /** One document's JSON tree, as compact JSON. */
  record JsonTree(com.fasterxml.jackson.databind.JsonNode node) {
    String json() {
      return node.toString();
    }

    com.fasterxml.jackson.databind.JsonNode at(String pointer) {
      return node.at(pointer);
    }
  }

  /** Key order aside, as JSON objects compare. */
  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static List<JsonTree> trees(String text) {
    return ManifestReader.yamlTrees(text, "in.yaml").stream().map(JsonTree::new).toList();
  }
}
