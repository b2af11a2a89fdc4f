package dev.clusterctl.judge;

import dev.clusterctl.model.ContainerInfo;
import dev.clusterctl.model.ContainerPort;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.model.ServicePort;
import dev.clusterctl.model.WorkloadInfo;
import dev.clusterctl.dns.QueryType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The service port's targetPort resolves to the container's distribution port. */
public final class ServiceTargetPort extends BaseCheck {

  /** The check. */
  public ServiceTargetPort() {
    super(
        "service-target-port",
        Area.SERVICE,
        "The Service's targetPort resolves to the distribution port",
        "The EndpointSlice port (and so the SRV record's port) is the service port's `targetPort` resolved "
            + "against the pod: a number as is, a name through the containers' named ports. A name no container "
            + "declares leaves the pod out of that port: the SRV answer is empty. When the distribution port is "
            + "fixed (`ERL_DIST_PORT`, `-erl_epmd_port`, `inet_dist_listen_min`) the target should be that port, "
            + "or tools that follow the SRV port (and readers of the manifests) are misled. When discovery asks only "
            + "A/AAAA records it reads no Service port: the ports then carry other traffic (HTTP, say) and are not "
            + "compared with the distribution port.");
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.service().isEmpty() || ctx.workload().isEmpty()) {
      return skip("Service", "needs both the Service and the workload");
    }
    ServiceInfo s = ctx.service().get();
    WorkloadInfo w = ctx.workload().get();
    List<ServicePort> ports = ctx.srvPortLabels()
        .map(l -> s.ports().stream().filter(p -> p.name() != null && p.name().equalsIgnoreCase(l[0]) && p.protocol().equalsIgnoreCase(l[1])).toList())
        .orElse(s.ports());
    if (ports.isEmpty()) {
      return skip(s.subject(), "no service port to judge");
    }
    OptionalInt dist = DistPorts.of(ctx).port();
    for (ServicePort p : ports) {
      String label = "port " + (p.name() == null ? p.port() : p.name());
      int resolved;
      if (p.targetPort().isNamed()) {
        Optional<ContainerPort> cp = w.template().containers().stream().map(c -> c.port(p.targetPort().name())).flatMap(Optional::stream).findFirst();
        if (cp.isEmpty()) {
          return fail(s.subject(), label + " has targetPort '" + p.targetPort().name() + "' but no container of " + w.subject() + " declares a port with that name")
              .evidence("targetPort", p.targetPort())
              .evidence("container ports", containerPorts(w))
              .fix(Remediation.of("Declare the named port on the release container (or use the port number as targetPort).", "yaml",
                  "ports:\n- name: " + p.targetPort().name() + "\n  containerPort: " + (dist.isPresent() ? dist.getAsInt() : p.port()) + "\n  protocol: TCP"))
              .build();
        }
        resolved = cp.get().port();
      } else {
        resolved = p.targetPort().number();
      }
      if (dist.isPresent() && resolved != dist.getAsInt() && readsSrvPorts(ctx)) {
        return warn(s.subject(), label + " targets pod port " + resolved + " but the node listens for distribution on " + dist.getAsInt())
            .evidence("targetPort", p.targetPort() + " → " + resolved)
            .evidence("distribution port", dist.getAsInt() + " (" + DistPorts.of(ctx).origin() + ")")
            .fix(Remediation.of("Point the service port at the distribution port.", "yaml", "spec:\n  ports:\n  - name: " + (p.name() == null ? "dist-erl" : p.name()) + "\n    port: " + p.port() + "\n    targetPort: " + dist.getAsInt()))
            .build();
      }
    }
    ServicePort first = ports.get(0);
    return pass(s.subject(), "targetPort " + first.targetPort() + " resolves in the pods" + (dist.isPresent() ? " to the distribution port " + dist.getAsInt() : "")).build();
  }

  /**
   * True unless the discovery is known to ask only A/AAAA records: then the Service's ports carry
   * other traffic (HTTP, say) and their targets are not the distribution's business.
   */
  private static boolean readsSrvPorts(DoctorContext ctx) {
    return ctx.dns().map(d -> d.recordType() == QueryType.SRV).orElse(true);
  }

  private static String containerPorts(WorkloadInfo w) {
    StringBuilder sb = new StringBuilder();
    for (ContainerInfo c : w.template().containers()) {
      for (ContainerPort p : c.ports()) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(c.name()).append(':').append(p.name() == null ? "(unnamed)" : p.name()).append('=').append(p.port());
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }
}
