package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.expect.PeerRow;
import dev.clusterctl.gather.FileInputs;
import dev.clusterctl.gather.FileSource;
import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckRegistry;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.report.FixPlan;
import dev.clusterctl.report.Report;
import dev.clusterctl.testing.RealServers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fix only the team can choose: one headless Service selects a web and a worker Deployment whose
 * nodes use different basenames, and libcluster names every address with the web's. The doctor
 * does not pick: it lists each verified option (the workers renamed, or the Service narrowed to the
 * web pods), and each, written out, passes on its own.
 */
class FixChoiceTest {

  static final Path SET_UP = Path.of("src/test/resources/setups/broken-multi-workload-basename-mismatch");

  @TempDir
  Path tmp;

  private static Doctor.Diagnosis doctor(Path dir) {
    return doctor(dir, "-f k8s --release-dir .");
  }

  private static Doctor.Diagnosis doctor(Path dir, String args) {
    return RealWorldSetupsTest.diagnose(dir, args, CheckRegistry.standard().all());
  }

  private static List<String> failing(Report r) {
    return r.results().stream().filter(c -> c.status() == Status.FAIL).map(CheckResult::id).toList();
  }

  @Test
  void twoWorkloadsUnderOneServiceWithTwoBasenamesGetTwoVerifiedOptionsAndNoPick() throws Exception {
    Doctor.Diagnosis d = doctor(SET_UP);
    FixPlan plan = d.report().fix().orElseThrow();
    assertThat(plan.verified()).isTrue();
    assertThat(plan.needsChoice()).isTrue();
    assertThat(plan.changes()).as("nothing is picked for the team").isEmpty();
    assertThat(plan.choice()).isEqualTo("which workloads form the cluster behind Service/shop/shop-cluster, and under which node basename");
    assertThat(plan.options()).hasSize(2);

    FixPlan.Option rename = plan.options().get(0);
    assertThat(rename.summary()).contains("under the basename shop_web").contains("Deployment/shop/shop-worker");
    assertThat(rename.changes()).as("the web's RELEASE_NODE is already right: only the worker's changes").singleElement().satisfies(c -> {
      assertThat(c.object()).isEqualTo("Deployment/shop/shop-worker");
      assertThat(c.after()).contains("shop_web@$(POD_IP)");
      assertThat(c.answers()).contains("node-name", "node-host-matches-dns");
    });
    FixPlan.Option narrow = plan.options().get(1);
    assertThat(narrow.summary()).contains("Deployment/shop/shop-web alone").contains("Deployment/shop/shop-worker leaves the cluster");
    assertThat(narrow.changes()).singleElement().satisfies(c -> {
      assertThat(c.object()).isEqualTo("Service/shop/shop-cluster");
      assertThat(c.path()).isEqualTo("spec.selector");
      assertThat(c.after()).contains("\"app.kubernetes.io/name\":\"shop-web\"").contains("\"app.kubernetes.io/part-of\":\"shop\"");
    });
    // neither the libcluster application_name nor the worker alone: renaming the web to shop_worker,
    // or keeping only the workers, leaves node-name failing, so neither is offered
    assertThat(plan.options()).noneMatch(o -> o.summary().contains("basename shop_worker") || o.summary().contains("shop-worker alone"));
  }

