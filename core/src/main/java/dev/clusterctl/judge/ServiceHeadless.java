package dev.clusterctl.judge;

import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.ServiceInfo;
import java.util.List;

/** The service is headless, so DNS lists every pod. */
public final class ServiceHeadless extends BaseCheck {

  /** The check. */
  public ServiceHeadless() {
    super(
        "service-headless",
        Area.SERVICE,
        "The Service is headless (clusterIP: None)",
        "Only a headless service (`clusterIP: None`) gets one A record and one SRV target per pod. A ClusterIP "
            + "service answers with its single virtual IP and an SRV target of the service name itself, so "
            + "discovery finds one \"node\" that is no node at all.");
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.service().isEmpty()) {
      return skip("Service", "no Service to judge");
    }
    ServiceInfo s = ctx.service().get();
    if (s.headless()) {
      return pass(s.subject(), "clusterIP: None, so DNS has one record per pod").build();
    }
    return fail(s.subject(), "Service " + s.name() + " is not headless: DNS answers with one cluster IP, not the pods")
        .evidence("clusterIP", s.clusterIP() == null ? "(allocated by the cluster)" : s.clusterIP())
        .evidence("type", s.type())
        .fix(Remediation.of("Make the service headless. clusterIP cannot be changed in place: delete and re-create the Service (or add a second, headless one).", "yaml",
            Snippet.service(s, "spec.clusterIP", Snippet.text("None"))))
        .build();
  }

  @Override
  public List<Proposal> propose(DoctorContext ctx) {
    return ctx.service().filter(s -> !s.headless()).map(s -> List.of(new Proposal("make Service " + s.name() + " headless",
        List.of(Proposals.text(Proposals.key(s), "spec.clusterIP", "None")),
        List.of(s.subject() + ": spec.clusterIP cannot change in place; delete the Service, then apply")))).orElse(List.of());
  }
}
