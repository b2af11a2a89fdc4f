package dev.clusterctl.judge;

import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.Assumption;
import java.util.List;
import java.util.Set;

/**
 * One check: a stable id, what it looks at, and a judgement of the model and its simulation.
 * Implementations are small, stateless and registered in {@link CheckRegistry}.
 */
public interface Check {

  /** The stable id ({@code node-host-matches-dns}); a public contract used in docs, JSON and {@code --only}. */
  String id();

  /** The area the report groups it under. */
  Area area();

  /** One line saying what it verifies. */
  String title();

  /** A paragraph for {@code docs/checks.md}: why it matters and how it decides. */
  String description();

  /** True for checks of what is running (real pods, DNS answers); false for checks of the deployed configuration. */
  default boolean live() {
    return false;
  }

  /**
   * What the verdict depends on that the inputs may leave unsettled: a failure is reported as a
   * warning when the model assumed something about one of these topics.
   */
  default Set<Assumption.Topic> restsOn() {
    return Set.of();
  }

  /**
   * The topics {@code failure}, found in {@code ctx}, rests on: {@link #restsOn()} unless the check
   * knows this failure holds whatever some of them turn out to be.
   */
  default Set<Assumption.Topic> restsOn(CheckResult failure, DoctorContext ctx) {
    return restsOn();
  }

  /** Judges {@code ctx}; may throw, in which case the doctor reports {@link Status#ERROR}. */
  CheckResult run(DoctorContext ctx);

  /**
   * The ways to make this check pass when it fails on {@code ctx}, each complete on its own, the
   * team's choices (discovery library, record type, workload kind) kept; empty when no change can be
   * made automatically. The doctor's planner combines, applies and verifies them.
   */
  default List<Proposal> propose(DoctorContext ctx) {
    return List.of();
  }

  /** The link to a check's section of the generated check reference. */
  static String docsLink(String id) {
    return "docs/checks.md#" + id;
  }
}
