package dev.clusterctl.judge;

import dev.clusterctl.expect.ExamplePod;
import dev.clusterctl.model.WorkloadInfo;
import dev.clusterctl.model.WorkloadKind;

/** Pod names are short enough to be host names and endpoint names. */
public final class PodNameLength extends BaseCheck {

  /** The check. */
  public PodNameLength() {
    super(
        "pod-name-length",
        Area.PODS,
        "Pod names fit in a DNS label (63 characters)",
        "The kubelet cuts a pod's host name to 63 characters; CoreDNS's `endpoint_pod_names` uses the pod name "
            + "only when it is shorter than 64 characters and falls back to the dashed IP otherwise; "
            + "`setHostnameAsFQDN` fails pod creation when the FQDN exceeds 64 characters. A Deployment's pods "
            + "get `generateName: <name>-<pod-template-hash>-`, which the API server cuts to 58 characters before "
            + "adding 5 random ones, so their names never exceed 63; a StatefulSet's pods are `<name>-<ordinal>`, "
            + "never cut. When node names use host names, a long name makes the name a pod calls itself differ "
            + "from the one DNS gives it.");
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.workload().isEmpty() || ctx.sim().pods().isEmpty()) {
      return skip("workload", "no workload to judge");
    }
    WorkloadInfo w = ctx.workload().get();
    ExamplePod p = ctx.sim().pods().get(ctx.sim().pods().size() - 1);
    boolean hostNames = ctx.peersUseHostNames() || ctx.selfUsesHostName();
    int len = p.name().length();
    String limit = w.kind() == WorkloadKind.DEPLOYMENT ? " (the API server cuts a Deployment's generated pod names to 63)" : "";
    if (w.template().setHostnameAsFqdn() && p.host().fqdn().length() > 64) {
      return fail(w.subject(), "setHostnameAsFQDN with a " + p.host().fqdn().length() + "-character FQDN: pod creation fails (limit 64)")
          .evidence("example FQDN", p.host().fqdn())
          .fix(Remediation.text("Shorten the workload or service name, or drop setHostnameAsFQDN."))
          .build();
    }
    if (len < 64) {
      return pass(w.subject(), "pod names have " + len + " characters, within the 63 a DNS label allows" + limit).build();
    }
    String msg = "pod names have " + len + " characters: host names are cut to 63 and endpoint_pod_names falls back to dashed IPs";
    CheckResult.Builder b = hostNames ? fail(w.subject(), msg) : warn(w.subject(), msg + " (harmless while names use IP addresses)");
    return b.evidence("example pod", p.name())
        .evidence("its host name", p.host().hostname())
        .fix(Remediation.text("Shorten the " + w.kind().kind() + " name to at most 60 characters."))
        .build();
  }
}
