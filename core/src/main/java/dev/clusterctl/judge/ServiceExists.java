package dev.clusterctl.judge;

import dev.clusterctl.fix.Change;
import dev.clusterctl.fix.ObjectKey;
import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.ServiceInfo;
import java.util.List;
import java.util.stream.Collectors;

/** The service the discovery domain (or {@code --service}) names is among the inputs. */
public final class ServiceExists extends BaseCheck {

  /** The check. */
  public ServiceExists() {
    super(
        "service-exists",
        Area.SERVICE,
        "The Service the discovery domain names exists",
        "Peers are found through a Service's DNS records. The service is the one the discovery domain names "
            + "(`svc.ns`, `_port._proto.svc.ns`) or the one given with `--service`; it must be among the inputs, "
            + "in the namespace the domain names. Without it every lookup is NXDOMAIN and no node finds another.");
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    String ns = ctx.model().namespace();
    if (ctx.service().isPresent()) {
      ServiceInfo s = ctx.service().get();
      return pass(s.subject(), "Service " + s.name() + " found in namespace " + s.namespace()).evidence("read from", s.origin()).build();
    }
    if (ctx.model().serviceWanted() == null) {
      return skip("Service", "no service to look for: no discovery domain and no --service");
    }
    String others = ctx.model().services().stream().map(ServiceInfo::subject).collect(Collectors.joining(", "));
    return fail("Service/" + ns + "/" + ctx.model().serviceWanted(), "no Service " + ctx.model().serviceWanted() + " in namespace " + ns + " among the inputs")
        .evidence("looked for", ns + "/" + ctx.model().serviceWanted())
        .evidence("services found", others.isEmpty() ? null : others)
        .fix(Remediation.of("Create the headless service the discovery domain names (or fix the domain to name an existing one).", "yaml", Snippets.headlessService(ctx, ctx.model().serviceWanted())))
        .build();
  }

  /** The headless Service the discovery names, created beside the workload. */
  @Override
  public List<Proposal> propose(DoctorContext ctx) {
    String name = ctx.model().serviceWanted();
    if (ctx.service().isPresent() || name == null || ctx.workload().isEmpty()) {
      return List.of();
    }
    ObjectKey key = new ObjectKey("v1", "Service", ctx.model().namespace(), name);
    return List.of(new Proposal("create the headless Service " + name,
        List.of(new Change.NewObject(key, Snippets.headlessServiceObject(ctx, name), "a new headless Service " + name + " for the pods of " + ctx.workload().get().subject())),
        List.of()));
  }
}
