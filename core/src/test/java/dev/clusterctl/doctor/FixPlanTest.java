package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.gather.FileInputs;
import dev.clusterctl.gather.FileSource;
import dev.clusterctl.judge.CheckRegistry;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.release.KubeExpansion;
import dev.clusterctl.report.FixPlan;
import dev.clusterctl.report.Report;
import dev.clusterctl.testing.RealServers;
import dev.clusterctl.testing.ShopManifests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code doctor --fix}: every broken example gets one verified plan; written out, its rendered
 * set-up passes doctor with nothing else, keeps the team's discovery library and record type, and
 * {@code kubectl kustomize} renders the patches over the inputs.
 */
class FixPlanTest {

  @TempDir
  Path tmp;

  static Stream<Path> broken() throws IOException {
    return Files.list(Path.of("../docs/examples/broken")).filter(Files::isDirectory).sorted();
  }

  private static Doctor.Diagnosis doctor(Path dir) {
    FileInputs in = new FileInputs(List.of(dir.toString()), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    return Doctor.run(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(null), in), new DoctorOptions(TargetOptions.none(), CheckRegistry.standard().all()));
  }

  private static List<String> failing(Report r) {
    return r.results().stream().filter(c -> c.status() == Status.FAIL).map(CheckResult::id).toList();
  }

  @ParameterizedTest
  @MethodSource("broken")
  void everyBrokenExampleGetsAVerifiedPlanThatHoldsWhenWrittenOut(Path example) throws Exception {
    Doctor.Diagnosis d = doctor(example);
    assertThat(failing(d.report())).isNotEmpty();
    FixPlan plan = d.report().fix().orElseThrow();
    assertThat(plan.verified()).as(plan.toString()).isTrue();
    assertThat(plan.unfixed()).isEmpty();
    assertThat(plan.changes()).isNotEmpty().allSatisfy(c -> {
      assertThat(c.answers()).isNotEmpty();
      assertThat(c.before()).isNotEqualTo(c.after());
    });
    assertThat(plan.changes().stream().flatMap(c -> c.answers().stream()).distinct()).containsAll(failing(d.report()));

    Path out = tmp.resolve("fix");
    List<String> written = new FixWriter().write(out, false, d);
    assertThat(written).contains("kustomization.yaml", "base/resources.yaml", "rendered/manifests.yaml");

    Doctor.Diagnosis again = doctor(out.resolve("rendered"));
    assertThat(failing(again.report())).as("doctor -f DIR/rendered").isEmpty();
    assertThat(again.report().target().discovery()).get().usingRecursiveComparison().comparingOnlyFields("library", "recordType", "query", "hostType")
        .isEqualTo(d.report().target().discovery().orElseThrow());
    assertThat(again.report().fix()).isEmpty();

    Path kubectl = RealServers.require("kubectl", "kubectl");
    Process p = new ProcessBuilder(kubectl.toString(), "kustomize", out.toString()).redirectErrorStream(true).start();
    String rendered = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(rendered).isZero();
    for (FixPlan.Change c : plan.changes()) {
      if (!c.path().isEmpty() && !c.after().contains("\n")) {
        assertThat(rendered).as("kustomize output carries " + c.path()).contains(c.after());
      }
    }
  }

  @Test
  void theSnameExampleIsFixedInItsVmArgsAndTheFileIsWrittenWhole() throws Exception {
    Doctor.Diagnosis d = doctor(Path.of("../docs/examples/broken/srv-sname"));
    FixPlan.Change c = d.report().fix().orElseThrow().changes().get(0);
    assertThat(c.file()).endsWith("config/vm.args.src");
    assertThat(c.before()).isEqualTo("-sname ledger");
    assertThat(c.after()).isEqualTo("-name ledger");
    Path out = tmp.resolve("fix");
    new FixWriter().write(out, false, d);
    assertThat(Files.readString(out.resolve("release/config/vm.args.src"))).contains("-name ledger").doesNotContain("-sname");
    assertThat(out.resolve("rendered/config/sys.config")).exists();
  }

