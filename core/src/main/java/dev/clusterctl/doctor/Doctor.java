package dev.clusterctl.doctor;

import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.Discovery;
import dev.clusterctl.model.ModelBuilder;
import dev.clusterctl.model.ModelRequest;
import dev.clusterctl.model.TargetOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.clusterctl.observe.Observed;

/** Runs checks over a model and collects the {@link Report}. */
public final class Doctor {

  private Doctor() {}

  /**
   * Models what a source gathered and runs {@code checks} over it: the one path every source
   * (files, the Kubernetes API, the local pod) takes once it has produced a {@link Gathered}.
   */
  public static Report diagnose(Gathered gathered, TargetOptions options, List<Check> checks) {
    ClusterModel model = ModelBuilder.build(new ModelRequest(gathered.objects(), gathered.corefile(), gathered.sysConfig(), gathered.vmArgs(), options));
    Optional<Observed> observed = gathered.observer().map(o -> o.observe(model));
    return run(model, observed, checks, gathered.inputs());
  }

  /** Runs {@code checks} over {@code model} read from files; {@code inputs} lists what the model was built from. */
  public static Report run(ClusterModel model, List<Check> checks, List<String> inputs) {
    return run(model, Optional.empty(), checks, inputs);
  }

  /** Runs {@code checks} over {@code model} and what a live source observed. */
  public static Report run(ClusterModel model, Optional<Observed> observed, List<Check> checks, List<String> inputs) {
    DoctorContext ctx = DoctorContext.of(model, observed);
    List<CheckResult> results = new ArrayList<>();
    for (Check c : checks) {
      results.add(runOne(c, ctx));
    }
    return new Report(Report.SCHEMA_VERSION, inputs, model.notes(), target(ctx), results, Summary.of(results));
  }

  /** Runs one check; a check that throws becomes an {@link Status#ERROR} result naming the failure. */
  static CheckResult runOne(Check c, DoctorContext ctx) {
    if (!c.live() && ctx.observed().map(o -> o.inPod()).orElse(false)) {
      return CheckResult.of(c, Status.SKIP, "pod", "judges the Kubernetes objects, which --local does not read: run doctor against the API or with -f").build();
    }
    try {
      return c.run(ctx);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      return CheckResult.of(c, Status.ERROR, "check", "the check could not run: " + why).build();
    }
  }

  private static List<Evidence> target(DoctorContext ctx) {
    ClusterModel m = ctx.model();
    List<Evidence> t = new ArrayList<>();
    t.add(new Evidence("namespace", m.namespace()));
    t.add(new Evidence("service", m.service().map(s -> s.subject() + (s.headless() ? " (headless)" : "")).orElse(m.serviceWanted() == null ? "(none)" : m.serviceWanted() + " (not among the inputs)")));
    t.add(new Evidence("workload", m.workload().map(w -> w.subject() + ", " + w.replicas() + " replicas").orElse("(none)")));
    t.add(new Evidence("Corefile", m.coredns().origin()));
    t.add(new Evidence("cluster domain", m.clusterDomain()));
    t.add(new Evidence("discovery", m.release().discovery().map(Doctor::describe).orElse("(unknown: give --sys-config or --strategy)")));
    t.add(new Evidence("node name", m.release().naming().map(n -> n.describe() + " (" + n.origin() + ")").orElse("(unknown: give --vm-args or set RELEASE_* in the container)")));
    return t;
  }

  /** One line describing a discovery setting. */
  public static String describe(Discovery d) {
    if (d instanceof Discovery.Dns dns) {
      return dns.strategy().id() + ": " + dns.recordType() + " " + dns.query() + ", host part " + dns.hostType().name().toLowerCase(java.util.Locale.ROOT) + " (" + dns.origin() + ")";
    }
    if (d instanceof Discovery.Static s) {
      return "static list of " + s.nodes().size() + " nodes (" + s.origin() + ")";
    }
    Discovery.Other o = (Discovery.Other) d;
    return o.description() + " (" + o.origin() + ")";
  }
}
