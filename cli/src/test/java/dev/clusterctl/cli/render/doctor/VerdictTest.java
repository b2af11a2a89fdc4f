package dev.clusterctl.cli.render.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.judge.Area;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.report.Report;
import dev.clusterctl.report.Summary;
import dev.clusterctl.report.Target;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Exit codes from statuses: error (3) over fail (1); warnings fail only with --fail-on warn. */
class VerdictTest {

  static Report report(Status... statuses) {
    List<CheckResult> rs = new ArrayList<>();
    int i = 0;
    for (Status s : statuses) {
      rs.add(new CheckResult("check-" + i++, Area.DNS, s, "subject", "message", List.of(), List.of(), Optional.empty(), "docs/checks.md#x"));
    }
    Target target = new Target("ns", new Target.ServiceTarget(Optional.empty(), Optional.empty(), false, false), Optional.empty(),
        new Target.CorefileTarget("kubeadm default", true), "cluster.local", Optional.empty(), Optional.empty());
    return new Report(Report.SCHEMA_VERSION, List.of(), List.of(), List.of(), target, rs, Summary.of(rs));
  }

  @Test
  void exitCodes() {
    assertThat(Verdict.of(report(Status.PASS, Status.SKIP, Status.WARN), false).exit()).isEqualTo(ExitCode.OK);
    assertThat(Verdict.of(report(Status.PASS, Status.WARN), true).exit()).isEqualTo(ExitCode.PROBLEM);
    assertThat(Verdict.of(report(Status.FAIL, Status.PASS), false).exit()).isEqualTo(ExitCode.PROBLEM);
    assertThat(Verdict.of(report(Status.FAIL, Status.ERROR), false).exit()).isEqualTo(ExitCode.UNREACHABLE);
  }

  @Test
  void anErroredCheckIsAnErrorElementInJunitAndTheVerdictInJson() {
    Report r = report(Status.ERROR, Status.WARN);
    StringWriter junit = new StringWriter();
    new DoctorJunit().render(r, true, new PrintWriter(junit));
    assertThat(junit.toString()).contains("<error message=\"message\"").contains("errors=\"1\"").contains("failures=\"1\"");
    StringWriter json = new StringWriter();
    new DoctorJson().render(r, Verdict.of(r, false), new PrintWriter(json));
    assertThat(json.toString()).contains("\"verdict\" : \"error\"").contains("\"exitCode\" : 3");
  }
}
