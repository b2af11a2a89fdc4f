package dev.clusterctl.cli.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterctl.cli.Cli;
import dev.clusterctl.testing.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@code doctor -o json} prints, for every shipped set-up and more, against docs/schemas/doctor.schema.json. */
class DoctorSchemaTest {

  private static final Path EXAMPLES = Path.of(System.getProperty("clusterctl.repo", "..")).resolve("docs/examples");
  private static final JsonSchemas SCHEMA = JsonSchemas.doctor();

  /** Every set-up in docs/examples and every broken variant: each directory that holds manifests. */
  static Stream<Path> examples() throws Exception {
    try (Stream<Path> walk = Files.walk(EXAMPLES)) {
      List<Path> dirs = walk.filter(Files::isDirectory)
          .filter(d -> d.resolve("service.yaml").toFile().exists())
          .sorted()
          .toList();
      assertThat(dirs).hasSizeGreaterThanOrEqualTo(9);
      return dirs.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleAndBrokenVariant(Path example) throws Exception {
    Cli.Result r = Cli.run("doctor", "-f", example.toString(), "-o", "json");
    SCHEMA.check("doctor -f " + EXAMPLES.relativize(example), r.out());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("exitCode").asInt()).as("the exit code the document states").isEqualTo(r.exit());
    assertThat(doc.get("results")).isNotEmpty();
  }

  @Test
  void warningsFailingTheRunAndASingleChecksSubset() {
    Path deployment = EXAMPLES.resolve("srv-deployment");
    SCHEMA.check("--fail-on warn", Cli.run("doctor", "-f", deployment.toString(), "-o", "json", "--fail-on", "warn").out());
    SCHEMA.check("--only", Cli.run("doctor", "-f", deployment.toString(), "-o", "json", "--only", "service-headless,cookie-consistent").out());
  }

  @Test
  void manifestsAloneWithoutTheReleaseHaveNoDiscoveryNorNodeName() throws Exception {
    Path deployment = EXAMPLES.resolve("srv-deployment");
    Cli.Result r = Cli.run("doctor", "-f", deployment.resolve("service.yaml").toString(), "-f", deployment.resolve("deployment.yaml").toString(),
        "-o", "json");
    SCHEMA.check("doctor on manifests alone", r.out());
    JsonNode target = new ObjectMapper().readTree(r.out()).get("target");
    assertThat(target.get("discovery").isNull()).as(target.toString()).isTrue();
    assertThat(target.get("nodeName").isNull()).as(target.toString()).isTrue();
    assertThat(target.get("corefile").get("assumedDefault").asBoolean()).isTrue();
  }

  @Test
  void aStrategyFromTheCommandLine() {
    Path deployment = EXAMPLES.resolve("srv-deployment");
    Cli.Result r = Cli.run("doctor", "-f", deployment.resolve("service.yaml").toString(), "-f", deployment.resolve("deployment.yaml").toString(),
        "--strategy", "libcluster-dns", "--basename", "ledger", "--domain", "ledger-dist.payments.svc.cluster.local", "-o", "json");
    SCHEMA.check("doctor --strategy libcluster-dns", r.out());
  }

  @Test
  void theListOfChecks() {
    SCHEMA.check("--list-checks -o json", Cli.run("doctor", "--list-checks", "-o", "json").out());
    SCHEMA.check("--list-checks -o json --skip", Cli.run("doctor", "--list-checks", "-o", "json", "--skip", "pod-fqdn").out());
  }

  @Test
  void againstTheApiOfAMockCluster(@TempDir Path dir) throws Exception {
    for (String example : List.of("srv-deployment", "broken/srv-no-subdomain")) {
      try (MockCluster c = MockCluster.start()) {
        c.apply(EXAMPLES.resolve(example));
        c.runControllers(0);
        c.corednsPods(Instant.parse("2026-11-21T09:00:00Z"));
        Path config = EXAMPLES.resolve(example).resolve("config");
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
            apiVersion: v1
            kind: Config
            clusters: [{name: mock, cluster: {server: %s}}]
            users: [{name: me, user: {token: not-a-secret}}]
            contexts: [{name: mock, context: {cluster: mock, user: me, namespace: payments}}]
            current-context: mock
            """.formatted(c.url()));
        Cli.Result r = Cli.run("doctor", "--kubeconfig", kubeconfig.toString(), "--sys-config", config.resolve("sys.config").toString(),
            "--vm-args", config.resolve("vm.args.src").toString(), "-o", "json");
        SCHEMA.check("doctor against the API, " + example, r.out());
      }
    }
  }
}
