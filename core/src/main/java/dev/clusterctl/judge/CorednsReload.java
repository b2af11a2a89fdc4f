package dev.clusterctl.judge;

import dev.clusterctl.model.CorednsSettings;

/** A Corefile that is deployed with the manifests is picked up without a restart. */
public final class CorednsReload extends BaseCheck {

  /** The check. */
  public CorednsReload() {
    super(
        "coredns-reload",
        Area.DNS,
        "CoreDNS picks up the deployed Corefile (reload)",
        "Editing the `kube-system/coredns` ConfigMap changes nothing until CoreDNS reads it again: the `reload` "
            + "plugin does so within about a minute, otherwise CoreDNS must be restarted "
            + "(`kubectl -n kube-system rollout restart deployment coredns`). Until then `endpoint_pod_names` "
            + "and other edits are not in effect. Judged only when a Corefile is among the inputs.");
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    CorednsSettings dns = ctx.model().coredns();
    if (dns.assumedDefault()) {
      return skip("Corefile", "no Corefile among the inputs (kubeadm's default is assumed)");
    }
    String subject = "Corefile " + dns.origin();
    if (dns.reload()) {
      return pass(subject, "the server block has reload: CoreDNS re-reads the ConfigMap within about a minute").build();
    }
    return warn(subject, "no reload plugin: CoreDNS keeps its old configuration until it is restarted")
        .fix(Remediation.of("Add reload to the server block, or restart CoreDNS after each change.", "shell", "kubectl -n kube-system rollout restart deployment coredns"))
        .build();
  }
}