  @Test
  void aCorefileFixPatchesTheCorednsConfigMapAndSaysCorednsMustReload() {
    Doctor.Diagnosis d = doctor(Path.of("../docs/examples/broken/srv-no-endpoint-pod-names"));
    FixPlan plan = d.report().fix().orElseThrow();
    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.object()).isEqualTo("ConfigMap/kube-system/coredns");
      assertThat(c.path()).isEqualTo("data.Corefile");
      assertThat(c.after()).contains("endpoint_pod_names");
    });
    assertThat(plan.notes()).anyMatch(n -> n.contains("rollout restart deployment coredns"));
  }

  @Test
  void aWorkingSetUpHasNoPlan() {
    assertThat(doctor(Path.of("../docs/examples/srv-deployment")).report().fix()).isEmpty();
  }

  @Test
  void aNonEmptyDirectoryIsRefusedWithoutForce() throws IOException {
    Doctor.Diagnosis d = doctor(Path.of("../docs/examples/broken/srv-no-subdomain"));
    Path out = Files.createDirectories(tmp.resolve("taken"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    assertThatThrownBy(() -> new FixWriter().write(out, false, d)).isInstanceOf(BadInputException.class)
        .hasMessage("--fix " + out + ": the directory is not empty (give --force to write into it)");
    assertThat(new FixWriter().write(out, true, d)).contains("kustomization.yaml");
    assertThat(out.resolve("keep.txt")).hasContent("mine");
  }

  static Stream<Path> brokenSetUps() throws IOException {
    return RealWorldSetupsTest.setups().stream().filter(d -> {
      try {
        Properties p = RealWorldSetupsTest.load(d);
        return "1".equals(p.getProperty("exit")) && RealWorldSetupsTest.pendingKeys(p).isEmpty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The broken set-ups no change can fix, each with what its unfixed finding must name. */
  private static final Map<String, String> UNFIXABLE = Map.of(
      // a shell syntax error: what the line was meant to say is not known
      "elixir-malformed-env-sh-and-exs", "rel/env.sh.eex:3");

  /**
   * Every broken real-world set-up but those no change can fix: a verified plan that keeps the
   * library and record type and that, written out, passes doctor on its own and renders with
   * {@code kubectl kustomize}, every env entry defined above the entries that reference it. An
   * unfixable set-up names its finding and why.
   */
  @ParameterizedTest
  @MethodSource("brokenSetUps")
  void everyBrokenSetUpIsFixedOrSaysWhyNot(Path setUp) throws Exception {
    RealWorldSetupsTest.Inputs in = RealWorldSetupsTest.inputs(setUp, RealWorldSetupsTest.load(setUp).getProperty("args"));
    Doctor.Diagnosis d = Doctor.run(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(), in.files()),
        new DoctorOptions(in.target(), CheckRegistry.standard().all()));
    FixPlan plan = d.report().fix().orElseThrow();
    String unfixable = UNFIXABLE.get(setUp.getFileName().toString());
    if (unfixable != null) {
      assertThat(plan.verified()).as(setUp + " has no fix").isFalse();
      assertThat(plan.unfixed()).as(setUp + ": each failing finding is named").isNotEmpty()
          .allSatisfy(u -> assertThat(u.why()).startsWith("no automatic change").contains(unfixable));
      return;
    }
    assertThat(plan.verified()).as(setUp + ": " + plan).isTrue();
    assertThat(plan.unfixed()).isEmpty();
    assertThat(d.fixes()).isNotEmpty();
    plan.changes().forEach(c -> assertThat(c.before()).isNotEqualTo(c.after()));
    for (int option = 1; option <= d.fixes().size(); option++) {
      Path out = tmp.resolve("fix-" + option);
      new FixWriter().write(out, false, d, option);
      FileInputs rendered = new FileInputs(List.of(out.resolve("rendered").toString()), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
      Report again = Doctor.diagnose(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(), rendered), new DoctorOptions(in.target(), CheckRegistry.standard().all()));
      assertThat(failing(again)).as(setUp + ": doctor -f DIR/rendered after option " + option + " of " + plan).isEmpty();
      d.report().target().discovery().ifPresent(before -> assertThat(again.target().discovery()).get()
          .usingRecursiveComparison().comparingOnlyFields("library", "recordType").isEqualTo(before));
      String renderedYaml = Files.readString(out.resolve("rendered/manifests.yaml"));
      String kustomized = kustomize(out);
      assertEnvDefinedBeforeUse(setUp + " rendered/", renderedYaml);
      assertEnvDefinedBeforeUse(setUp + " kubectl kustomize", kustomized);
      assertThat(envOrders(kustomized)).as(setUp + ": kubectl applies the patches to the order doctor proved").isEqualTo(envOrders(renderedYaml));
    }
  }

  /** Each workload container's env names in order, by {@code Kind/name/container}. */
  private static Map<String, List<String>> envOrders(String yaml) throws IOException {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    containers(yaml).forEach((key, c) -> {
      List<String> names = new ArrayList<>();
      c.path("env").forEach(e -> names.add(e.get("name").asText()));
      out.put(key, names);
    });
    return out;
  }

  /** Every workload container of {@code yaml}, by {@code Kind/name/container}. */
  private static Map<String, JsonNode> containers(String yaml) throws IOException {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    try (MappingIterator<JsonNode> docs = mapper.readerFor(JsonNode.class).readValues(yaml)) {
      for (JsonNode doc : docs.readAll()) {
        for (JsonNode c : doc.at("/spec/template/spec/containers")) {
          out.put(doc.path("kind").asText() + "/" + doc.at("/metadata/name").asText() + "/" + c.path("name").asText(), c);
        }
      }
    }
    return out;
  }

  /**
   * A headless Service renamed while sys.config still asks for the old name: the one stale line is
   * the plan, not a second Service under the old name with the pods moved to it.
   */
  @Test
  void aStaleQueryInSysConfigIsTheOneLineChangedNotANewService() throws Exception {
    Path setUp = RealWorldSetupsTest.SETUPS.resolve("broken-gen-cluster-renamed-service");
    Doctor.Diagnosis d = setUp(setUp);
    FixPlan plan = d.report().fix().orElseThrow();
    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.file()).endsWith("config/sys.config");
      assertThat(c.line()).isEqualTo(6);
      assertThat(c.after()).contains("domain => \"_dist-erl._tcp.k8s-erlang-cluster-headless.k8s-erlang-cluster\"");
      assertThat(c.answers()).contains("discovery-query-resolves", "service-exists", "pod-subdomain", "node-host-matches-dns");
    });
    Path out = tmp.resolve("fix");
    List<String> written = new FixWriter().write(out, false, d);
    assertThat(written).contains("release/config/sys.config").noneMatch(f -> f.startsWith("patches/") || f.startsWith("service-"));
    assertThat(Files.readString(out.resolve("rendered/config/sys.config"))).contains("k8s-erlang-cluster-headless.k8s-erlang-cluster\",");
  }

  /** A renamed Service that the Elixir project still names: the setting changes where it is set, a config line or the container variable. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
    "broken-libcluster-renamed-service|config/prod.exs|service: \"storefront-peers\",",
    "broken-dns-cluster-env-query-renamed-service|k8s/hello.yaml|{\"name\":\"DNS_CLUSTER_QUERY\",\"value\":\"hello-cluster.web.svc.cluster.local\"}"
  })
  void aStaleServiceNameInTheElixirProjectIsChangedWhereItIsSet(String name, String file, String after) throws Exception {
    Doctor.Diagnosis d = setUp(RealWorldSetupsTest.SETUPS.resolve(name));
    FixPlan plan = d.report().fix().orElseThrow();
    assertThat(plan.changes()).as(plan.toString()).singleElement().satisfies(c -> {
      assertThat(c.file()).endsWith(file);
      assertThat(c.after().strip()).isEqualTo(after);
      assertThat(c.answers()).contains("service-exists", "discovery-query-resolves", "node-host-matches-dns");
    });
    assertThat(new FixWriter().write(tmp.resolve("fix"), false, d)).noneMatch(f -> f.startsWith("service-"));
  }

  /** Doctor on a real-world set-up, with the arguments its expect.properties gives. */
  private static Doctor.Diagnosis setUp(Path setUp) throws IOException {
    return RealWorldSetupsTest.diagnose(setUp, RealWorldSetupsTest.load(setUp).getProperty("args"), CheckRegistry.standard().all());
  }

  /** {@code kubectl kustomize dir}'s output; fails the test when it does not render. */
  private static String kustomize(Path dir) throws Exception {
    Path kubectl = RealServers.require("kubectl", "kubectl");
    Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  /** In every container of {@code yaml}, each {@code $(VAR)} in an env value whose VAR the container defines is defined above it, as Kubernetes needs. */
  private static void assertEnvDefinedBeforeUse(String what, String yaml) throws IOException {
    for (JsonNode c : containers(yaml).values()) {
      List<String> names = new ArrayList<>();
      c.path("env").forEach(e -> names.add(e.get("name").asText()));
      for (int i = 0; i < names.size(); i++) {
        String value = c.path("env").get(i).path("value").asText("");
        for (String ref : KubeExpansion.references(value)) {
          if (names.contains(ref)) {
            assertThat(names.indexOf(ref)).as(what + ": " + ref + " above " + names.get(i) + " in " + names).isLessThan(i);
          }
        }
      }
    }
  }

  /** The pod-IP fix of a RELEASE_NODE written like env.sh: POD_IP added above RELEASE_NODE, in the plan, the patch and kubectl's rendering. */
  @Test
  void aHostnameCommandInTheEnvBecomesThePodIpDefinedAboveIt() throws Exception {
    Path setUp = RealWorldSetupsTest.SETUPS.resolve("broken-hostname-f-in-kube-env");
    Doctor.Diagnosis d = setUp(setUp);
    FixPlan plan = d.report().fix().orElseThrow();
    assertThat(plan.changes()).extracting(FixPlan.Change::path).containsExactly(
        "spec.template.spec.containers[name=relay].env[name=RELEASE_NODE]", "spec.template.spec.containers[name=relay].env[name=POD_IP,before=RELEASE_NODE]");
    assertThat(plan.changes().get(0).after()).contains("relay@$(POD_IP)");
    Path out = tmp.resolve("fix");
    new FixWriter().write(out, false, d);
    assertThat(Files.readString(out.resolve("patches/01-deployment-relay.yaml"))).contains("op: add\n    path: /spec/template/spec/containers/0/env/1\n");
    String rendered = kustomize(out);
    assertThat(rendered.indexOf("name: POD_IP")).isPositive().isLessThan(rendered.indexOf("name: RELEASE_NODE"));
  }

  /** A vm.args.src with no name line gets one added (not a line replaced), written into the release file. */
  @Test
  void aMissingNameLineIsAddedToVmArgsSrc() throws Exception {
    Path setUp = RealWorldSetupsTest.SETUPS.resolve("gen-cluster-erl-aflags");
    Doctor.Diagnosis d = setUp(setUp);
    FixPlan.Change c = d.report().fix().orElseThrow().changes().get(0);
    assertThat(c.file()).endsWith("config/vm.args.src");
    assertThat(c.line()).isEqualTo(2);
    assertThat(c.before()).isEqualTo("(none)");
    assertThat(c.after()).isEqualTo("-name k8s_erlang_cluster@${NODE_HOST}");
    Path out = tmp.resolve("fix");
    new FixWriter().write(out, false, d);
    List<String> lines = Files.readAllLines(out.resolve("release/config/vm.args.src"));
    assertThat(lines).containsExactly(Files.readAllLines(setUp.resolve("config/vm.args.src")).get(0), "-name k8s_erlang_cluster@${NODE_HOST}", "-setcookie ${COOKIE}", "",
        "+K true", "+A 30");
  }

  /** A flags variable naming the node gets the pod IP too: POD_IP is added above ERL_FLAGS, which then references it. */
  @Test
  void aFlagsVariableGetsThePodIpDefinedAboveIt() throws Exception {
    Path k8s = Files.createDirectories(tmp.resolve("in/k8s"));
    Files.writeString(k8s.resolve("app.yaml"), ShopManifests.shop("""
        command: ["erl", "-noshell", "-s", "shop"]
        env:
        - {name: LANG, value: C.UTF-8}
        - {name: ERL_FLAGS, value: "-name shop"}
        """));
    FileInputs in = new FileInputs(List.of(k8s.toString()), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    TargetOptions libclusterDns = new TargetOptions(Optional.of(dev.clusterctl.discovery.Strategy.LIBCLUSTER_DNS), Optional.of("shop"), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    Doctor.Diagnosis d = Doctor.run(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(null), in), new DoctorOptions(libclusterDns, CheckRegistry.standard().all()));
    FixPlan plan = d.report().fix().orElseThrow();
    assertThat(plan.verified()).as(plan.toString()).isTrue();
    assertThat(plan.changes()).extracting(FixPlan.Change::path).containsExactly(
        "spec.template.spec.containers[name=shop].env[name=ERL_FLAGS]", "spec.template.spec.containers[name=shop].env[name=POD_IP,before=ERL_FLAGS]");
    Path out = tmp.resolve("fix");
    new FixWriter().write(out, false, d);
    String rendered = kustomize(out);
    assertThat(rendered).contains("-name shop@$(POD_IP)");
    assertEnvDefinedBeforeUse("kubectl kustomize", rendered);
    assertEnvDefinedBeforeUse("rendered/", Files.readString(out.resolve("rendered/manifests.yaml")));
  }
}
