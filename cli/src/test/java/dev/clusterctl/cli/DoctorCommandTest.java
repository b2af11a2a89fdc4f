package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterctl.cli.exit.ExitCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code clusterctl doctor} in-process: reports, formats, selection and exit codes. */
class DoctorCommandTest {

  static final Path REPO = Path.of(System.getProperty("clusterctl.repo", ".."));
  static final Path EXAMPLES = REPO.resolve("docs/examples");

  static String example(String name) {
    return EXAMPLES.resolve(name).toString();
  }

  @Test
  void theReadmeCommandPassesWithNamesSideBySide() {
    Cli.Result r = Cli.run("doctor", "-f", example("srv-deployment"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("PASS  node-host-matches-dns")
        .contains("calls itself  ledger@ledger-")
        .contains("peers dial    ledger@ledger-")
        .contains(".ledger-dist.payments.svc.cluster.local")
        .contains("Summary: 17 passed, 0 warned, 0 failed, 4 skipped")
        .contains("the nodes should find and accept each other")
        .doesNotContain("\u001B[");
  }

  @ParameterizedTest
  @CsvSource({
    "broken/srv-no-subdomain, pod-subdomain",
    "broken/srv-no-endpoint-pod-names, coredns-endpoint-pod-names",
    "broken/srv-not-headless, service-headless",
    "broken/srv-port-name-mismatch, service-port-name",
    "broken/srv-sname, node-name",
    "broken/sts-service-name-mismatch, pod-subdomain"
  })
  void brokenExamplesExitOneNamingTheFailedCheckWithAFix(String example, String id) {
    Cli.Result r = Cli.run("doctor", "-f", example(example));
    assertThat(r.exit()).isEqualTo(ExitCode.PROBLEM.code());
    assertThat(r.out()).contains("FAIL  " + id).contains("fix:").contains("docs: docs/checks.md#" + id).contains("will not form a cluster");
  }

  @Test
  void jsonReportFollowsTheDocumentedSchema() throws IOException {
    Cli.Result r = Cli.run("doctor", "-f", example("broken/srv-no-endpoint-pod-names"), "-o", "json");
    assertThat(r.exit()).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(root.get("verdict").asText()).isEqualTo("fail");
    assertThat(root.get("exitCode").asInt()).isEqualTo(1);
    assertThat(root.get("summary").get("fail").asInt()).isEqualTo(2);
    assertThat(root.get("target").get("namespace").asText()).isEqualTo("payments");
    JsonNode heart = null;
    for (JsonNode res : root.get("results")) {
      assertThat(res.get("docs").asText()).isEqualTo("docs/checks.md#" + res.get("id").asText());
      if (res.get("id").asText().equals("node-host-matches-dns")) {
        heart = res;
      }
    }
    assertThat(heart).isNotNull();
    assertThat(heart.get("status").asText()).isEqualTo("fail");
    JsonNode pair = heart.get("names").get(0);
    assertThat(pair.get("calledItself").asText()).startsWith("ledger@ledger-").endsWith(".ledger-dist.payments.svc.cluster.local");
    assertThat(pair.get("peersUse").asText()).isEqualTo("ledger@10-244-0-10.ledger-dist.payments.svc.cluster.local");
    assertThat(pair.get("equal").asBoolean()).isFalse();
    assertThat(heart.get("remediation").get("language").asText()).isEqualTo("corefile");
    assertThat(heart.get("remediation").get("snippet").asText()).contains("endpoint_pod_names");
  }

  @Test
  void junitReportHasOneTestCasePerCheckAndAFailurePerFailedCheck() throws Exception {
    Cli.Result r = Cli.run("doctor", "-f", example("broken/srv-not-headless"), "-o", "junit");
    assertThat(r.exit()).isEqualTo(1);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("21"); // issue 12 added discovery-library-runs
    NodeList failures = doc.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(Integer.parseInt(suite.getAttribute("failures"))).isPositive();
    boolean headless = false;
    for (int i = 0; i < failures.getLength(); i++) {
      Element tc = (Element) failures.item(i).getParentNode();
      headless |= tc.getAttribute("name").equals("service-headless");
    }
    assertThat(headless).isTrue();
  }

  @Test
  void listChecksShowsEveryIdAndOnlyAndSkipSelect() throws IOException {
    Cli.Result list = Cli.run("doctor", "--list-checks");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("node-host-matches-dns").contains("cookie-consistent").contains("service-publish-not-ready");
    JsonNode json = new ObjectMapper().readTree(Cli.run("doctor", "--list-checks", "-o", "json").out());
    assertThat(json.get("checks").size()).isEqualTo(21); // issue 12 added discovery-library-runs

    Cli.Result only = Cli.run("doctor", "-f", example("broken/srv-not-headless"), "--only", "node-name,dist-port", "-o", "json");
    JsonNode results = new ObjectMapper().readTree(only.out()).get("results");
    assertThat(results.size()).isEqualTo(2);
    assertThat(only.exit()).isZero();

    Cli.Result skip = Cli.run("doctor", "-f", example("broken/srv-not-headless"), "--skip", "service-headless,node-host-matches-dns,discovery-query-resolves,coredns-endpoint-pod-names");
    assertThat(skip.out()).doesNotContain("service-headless");
  }

  @Test
  void unknownCheckIdIsAUsageError() {
    Cli.Result r = Cli.run("doctor", "-f", example("srv-deployment"), "--only", "no-such-check");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--only: unknown check id 'no-such-check'").doesNotContain("Exception");
  }

  @Test
  void failOnWarnTurnsWarningsIntoExitOne(@TempDir Path dir) throws IOException {
    copyExample("srv-statefulset", dir);
    Path sts = dir.resolve("statefulset.yaml");
    Files.writeString(sts, Files.readString(sts).replace("        env:\n", "        readinessProbe:\n          exec:\n            command: [bin/ledger, eval, 'length(nodes()) > 0']\n        env:\n"));
    Cli.Result normal = Cli.run("doctor", "-f", dir.toString());
    assertThat(normal.exit()).as(normal.out()).isZero();
    assertThat(normal.out()).contains("WARN  service-publish-not-ready").contains("publishNotReadyAddresses: true");
    Cli.Result strict = Cli.run("doctor", "-f", dir.toString(), "--fail-on", "warn");
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.out()).contains("warnings fail this run");
  }

  @Test
  void explicitOptionsOverrideWhatIsFoundBesideTheManifests(@TempDir Path dir) throws IOException {
    Path vm = dir.resolve("vm.args");
    Files.writeString(vm, "-sname ledger\n");
    Cli.Result r = Cli.run("doctor", "-f", example("srv-statefulset"), "--vm-args", vm.toString(), "--only", "node-name");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL  node-name").contains("-sname");
  }

  @Test
  void elixirReleaseWithLibclusterDnsNamesNodesByPodIp(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("app.yaml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: shop-nodes, namespace: web}
        spec:
          clusterIP: None
          selector: {app: shop}
          ports: [{name: epmd, port: 4369}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop, namespace: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: shop}}
          template:
            metadata: {labels: {app: shop}}
            spec:
              containers:
              - name: shop
                image: shop:1
                env:
                - name: POD_IP
                  valueFrom: {fieldRef: {fieldPath: status.podIP}}
                - {name: RELEASE_DISTRIBUTION, value: name}
                - {name: RELEASE_NODE, value: "shop@$(POD_IP)"}
                - name: RELEASE_COOKIE
                  valueFrom: {secretKeyRef: {name: shop-cookie, key: cookie}}
        """);
    Cli.Result ok = Cli.run("doctor", "-f", dir.toString(), "--strategy", "libcluster-dns", "--basename", "shop");
    assertThat(ok.exit()).as(ok.out()).isZero();
    assertThat(ok.out()).contains("calls itself  shop@10.244.0.10").contains("peers dial    shop@10.244.0.10");

    Cli.Result wrongBase = Cli.run("doctor", "-f", dir.toString(), "--strategy", "libcluster-dns", "--basename", "store");
    assertThat(wrongBase.exit()).isEqualTo(1);
    assertThat(wrongBase.out()).contains("FAIL  node-name").contains("store@").contains("FAIL  node-host-matches-dns");
  }

  @Test
  void colourOnlyWhenAsked() {
    Cli.Result always = Cli.run("doctor", "-f", example("broken/srv-sname"), "--color", "always", "--only", "node-name");
    assertThat(always.out()).contains("\u001B[");
    Cli.Result never = Cli.run("doctor", "-f", example("broken/srv-sname"), "--color", "never", "--only", "node-name");
    assertThat(never.out()).doesNotContain("\u001B[");
  }

  @Test
  void unknownStrategyIsAUsageError() {
    Cli.Result r = Cli.run("doctor", "-f", example("srv-deployment"), "--strategy", "swarm");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("expected one of gen-cluster, libcluster-dns, libcluster-dnssrv, libcluster-dnspoll, dns-cluster but was 'swarm'")
        .doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void kustomizationIsRenderedWithKubectl(@TempDir Path dir) throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.util.stream.Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator)).anyMatch(p -> Files.isExecutable(Path.of(p, "kubectl"))),
        "kubectl is not on PATH: -k cannot be exercised here");
    copyExample("srv-statefulset", dir);
    Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n- service.yaml\n- statefulset.yaml\n");
    Cli.Result r = Cli.run("doctor", "-k", dir.toString(), "--sys-config", dir.resolve("config/sys.config").toString(),
        "--vm-args", dir.resolve("config/vm.args.src").toString());
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("-k " + dir + " (2 objects)").contains("PASS  node-host-matches-dns");
  }

  @Test
  void verboseShowsTheEvidenceOfPassingChecks() {
    Cli.Result r = Cli.run("doctor", "-f", example("srv-statefulset"), "--verbose", "--only", "discovery-query-resolves");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("names tried: _dist-erl._tcp.ledger-dist.payments → NOT_IN_CLUSTER_ZONE")
        .contains("IN SRV 0 33 39135 ledger-0.ledger-dist.payments.svc.cluster.local.");
  }

  static void copyExample(String name, Path to) throws IOException {
    Path from = EXAMPLES.resolve(name);
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
