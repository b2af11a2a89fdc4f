package dev.clusterctl.judge;

import dev.clusterctl.model.Assumption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
      CheckResult r = c.run(ctx);
      if (r.status() == Status.FAIL && !c.restsOn(r, ctx).isEmpty()) {
        List<Assumption> unsettling = unsettling(c, c.restsOn(r, ctx), ctx);
        if (!unsettling.isEmpty()) {
          return r.unsure(unsettling);
        }
      }
      return r;
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      return CheckResult.of(c, Status.ERROR, "check", "the check could not run: " + why).build();
    }
  }

  /**
   * The assumptions a failure of {@code c} rests on: those with another value under which the check
   * does not fail, and those whose other values cannot be listed. A failure that holds under every
   * listed value of every assumption does not rest on them.
   */
  private static List<Assumption> unsettling(Check c, Set<Assumption.Topic> topics, DoctorContext ctx) {
    List<Assumption> out = new ArrayList<>();
    for (Assumption a : ctx.model().assumptionsAbout(topics.toArray(Assumption.Topic[]::new))) {
      if (!a.softens()) {
        continue;
      }
      if (a.alternatives().isEmpty()) {
        out.add(a);
        continue;
      }
      for (Assumption.Alternative alt : a.alternatives()) {
        DoctorContext other = DoctorContext.of(alt.apply().apply(ctx.model()), ctx.observed());
        Status s;
        try {
          s = c.run(other).status();
        } catch (RuntimeException e) {
          s = Status.ERROR;
        }
        if (s != Status.FAIL) {
          out.add(a);
          break;
        }
      }
    }
    return out;
  }
}
