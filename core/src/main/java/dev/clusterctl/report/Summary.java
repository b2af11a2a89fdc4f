package dev.clusterctl.report;

import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import java.util.List;

/**
 * How many checks ended in each status.
 *
 * @param pass passed
 * @param warn warned
 * @param fail failed
 * @param skip skipped
 * @param error could not run
 */
public record Summary(int pass, int warn, int fail, int skip, int error) {

  /** Counts {@code results}. */
  public static Summary of(List<CheckResult> results) {
    int[] n = new int[Status.values().length];
    for (CheckResult r : results) {
      n[r.status().ordinal()]++;
    }
    return new Summary(n[0], n[1], n[2], n[3], n[4]);
  }
}
