package dev.clusterctl.judge;

import dev.clusterctl.observe.CorednsState;
import dev.clusterctl.observe.Observed;
import java.util.List;

/** The running CoreDNS pods use the Corefile in the ConfigMap, not an older one. */
public final class CorednsReloaded extends LiveCheck {

  /** The check. */
  public CorednsReloaded() {
    super(
        "coredns-reloaded",
        Area.DNS,
        "The running CoreDNS pods use the current Corefile",
        "CoreDNS reads its Corefile at start and, with the `reload` plugin, again when it changes. When the "
            + "`kube-system/coredns` ConfigMap changed after the CoreDNS pods started (its newest `managedFields` time, "
            + "else its creation) and the Corefile has no `reload`, the pods still answer with the old configuration: "
            + "an `endpoint_pod_names` just added is not in effect. Needs the API (get configmaps and list pods in kube-system).",
        "CoreDNS");
  }

  @Override
  CheckResult judge(DoctorContext ctx, Observed seen) {
    if (!seen.coredns().seen()) {
      return skip("CoreDNS", seen.coredns().missing());
    }
    CorednsState s = seen.coredns().get();
    String subject = "ConfigMap/kube-system/coredns";
    if (s.pods().isEmpty()) {
      return skip(subject, "no CoreDNS pods found in kube-system (label k8s-app=kube-dns)");
    }
    List<CorednsState.CorednsPod> stale = s.pods().stream().filter(p -> p.started() != null && p.started().isBefore(s.configChanged())).toList();
    if (ctx.model().coredns().reload()) {
      return pass(subject, "the Corefile has reload: CoreDNS re-reads the ConfigMap within about a minute")
          .evidence("ConfigMap changed", s.configChanged() + " (" + s.changedHow() + ")")
          .build();
    }
    if (stale.isEmpty()) {
      return pass(subject, "all " + s.pods().size() + " CoreDNS pods started after the ConfigMap last changed")
          .evidence("ConfigMap changed", s.configChanged() + " (" + s.changedHow() + ")")
          .build();
    }
    return fail(subject, stale.size() + " of " + s.pods().size() + " CoreDNS pods started before the ConfigMap changed and the Corefile has no reload: they still run the old configuration")
        .evidence("ConfigMap changed", s.configChanged() + " (" + s.changedHow() + ")")
        .evidence("started before", Live.list(stale.stream().map(p -> p.name() + " " + p.started()).toList(), 5))
        .fix(Remediation.of("Restart CoreDNS so that it reads the current Corefile, and add reload to the server block.", "shell",
            "kubectl -n kube-system rollout restart deployment coredns"))
        .build();
  }
}
