package dev.clusterctl.cli.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.clusterctl.cli.Cli;
import dev.clusterctl.judge.CheckRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code doctor -o sarif} against the SARIF 2.1.0 schema (OASIS, errata 01: the file in
 * src/test/resources/sarif, from github.com/oasis-tcs/sarif-spec), and against what the JSON
 * report of the same run says: one result per warning or failure, each at its manifest line.
 */
class DoctorSarifTest {

  private static final Path EXAMPLES = Path.of(System.getProperty("clusterctl.repo", "..")).resolve("docs/examples");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SARIF = sarifSchema();

  private static Schema sarifSchema() {
    try (InputStream in = DoctorSarifTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
          builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
      return registry.getSchema(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> errors(JsonNode doc) {
    return SARIF.validate(doc).stream().map(Error::toString).toList();
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> walk = Files.walk(EXAMPLES)) {
      return walk.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("service.yaml"))).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValidSarifWithAResultPerFinding(Path example) throws Exception {
    Cli.Result sarif = Cli.run("doctor", "-f", example.toString(), "-o", "sarif");
    JsonNode doc = JSON.readTree(sarif.out());
    assertThat(errors(doc)).as("SARIF 2.1.0 schema; printed:%n%s", sarif.out()).isEmpty();
    assertThat(sarif.err()).isEmpty();

    JsonNode report = JSON.readTree(Cli.run("doctor", "-f", example.toString(), "-o", "json").out());
    assertThat(sarif.exit()).as("the same exit code as the other formats").isEqualTo(report.get("exitCode").asInt());
    List<String> findings = new ArrayList<>();
    for (JsonNode r : report.get("results")) {
      String status = r.get("status").asText();
      if (status.equals("fail") || status.equals("warn")) {
        findings.add(r.get("id").asText() + " " + (status.equals("fail") ? "error" : "warning"));
      }
    }
    JsonNode run = doc.get("runs").get(0);
    List<String> results = new ArrayList<>();
    Set<String> ruleIds = new HashSet<>();
    run.get("tool").get("driver").get("rules").forEach(rule -> ruleIds.add(rule.get("id").asText()));
    for (JsonNode r : run.get("results")) {
      results.add(r.get("ruleId").asText() + " " + r.get("level").asText());
      assertThat(ruleIds).contains(r.get("ruleId").asText());
      assertThat(run.get("tool").get("driver").get("rules").get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
      assertThat(r.get("message").get("text").asText()).isNotBlank();
    }
    assertThat(results).containsExactlyElementsOf(findings);
  }

  @Test
  void rulesComeFromTheCheckRegistry() throws Exception {
    JsonNode doc = JSON.readTree(Cli.run("doctor", "-f", EXAMPLES.resolve("srv-deployment").toString(), "-o", "sarif").out());
    JsonNode rules = doc.get("runs").get(0).get("tool").get("driver").get("rules");
    List<String> ids = new ArrayList<>();
    rules.forEach(r -> ids.add(r.get("id").asText()));
    assertThat(ids).containsExactlyElementsOf(CheckRegistry.standard().all().stream().map(c -> c.id()).toList());
    var check = CheckRegistry.standard().byId("pod-subdomain").orElseThrow();
    JsonNode rule = rules.get(ids.indexOf("pod-subdomain"));
    assertThat(rule.get("shortDescription").get("text").asText()).isEqualTo(check.title());
    assertThat(rule.get("fullDescription").get("text").asText()).isEqualTo(check.description());
    assertThat(rule.get("helpUri").asText()).startsWith("https://").endsWith("docs/checks.md#pod-subdomain");
    JsonNode only = JSON.readTree(Cli.run("doctor", "-f", EXAMPLES.resolve("srv-deployment").toString(), "-o", "sarif", "--only", "pod-subdomain").out());
    assertThat(only.get("runs").get(0).get("tool").get("driver").get("rules")).hasSize(1);
  }

  @Test
  void eachFindingPointsAtTheManifestFileAndLineOfItsObject() throws Exception {
    Path broken = EXAMPLES.resolve("broken/srv-not-headless");
    JsonNode run = JSON.readTree(Cli.run("doctor", "-f", broken.toString(), "-o", "sarif").out()).get("runs").get(0);
    JsonNode headless = null;
    for (JsonNode r : run.get("results")) {
      if (r.get("ruleId").asText().equals("service-headless")) {
        headless = r;
      }
    }
    assertThat(headless).isNotNull();
    JsonNode physical = headless.get("locations").get(0).get("physicalLocation");
    String uri = physical.get("artifactLocation").get("uri").asText();
    assertThat(uri).endsWith("docs/examples/broken/srv-not-headless/service.yaml");
    if (!uri.startsWith("file:")) {
      // relative to the directory clusterctl ran in: a checkout's root in CI
      assertThat(physical.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    }
    int line = physical.get("region").get("startLine").asInt();
    List<String> lines = Files.readAllLines(broken.resolve("service.yaml"));
    assertThat(String.join("\n", lines.subList(line - 1, Math.min(lines.size(), line + 3)))).contains("kind: Service");
    assertThat(headless.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText())
        .isEqualTo("Service/payments/ledger-dist");

    // a release setting points at its file and line too (vm.args.src, line 3: -name)
    Path sname = EXAMPLES.resolve("broken/srv-no-subdomain");
    JsonNode run2 = JSON.readTree(Cli.run("doctor", "-f", sname.toString(), "-o", "sarif").out()).get("runs").get(0);
    List<String> where = new ArrayList<>();
    run2.get("results").forEach(r -> {
      JsonNode p = r.get("locations").get(0).get("physicalLocation");
      where.add(r.get("ruleId").asText() + " " + p.get("artifactLocation").get("uri").asText().replaceAll(".*/docs/examples/", "")
          + ":" + p.get("region").get("startLine").asInt());
    });
    assertThat(where).contains("node-name broken/srv-no-subdomain/config/vm.args.src:3", "pod-subdomain broken/srv-no-subdomain/deployment.yaml:1");
  }

  @Test
  void theSchemaBites() throws Exception {
    ObjectNode doc = (ObjectNode) JSON.readTree(Cli.run("doctor", "-f", EXAMPLES.resolve("broken/srv-sname").toString(), "-o", "sarif").out());
    assertThat(errors(doc)).isEmpty();
    ObjectNode wrongLevel = doc.deepCopy();
    ((ObjectNode) wrongLevel.get("runs").get(0).get("results").get(0)).put("level", "fail");
    assertThat(errors(wrongLevel)).isNotEmpty();
    ObjectNode noVersion = doc.deepCopy();
    noVersion.remove("version");
    assertThat(errors(noVersion)).isNotEmpty();
  }
}
