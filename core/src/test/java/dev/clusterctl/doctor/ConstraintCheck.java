package dev.clusterctl.doctor;

import dev.clusterctl.judge.Area;
import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.DoctorContext;
import dev.clusterctl.judge.Status;
import java.util.function.Predicate;

/**
 * A check standing in for a constraint the inputs cannot lift and doctor does not model (a DNS
 * service without SRV records, names other systems rely on): it fails while {@code broken} holds,
 * and proposes nothing, so the planner must find a way around it.
 *
 * @param id the check's id
 * @param title what it requires
 * @param broken when it fails
 */
record ConstraintCheck(String id, String title, Predicate<DoctorContext> broken) implements Check {

  @Override
  public Area area() {
    return Area.DNS;
  }

  @Override
  public String description() {
    return "A test constraint: " + title + ".";
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    boolean fails = broken.test(ctx);
    return CheckResult.of(this, fails ? Status.FAIL : Status.PASS, "constraint", fails ? "not met: " + title : "met: " + title).build();
  }
}
