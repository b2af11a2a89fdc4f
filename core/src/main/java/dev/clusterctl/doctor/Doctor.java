package dev.clusterctl.doctor;

import dev.clusterctl.gather.Gathered;
import dev.clusterctl.gather.Source;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.DoctorContext;
import dev.clusterctl.judge.Judge;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.ModelBuilder;
import dev.clusterctl.model.ModelRequest;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.observe.LiveObserver;
import dev.clusterctl.observe.Observed;
import dev.clusterctl.report.Report;
import java.util.List;
import java.util.Optional;

/**
 * The doctor, one path for every source: gather, model, observe (live sources only), judge, report.
 */
public final class Doctor {

  private Doctor() {}

  /** Gathers from {@code source}, models it, observes it when it is live, runs the checks and reports. */
  public static Report diagnose(Source source, DoctorOptions options) {
    Gathered gathered = source.gather();
    TargetOptions target = options.target();
    if (target.namespace().isEmpty() && gathered.namespace().isPresent()) {
      target = target.withNamespace(gathered.namespace().get());
    }
    ClusterModel model = ModelBuilder.build(new ModelRequest(gathered.objects(), gathered.corefile(), gathered.sysConfig(), gathered.vmArgs(), gathered.release(), target));
    Optional<Observed> observed = gathered.live().map(access -> LiveObserver.of(access).observe(model));
    return judge(model, observed, options, gathered.inputs());
  }

  /** Judges a model already built (tests build models directly); {@code inputs} lists what it was built from. */
  public static Report judge(ClusterModel model, Optional<Observed> observed, DoctorOptions options, List<String> inputs) {
    DoctorContext ctx = DoctorContext.of(model, observed);
    List<CheckResult> results = Judge.run(ctx, options.checks());
    return Report.of(inputs, model, results);
  }
}