  @Test
  void eachOptionWrittenOutPassesOnItsOwnAndKustomizeRendersIt() throws Exception {
    Doctor.Diagnosis d = doctor(SET_UP);
    assertThat(d.fixes()).hasSize(2);
    assertThatThrownBy(() -> new FixWriter().write(tmp.resolve("unchosen"), false, d)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("choice of 2 options");
    assertThat(tmp.resolve("unchosen")).doesNotExist();
    assertThatThrownBy(() -> new FixWriter().write(tmp.resolve("none"), false, d, 3)).isInstanceOf(IllegalArgumentException.class);
    Path kubectl = RealServers.require("kubectl", "kubectl");
    for (int option = 1; option <= 2; option++) {
      Path out = tmp.resolve("option-" + option);
      new FixWriter().write(out, false, d, option);
      Doctor.Diagnosis again = doctor(out.resolve("rendered"), "-f .");
      assertThat(failing(again.report())).as("option " + option + ": doctor -f DIR/rendered").isEmpty();
      assertThat(again.report().target().discovery().orElseThrow().library()).isEqualTo(d.report().target().discovery().orElseThrow().library());
      Process p = new ProcessBuilder(kubectl.toString(), "kustomize", out.toString()).redirectErrorStream(true).start();
      String rendered = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(rendered).isZero();
      if (option == 1) {
        assertThat(rendered).contains("value: shop_web@$(POD_IP)").doesNotContain("shop_worker@");
      } else {
        assertThat(rendered).contains("app.kubernetes.io/name: shop-web\n    app.kubernetes.io/part-of: shop\n");
      }
    }
    assertThat(Files.readString(tmp.resolve("option-2/kustomization.yaml"))).contains("kind: Service").doesNotContain("kind: Deployment");
  }

  /**
   * gen_cluster names every address with the dialling node's own basename: two workloads with two
   * basenames can each be the one everyone takes, or either can be the cluster alone; all four
   * hold, so all four are offered.
   */
  @Test
  void withGenClusterEitherBasenameAndEitherWorkloadAloneHold() {
    FileInputs in = new FileInputs(List.of("src/test/resources/fix/gen-cluster-two-basenames.yaml"), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty());
    TargetOptions genCluster = new TargetOptions(Optional.of(Strategy.GEN_CLUSTER), Optional.empty(), Optional.of("shop-cluster.shop"), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
    Doctor.Diagnosis d = Doctor.run(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(null), in), new DoctorOptions(genCluster, CheckRegistry.standard().all()));
    FixPlan plan = d.report().fix().orElseThrow();
    assertThat(plan.options()).extracting(FixPlan.Option::summary).containsExactly(
        "one cluster of every workload under the basename web: rename the nodes of Deployment/shop/worker",
        "one cluster of every workload under the basename worker: rename the nodes of Deployment/shop/web",
        "a cluster of Deployment/shop/web alone: Service/shop/shop-cluster selects only its pods (Deployment/shop/worker leaves the cluster)",
        "a cluster of Deployment/shop/worker alone: Service/shop/shop-cluster selects only its pods (Deployment/shop/web leaves the cluster)");
    assertThat(plan.options()).allSatisfy(o -> assertThat(o.changes()).hasSize(1));
    assertThat(plan.options().get(0).changes().get(0).after()).isEqualTo("{\"name\":\"ERL_FLAGS\",\"value\":\"-name web@$(POD_IP)\"}");
    assertThat(d.fixes()).hasSize(4);
  }

  /** Other systems address the workers as shop_worker@…: fails when a worker pod calls itself by another basename. */
  static final Check WORKER_NAMES_FIXED = new ConstraintCheck("test-worker-names-fixed", "the workers keep their node names", ctx -> {
    List<PeerRow> rows = new java.util.ArrayList<>(ctx.sim().rows());
    ctx.sim().mesh().forEach(r -> rows.addAll(r.rows()));
    return rows.stream().anyMatch(r -> r.pod().workload().endsWith("/shop-worker") && r.self() != null && !r.self().name().startsWith("shop_worker@"));
  });

  @Test
  void theOnlyAnswerThatHoldsIsStillTheTeamsToChooseWhenAWorkloadLeavesTheCluster() {
    List<Check> checks = new java.util.ArrayList<>(CheckRegistry.standard().all());
    checks.add(WORKER_NAMES_FIXED);
    FixPlan plan = RealWorldSetupsTest.diagnose(SET_UP, "-f k8s --release-dir .", checks).report().fix().orElseThrow();
    assertThat(plan.needsChoice()).as("web alone holds, but dropping the workers is not doctor's to decide").isTrue();
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.options()).singleElement().satisfies(o -> assertThat(o.summary()).startsWith("a cluster of Deployment/shop/shop-web alone"));
  }
}
