package dev.clusterctl.judge;

import dev.clusterctl.observe.Observed;
import java.util.Optional;

/**
 * A check that judges what a running cluster or pod shows: it skips, with the same reason for
 * all, when the doctor reads files, and otherwise judges the observation.
 */
abstract class LiveCheck extends BaseCheck {

  private final String subjectWhenSkipped;

  LiveCheck(String id, Area area, String title, String description, String subjectWhenSkipped) {
    super(id, area, title, description);
    this.subjectWhenSkipped = subjectWhenSkipped;
  }

  @Override
  public final boolean live() {
    return true;
  }

  @Override
  public final CheckResult run(DoctorContext ctx) {
    Optional<Observed> seen = Live.observed(ctx);
    if (seen.isEmpty()) {
      return skip(subjectWhenSkipped, Live.FROM_FILES);
    }
    return judge(ctx, seen.get());
  }

  /** Judges what was observed. */
  abstract CheckResult judge(DoctorContext ctx, Observed observed);
}
