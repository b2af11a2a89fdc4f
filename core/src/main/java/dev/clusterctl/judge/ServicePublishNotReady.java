package dev.clusterctl.judge;

import dev.clusterctl.dns.QueryType;
import dev.clusterctl.expect.CorednsSimulator;
import dev.clusterctl.expect.DnsAnswer;
import dev.clusterctl.expect.ExamplePod;
import dev.clusterctl.model.ContainerInfo;
import dev.clusterctl.model.ServiceInfo;
import java.util.List;
import java.util.Optional;

/** Not-ready pods are published, or no readiness probe can keep them out of DNS. */
public final class ServicePublishNotReady extends BaseCheck {

  /** The check. */
  public ServicePublishNotReady() {
    super(
        "service-publish-not-ready",
        Area.SERVICE,
        "Pods are in DNS before they are Ready (publishNotReadyAddresses)",
        "An endpoint is ready, and so in DNS, when `publishNotReadyAddresses` is true or the pod is Ready and not "
            + "terminating. A readiness probe that waits for the node to join the cluster therefore deadlocks: "
            + "no pod becomes Ready, so no pod is in DNS, so no node finds another. Passes when "
            + "`publishNotReadyAddresses: true` or no container has a readiness probe; warns otherwise, showing "
            + "what DNS answers while no pod is Ready.");
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.service().isEmpty()) {
      return skip("Service", "no Service to judge");
    }
    ServiceInfo s = ctx.service().get();
    if (s.publishNotReadyAddresses()) {
      return pass(s.subject(), "publishNotReadyAddresses: true, so pods are in DNS from the start, Ready or not").build();
    }
    Optional<String> probe = ctx.workload().flatMap(w -> w.template().containers().stream().map(ContainerInfo::readinessProbe).flatMap(Optional::stream).findFirst());
    if (probe.isEmpty()) {
      return pass(s.subject(), "no readiness probe: pods are Ready, and in DNS, once their containers start").build();
    }
    List<ExamplePod> notReady = ctx.sim().pods().stream().map(p -> p.withReady(false)).toList();
    CorednsSimulator starting = new CorednsSimulator(ctx.model().coredns(), ctx.model().services(), ctx.workload().orElse(null), notReady);
    String name = s.name() + "." + s.namespace() + ".svc." + ctx.model().clusterDomain();
    DnsAnswer atStart = starting.answer(name, ctx.srvDiscovery() ? QueryType.SRV : QueryType.A);
    return warn(s.subject(), "pods are in DNS only once Ready; if the readiness probe waits for the cluster to form, it never will")
        .evidence("readiness probe", probe.get())
        .evidence("publishNotReadyAddresses", "false")
        .evidence("DNS while no pod is Ready", atStart.lines(1).get(0))
        .fix(Remediation.of("Publish pods before they are Ready (clustering happens before readiness).", "yaml",
            Snippet.service(s, "spec.publishNotReadyAddresses", com.fasterxml.jackson.databind.node.BooleanNode.TRUE)))
        .build();
  }
}
