package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.gather.FileInputs;
import dev.clusterctl.gather.FileSource;
import dev.clusterctl.judge.CheckRegistry;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.report.FixPlan;
import dev.clusterctl.report.Report;
import dev.clusterctl.testing.RealServers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /**
   * Every broken real-world set-up: a verified plan that keeps the library and record type and that,
   * written out, passes doctor on its own; or, where none exists, each finding named with why.
   */
  @ParameterizedTest
  @MethodSource("brokenSetUps")
  void everyBrokenSetUpIsFixedOrSaysWhyNot(Path setUp) throws Exception {
    RealWorldSetupsTest.Inputs in = RealWorldSetupsTest.inputs(setUp, RealWorldSetupsTest.load(setUp).getProperty("args"));
    Doctor.Diagnosis d = Doctor.run(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(), in.files()),
        new DoctorOptions(in.target(), CheckRegistry.standard().all()));
    FixPlan plan = d.report().fix().orElseThrow();
    if (!plan.verified()) {
      assertThat(plan.unfixed()).as(setUp + ": no plan, so each failing finding is named").isNotEmpty()
          .allSatisfy(u -> assertThat(u.why()).isNotBlank());
      return;
    }
    for (int option = 1; option <= d.fixes().size(); option++) {
      Path out = tmp.resolve("fix-" + option);
      new FixWriter().write(out, false, d, option);
      FileInputs rendered = new FileInputs(List.of(out.resolve("rendered").toString()), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
      Report again = Doctor.diagnose(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(), rendered), new DoctorOptions(in.target(), CheckRegistry.standard().all()));
      assertThat(failing(again)).as(setUp + ": doctor -f DIR/rendered after option " + option + " of " + plan).isEmpty();
      d.report().target().discovery().ifPresent(before -> assertThat(again.target().discovery()).get()
          .usingRecursiveComparison().comparingOnlyFields("library", "recordType").isEqualTo(before));
    }
  }
}
