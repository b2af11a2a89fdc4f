package dev.clusterctl.judge;

import java.util.ArrayList;
import java.util.List;

/** Runs checks over one {@link DoctorContext}, each on its own: a check that throws is an {@link Status#ERROR} result, never a crash. */
public final class Judge {

  private Judge() {}

  /** Runs {@code checks} in order over {@code ctx}. */
  public static List<CheckResult> run(DoctorContext ctx, List<Check> checks) {
    List<CheckResult> results = new ArrayList<>();
    for (Check c : checks) {
      results.add(runOne(c, ctx));
    }
    return results;
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
}
