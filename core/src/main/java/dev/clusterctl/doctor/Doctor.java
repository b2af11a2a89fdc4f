package dev.clusterctl.doctor;

import dev.clusterctl.fix.Change;
import dev.clusterctl.gather.Gathered;
import dev.clusterctl.gather.Source;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.DoctorContext;
import dev.clusterctl.judge.Judge;
import dev.clusterctl.judge.Status;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.ModelBuilder;
import dev.clusterctl.model.ModelRequest;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.observe.LiveObserver;
import dev.clusterctl.observe.Observed;
import dev.clusterctl.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The doctor, one path for every source: gather, model, observe (live sources only), judge, report.
 */
public final class Doctor {

  private Doctor() {}

  /** Gathers from {@code source}, models it, observes it when it is live, runs the checks and reports. */
  public static Report diagnose(Source source, DoctorOptions options) {
    return run(source, options).report();
  }

  /**
   * A diagnosis: the report (with a fix plan when a check fails), what was gathered, and the inputs
   * with the plan applied.
   *
   * @param report the report
   * @param gathered what the source gathered
   * @param fixes the verified fix made concrete: one, or one per option when the plan is a choice
   *     the team must make (in the plan's order); none when no plan was found
   */
  public record Diagnosis(Report report, Gathered gathered, List<Fix> fixes) {

    /** Copies the list. */
    public Diagnosis {
      fixes = List.copyOf(fixes);
    }
  }

  /**
   * One verified fix, concrete against the inputs.
   *
   * @param fixed the inputs with its changes applied
   * @param fixedFiles the release files it changes
   * @param changes its changes, as applied
   */
  public record Fix(Gathered fixed, List<String> fixedFiles, List<Change> changes) {

    /** Copies the lists. */
    public Fix {
      fixedFiles = List.copyOf(fixedFiles);
      changes = List.copyOf(changes);
    }
  }

  /** {@link #diagnose}, keeping what was gathered and the fixed inputs for {@code --fix DIR}. */
  public static Diagnosis run(Source source, DoctorOptions options) {
    Gathered gathered = source.gather();
    TargetOptions target = options.target();
    if (target.namespace().isEmpty() && gathered.namespace().isPresent()) {
      target = target.withNamespace(gathered.namespace().get());
    }
    ClusterModel model = ModelBuilder.build(new ModelRequest(gathered.objects(), gathered.corefile(), gathered.sysConfig(), gathered.vmArgs(), gathered.release(), target));
    Optional<Observed> observed = gathered.live().map(access -> LiveObserver.of(access).observe(model));
    Report report = judge(model, observed, options, gathered.inputs());
    if (!report.has(Status.FAIL)) {
      return new Diagnosis(report, gathered, List.of());
    }
    Optional<FixPlanner.Outcome> outcome = new FixPlanner(target, options.checks(), model.namespace()).plan(gathered, model, report);
    if (outcome.isEmpty()) {
      return new Diagnosis(report, gathered, List.of());
    }
    List<Fix> fixes = new ArrayList<>();
    for (FixApplier.Result r : outcome.get().fixes()) {
      List<FixApplier.Applied> applied = r.applied().stream().filter(a -> !a.changesNothing()).toList();
      List<String> files = applied.stream().filter(a -> a.change() instanceof Change.FileLine).map(FixApplier.Applied::file).distinct().toList();
      fixes.add(new Fix(r.gathered(), files, applied.stream().map(FixApplier.Applied::change).toList()));
    }
    return new Diagnosis(report.withFix(outcome.get().plan()), gathered, fixes);
  }

  /** Judges a model already built (tests build models directly); {@code inputs} lists what it was built from. */
  public static Report judge(ClusterModel model, Optional<Observed> observed, DoctorOptions options, List<String> inputs) {
    DoctorContext ctx = DoctorContext.of(model, observed);
    List<CheckResult> results = Judge.run(ctx, options.checks());
    return Report.of(inputs, model, results);
  }
}
