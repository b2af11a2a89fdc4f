package dev.clusterctl.cli.render.doctor;

import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.judge.Status;
import dev.clusterctl.report.Report;

/** The overall outcome of a report and its exit code, given {@code --fail-on}. */
public enum Verdict {
  /** Nothing failed (warnings allowed unless {@code --fail-on warn}). */
  PASS(ExitCode.OK),
  /** A check failed, or warned with {@code --fail-on warn}. */
  FAIL(ExitCode.PROBLEM),
  /** A check could not run: the verdict is incomplete. */
  ERROR(ExitCode.UNREACHABLE);

  private final ExitCode exit;

  Verdict(ExitCode exit) {
    this.exit = exit;
  }

  /** The exit code. */
  public ExitCode exit() {
    return exit;
  }

  /** The verdict of {@code report}: errors first, then failures (warnings too when {@code failOnWarn}). */
  public static Verdict of(Report report, boolean failOnWarn) {
    if (report.has(Status.ERROR)) {
      return ERROR;
    }
    if (report.has(Status.FAIL) || (failOnWarn && report.has(Status.WARN))) {
      return FAIL;
    }
    return PASS;
  }

  /** True when {@code status} counts as a failure under {@code failOnWarn}. */
  public static boolean failing(Status status, boolean failOnWarn) {
    return status == Status.FAIL || (failOnWarn && status == Status.WARN);
  }
}
