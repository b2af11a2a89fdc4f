package dev.clusterctl.judge;

import dev.clusterctl.model.ContainerInfo;
import dev.clusterctl.model.ContainerPort;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.model.ServicePort;
import dev.clusterctl.model.WorkloadInfo;
import java.util.ArrayList;
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
    List<Integer> resolved = new ArrayList<>();
    for (ServicePort p : ports) {
      if (p.targetPort().isNamed()) {
        Optional<ContainerPort> cp = w.template().containers().stream().map(c -> c.port(p.targetPort().name())).flatMap(Optional::stream).findFirst();
        if (cp.isEmpty()) {
          return fail(s.subject(), label(p) + " has targetPort '" + p.targetPort().name() + "' but no container of " + w.subject() + " declares a port with that name")
              .evidence("targetPort", p.targetPort())
              .evidence("container ports", containerPorts(w))
              .fix(Remediation.of("Declare the named port on the release container (or use the port number as targetPort).", "yaml",
                  Snippet.container(w, "ports[containerPort=" + (dist.isPresent() ? dist.getAsInt() : p.port()) + "]", Snippet.object().put("name", p.targetPort().name())
                      .put("containerPort", dist.isPresent() ? dist.getAsInt() : p.port()).put("protocol", "TCP"))))
              .build();
        }
        resolved.add(cp.get().port());
      } else {
        resolved.add(p.targetPort().number());
      }
    }
    // Discovery that reads no SRV record (A records) never sees a service port, and an SRV query
    // without _port._proto gets every port: ports that do not target the distribution port then
    // carry other traffic (EPMD, HTTP) and are not judged, as long as one does where SRV is read.
    boolean readsPorts = ctx.dns().isEmpty() || ctx.srvDiscovery();
    boolean onePortPerQuery = ctx.srvPortLabels().isPresent() || ctx.dns().isEmpty();
    boolean someTargetsDist = dist.isPresent() && resolved.contains(dist.getAsInt());
    List<String> other = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      ServicePort p = ports.get(i);
      if (dist.isEmpty() || resolved.get(i) == dist.getAsInt()) {
        continue;
      }
      if (!readsPorts || (!onePortPerQuery && someTargetsDist)) {
        other.add(label(p) + " (" + resolved.get(i) + ")");
        continue;
      }
      return warn(s.subject(), label(p) + " targets pod port " + resolved.get(i) + " but the node listens for distribution on " + dist.getAsInt())
          .evidence("targetPort", p.targetPort() + " → " + resolved.get(i))
          .evidence("distribution port", dist.getAsInt() + " (" + DistPorts.of(ctx).origin() + ")")
          .fix(Remediation.of("Point the service port at the distribution port.", "yaml",
              Snippet.service(s, "spec.ports[port=" + p.port() + "].targetPort", com.fasterxml.jackson.databind.node.IntNode.valueOf(dist.getAsInt()))))
          .build();
    }
    ServicePort first = ports.get(0);
    String carried = other.isEmpty() ? "" : "; " + String.join(", ", other) + " carr" + (other.size() == 1 ? "ies" : "y") + " other traffic, "
        + (readsPorts ? "beside the distribution port" : "and discovery reads no service port (" + ctx.dns().get().recordType() + " records)");
    return pass(s.subject(), "targetPort " + first.targetPort() + " resolves in the pods" + (someTargetsDist && other.isEmpty() ? " to the distribution port " + dist.getAsInt() : "") + carried).build();
  }

  private static String label(ServicePort p) {
    return "port " + (p.name() == null ? String.valueOf(p.port()) : p.name());
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
