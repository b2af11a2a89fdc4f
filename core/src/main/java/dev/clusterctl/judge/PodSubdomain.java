package dev.clusterctl.judge;

import dev.clusterctl.fix.Change;
import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.model.Member;
import dev.clusterctl.model.WorkloadInfo;
import dev.clusterctl.model.WorkloadKind;
import java.util.ArrayList;
import java.util.List;

/** The pods' subdomain (a StatefulSet's serviceName) is the headless service. */
public final class PodSubdomain extends BaseCheck {

  /** The check. */
  public PodSubdomain() {
    super(
        "pod-subdomain",
        Area.PODS,
        "The pods' subdomain (StatefulSet: serviceName) is the headless Service",
        "A pod's `hostname --fqdn` is `<host>.<subdomain>.<ns>.svc.<domain>` only when `spec.subdomain` is set; "
            + "without it the FQDN is the bare pod name, which has no dot and is refused by `-name`. The "
            + "EndpointSlice controller also gives an endpoint a hostname only when the pod's subdomain equals the "
            + "service name. A Deployment needs `subdomain: <headless service>`; a StatefulSet sets it from "
            + "`spec.serviceName`, which must be the headless service. Needed when node names use host names; "
            + "with IP-address names it does not matter.");
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.workload().isEmpty()) {
      return skip("workload", "no workload to judge");
    }
    WorkloadInfo w = ctx.workload().get();
    String svc = ctx.serviceName();
    if (svc == null) {
      return skip(w.subject(), "no Service to compare with");
    }
    boolean needed = ctx.peersUseHostNames() || ctx.selfUsesHostName();
    String have = w.kind() == WorkloadKind.STATEFULSET ? w.serviceName() : w.template().subdomain();
    String field = w.kind() == WorkloadKind.STATEFULSET ? "spec.serviceName" : "spec.template.spec.subdomain";
    if (svc.equals(have)) {
      return pass(w.subject(), field + " is " + svc + ", so pods are named <pod>." + svc + "." + w.namespace() + ".svc." + ctx.model().clusterDomain()).build();
    }
    if (!needed && w.kind() == WorkloadKind.DEPLOYMENT && have == null) {
      return pass(w.subject(), "no subdomain, and none is needed: node names use IP addresses").build();
    }
    String msg = have == null
        ? "the pods have no subdomain, so hostname --fqdn is the bare pod name (no dot, no service)"
        : field + " is " + have + ", not the headless service " + svc;
    CheckResult.Builder b = needed ? fail(w.subject(), msg) : warn(w.subject(), msg + " (harmless while names use IP addresses)");
    CheckResult r = b.evidence(field, have)
        .evidence("headless service", svc)
        .evidence("example pod FQDN", ctx.sim().pods().isEmpty() ? null : ctx.sim().pods().get(0).host().fqdn())
        .fix(Remediation.of("Set the pods' subdomain to the headless service.", "yaml", Snippets.subdomain(w, ctx.service().orElse(null), svc)))
        .build();
    // Needed only because of how the node names itself, which the inputs leave open: unsure, not failed.
    List<Assumption> naming = ctx.peersUseHostNames() ? List.of()
        : ctx.model().assumptionsAbout(Assumption.Topic.NODE_NAME).stream().filter(Assumption::softens).toList();
    return needed && !naming.isEmpty() ? r.unsure(naming) : r;
  }

  @Override
  public List<Proposal> propose(DoctorContext ctx) {
    String svc = ctx.serviceName();
    if (svc == null || ctx.workload().isEmpty()) {
      return List.of();
    }
    List<Change> changes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Member m : ctx.model().members()) {
      WorkloadInfo w = m.workload();
      if (w.kind() == WorkloadKind.STATEFULSET && !svc.equals(w.serviceName())) {
        changes.add(Proposals.text(Proposals.key(w), "spec.serviceName", svc));
        notes.add(w.subject() + ": spec.serviceName cannot change in place; delete the StatefulSet with --cascade=orphan, then apply");
      } else if (w.kind() == WorkloadKind.DEPLOYMENT && !svc.equals(w.template().subdomain())) {
        changes.add(Proposals.text(Proposals.key(w), "spec.template.spec.subdomain", svc));
      }
    }
    return changes.isEmpty() ? List.of() : List.of(new Proposal("put the pods under the headless Service " + svc, changes, notes));
  }
}
