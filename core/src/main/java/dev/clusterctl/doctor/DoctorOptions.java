package dev.clusterctl.doctor;

import dev.clusterctl.judge.Check;
import dev.clusterctl.model.TargetOptions;
import java.util.List;

/**
 * What the user asks of one doctor run, the same for every source.
 *
 * @param target what the user says about the target (strategy, service, namespace…)
 * @param checks the checks to run, in report order
 */
public record DoctorOptions(TargetOptions target, List<Check> checks) {

  /** Copies the list. */
  public DoctorOptions {
    checks = List.copyOf(checks);
  }
}
