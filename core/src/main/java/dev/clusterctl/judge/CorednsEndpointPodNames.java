package dev.clusterctl.judge;

import dev.clusterctl.expect.Endpoint;
import dev.clusterctl.fix.Change;
import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.model.CorednsSettings;
import dev.clusterctl.model.ServiceInfo;
import java.util.List;
import java.util.Set;

/** DNS names the pods by name (hostname or endpoint_pod_names), not by dashed IP, when peers use host names. */
public final class CorednsEndpointPodNames extends BaseCheck {

  /** The check. */
  public CorednsEndpointPodNames() {
    super(
        "coredns-endpoint-pod-names",
        Area.DNS,
        "SRV targets carry pod names, not dashed IPs (endpoint_pod_names)",
        "CoreDNS names an endpoint by its `hostname` (set for StatefulSet pods, and for pods with "
            + "`spec.hostname` and a matching subdomain), else — with the `endpoint_pod_names` option — by its pod "
            + "name, else by its dashed IP (`10-244-0-15`). A Deployment's pods have no hostname, so without "
            + "`endpoint_pod_names` their SRV targets are `10-244-0-15.svc.ns.svc.cluster.local`, which no pod "
            + "calls itself. Applies when peers name nodes after SRV targets or PTR names.");
  }

  @Override
  public Set<Assumption.Topic> restsOn() {
    return Set.of(Assumption.Topic.COREDNS);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (!ctx.peersUseHostNames()) {
      return skip("Corefile", "peers name nodes by IP address: endpoint names do not matter");
    }
    if (ctx.service().isEmpty() || ctx.workload().isEmpty()) {
      return skip("Corefile", "needs both the Service and the workload");
    }
    ServiceInfo s = ctx.service().get();
    if (!s.headless()) {
      return skip(s.subject(), "the Service is not headless: DNS has no per-pod names to judge");
    }
    CorednsSettings dns = ctx.model().coredns();
    List<Endpoint> eps = ctx.sim().coredns().endpoints(s);
    if (eps.isEmpty()) {
      return skip(s.subject(), "the Service has no endpoints to name");
    }
    Endpoint e = eps.get(0);
    String subject = "Corefile " + dns.origin();
    switch (e.nameRule()) {
      case "hostname":
        return pass(subject, "endpoints are named by the pods' hostname (" + e.name() + "); endpoint_pod_names is not needed").build();
      case "endpoint_pod_names":
        return pass(subject, "endpoint_pod_names is set: endpoints are named after their pods (" + e.name() + ")")
            .evidence("kubernetes plugin", dns.origin() + (dns.line() > 0 ? ":" + dns.line() : ""))
            .build();
      default:
        boolean wrongSubdomain = e.pod().specHostname() != null && !s.name().equals(e.pod().specSubdomain());
        String why = wrongSubdomain
            ? "the pods' hostname is ignored because their subdomain (" + e.pod().specSubdomain() + ") is not the service " + s.name()
                + (dns.endpointPodNames() ? "" : ", and without endpoint_pod_names endpoints are named by dashed IP")
            : dns.endpointPodNames()
                ? "endpoint_pod_names is set but pod names of 64 characters or more fall back to the dashed IP"
                : "endpoint_pod_names is not set and the pods have no hostname, so endpoints are named by dashed IP";
        Remediation fix = wrongSubdomain
            ? Remediation.of("Put the pods under the headless service (see pod-subdomain).", "yaml", Snippets.subdomain(ctx.workload().get(), s, s.name()))
            : Remediation.of("Add endpoint_pod_names to the kubernetes plugin and restart CoreDNS (or run the pods as a StatefulSet).", "corefile", Snippets.endpointPodNames(ctx));
        return fail(subject, why)
            .evidence("example SRV target", e.name() + "." + s.name() + "." + s.namespace() + ".svc." + dns.forwardZone())
            .evidence("the pod calls itself", e.pod().host().fqdn())
            .evidence("Corefile", dns.origin() + (dns.assumedDefault() ? " (assumed: no coredns ConfigMap among the inputs)" : ""))
            .fix(fix)
            .build();
    }
  }

  @Override
  public List<Proposal> propose(DoctorContext ctx) {
    String zone = ctx.model().coredns().forwardZone() == null ? ctx.model().clusterDomain() : ctx.model().coredns().forwardZone();
    return List.of(new Proposal("have CoreDNS name endpoints after their pods (endpoint_pod_names)", List.of(new Change.CorefileDirective(zone, "endpoint_pod_names")),
        List.of("CoreDNS reads the change when its reload plugin is on; else: kubectl -n kube-system rollout restart deployment coredns")));
  }
}
