package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.dns.QueryType;
import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckRegistry;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.report.FixPlan;
import dev.clusterctl.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's design (discovery library, record type, workload kind) stays in every plan; only when
 * no change within it makes every check pass does doctor try proposals that change it, and then it
 * offers each verified one as an option, picking none.
 */
class FixAlternativesTest {

  static final Path SET_UP = Path.of("src/test/resources/setups/broken-gen-cluster-srv-host-type-ip");

  @TempDir
  Path tmp;

  /** The cluster's DNS serves no SRV records: fails while discovery asks for them. */
  static final Check NO_SRV_HERE = new ConstraintCheck("test-no-srv-here", "this cluster's DNS serves no SRV records",
      ctx -> ctx.dns().map(d -> d.recordType() == QueryType.SRV).orElse(false));

  private static Doctor.Diagnosis doctor(Path dir, String args, List<Check> checks) {
    return RealWorldSetupsTest.diagnose(dir, args, checks);
  }

  private static List<String> failing(Report r) {
    return r.results().stream().filter(c -> c.status() == Status.FAIL).map(CheckResult::id).toList();
  }

  @Test
  void aCrashOfTheLibraryIsFixedWithinTheTeamsDesignWhenItCanBe() {
    Doctor.Diagnosis d = doctor(SET_UP, "-k deployment/base --release-dir .", CheckRegistry.standard().all());
    FixPlan plan = d.report().fix().orElseThrow();
    assertThat(plan.needsChoice()).isFalse();
    assertThat(plan.verified()).isTrue();
    assertThat(plan.changes()).extracting(FixPlan.Change::after).containsExactly("                       host_type => hostname}}}", "-name k8s_erlang_cluster");
    assertThat(plan.changes().get(0).file()).endsWith("config/sys.config");
    assertThat(plan.changes().get(0).line()).isEqualTo(7);
  }

  @Test
  void whenNothingWithinTheDesignHoldsTheAlternativesAreOfferedVerifiedAndNonePicked() throws Exception {
    List<Check> checks = new ArrayList<>(CheckRegistry.standard().all());
    checks.add(NO_SRV_HERE);
    Doctor.Diagnosis d = doctor(SET_UP, "-k deployment/base --release-dir .", checks);
    assertThat(failing(d.report())).contains("test-no-srv-here", "discovery-library-runs");
    FixPlan plan = d.report().fix().orElseThrow();
    assertThat(plan.verified()).isTrue();
    assertThat(plan.needsChoice()).isTrue();
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.choice()).isEqualTo("no fix keeps gen-cluster with SRV records: which design to move to");
    assertThat(plan.notes()).singleElement().asString().startsWith("no change that keeps gen-cluster with SRV records makes every check pass (")
        .contains("test-no-srv-here");
    assertThat(plan.unfixed()).extracting(FixPlan.Unfixed::check).contains("test-no-srv-here");
    FixPlan.Option a = plan.options().get(0);
    assertThat(plan.options()).hasSize(1);
    assertThat(a.summary()).startsWith("look up A records of k8s-erlang-cluster.k8s-erlang-cluster instead of SRV records");
    assertThat(a.changes()).extracting(FixPlan.Change::after)
        .containsExactly("                       record_type => ip,", "   {discovery, {dns, #{domain => \"k8s-erlang-cluster.k8s-erlang-cluster\",");

    Path out = tmp.resolve("fix");
    new FixWriter().write(out, false, d, 1);
    assertThat(Files.readString(out.resolve("release/config/sys.config"))).contains("record_type => ip,").contains("host_type => ip");
    Doctor.Diagnosis again = doctor(out.resolve("rendered"), "-f .", checks);
    assertThat(failing(again.report())).as("doctor -f DIR/rendered, the constraint included").isEmpty();
    assertThat(again.report().target().discovery().orElseThrow().recordType()).contains("A");
  }
}
