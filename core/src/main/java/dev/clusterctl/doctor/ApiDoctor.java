package dev.clusterctl.doctor;

import dev.clusterctl.kube.KubeApi;
import dev.clusterctl.kube.KubeTarget;
import dev.clusterctl.model.TargetOptions;
import java.util.List;
import java.util.Optional;

/** The live doctor: gather from the Kubernetes API, build the model, observe, run the checks. */
public final class ApiDoctor {

  private ApiDoctor() {}

  /** Connects to {@code target}, reads what {@code inputs} says and runs {@code checks}; the namespace defaults to the context's. */
  public static Report run(KubeTarget target, ApiInputs inputs, TargetOptions options, List<Check> checks) {
    try (KubeApi api = KubeApi.connect(target)) {
      return run(api, inputs, options, checks);
    }
  }

  /** Runs against an open client (tests pass the mock server's). */
  public static Report run(KubeApi api, ApiInputs inputs, TargetOptions options, List<Check> checks) {
    TargetOptions withNs = new TargetOptions(options.strategy(), options.basename(), options.domain(), options.service(), options.workload(),
        Optional.of(api.namespace()), options.clusterDomain());
    return Doctor.diagnose(new ApiSource(api).gather(inputs), withNs, checks);
  }
}
