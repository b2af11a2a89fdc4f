package dev.clusterctl.judge;

import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.model.ServicePort;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The SRV query's {@code _name._proto} matches a port of the service. */
public final class ServicePortName extends BaseCheck {

  /** The check. */
  public ServicePortName() {
    super(
        "service-port-name",
        Area.SERVICE,
        "The SRV query's _name._proto matches a Service port",
        "CoreDNS publishes `_<port-name>._<protocol>.<svc>.<ns>.svc.<zone>` SRV records for every named port of "
            + "the service (names compared case-insensitively). An SRV query for a port name the service does not "
            + "have is NXDOMAIN; a service without ports has no SRV records at all. Applies only to SRV discovery.");
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (!ctx.srvDiscovery()) {
      return skip("Service", "discovery does not use SRV records");
    }
    if (ctx.service().isEmpty()) {
      return skip("Service", "no Service to judge");
    }
    ServiceInfo s = ctx.service().get();
    String ports = s.ports().stream().map(p -> (p.name() == null ? "(unnamed)" : p.name()) + "/" + p.protocol() + " " + p.port()).collect(Collectors.joining(", "));
    if (s.ports().isEmpty()) {
      return fail(s.subject(), "Service " + s.name() + " has no ports, so it has no SRV records")
          .fix(Remediation.of("Add the distribution port, named as the SRV query expects.", "yaml",
              Snippet.service(s, "spec.ports[port=39135]", Snippet.object().put("name", "dist-erl").put("protocol", "TCP").put("port", 39135).put("targetPort", 39135))))
          .build();
    }
    Optional<String[]> labels = ctx.srvPortLabels();
    if (labels.isEmpty()) {
      return pass(s.subject(), "the SRV query has no _port._proto prefix and gets every port: " + ports).build();
    }
    String name = labels.get()[0];
    String proto = labels.get()[1];
    Optional<ServicePort> match = s.ports().stream().filter(p -> p.name() != null && p.name().equalsIgnoreCase(name) && p.protocol().equalsIgnoreCase(proto)).findFirst();
    if (match.isPresent()) {
      return pass(s.subject(), "port " + match.get().name() + "/" + match.get().protocol() + " answers _" + name + "._" + proto).build();
    }
    return fail(s.subject(), "the SRV query asks for _" + name + "._" + proto + " but Service " + s.name() + " has no " + proto.toUpperCase(java.util.Locale.ROOT) + " port named " + name)
        .evidence("SRV query", ctx.dns().get().query())
        .evidence("service ports", ports)
        .fix(Remediation.of("Name the distribution port as the query does (or change the query's _name to an existing port).", "yaml",
            Snippet.service(s, "spec.ports[port=" + s.ports().get(0).port() + "]", Snippet.object().put("name", name).put("protocol", proto.toUpperCase(java.util.Locale.ROOT))
                .put("port", s.ports().get(0).port()))))
        .build();
  }

  /** Renames the Service port the distribution uses (the one port, or the one whose target is the distribution port) as the SRV query asks. */
  @Override
  public List<Proposal> propose(DoctorContext ctx) {
    Optional<String[]> labels = ctx.srvPortLabels();
    if (ctx.service().isEmpty() || labels.isEmpty()) {
      return List.of();
    }
    ServiceInfo s = ctx.service().get();
    List<ServicePort> ports = s.ports();
    java.util.OptionalInt dist = DistPorts.of(ctx).port();
    Optional<ServicePort> target = ports.size() == 1 ? Optional.of(ports.get(0))
        : ports.stream().filter(p -> dist.isPresent() && !p.targetPort().isNamed() && p.targetPort().number() == dist.getAsInt()).findFirst();
    if (target.isEmpty()) {
      return List.of();
    }
    String name = labels.get()[0];
    return List.of(Proposal.of("name the distribution port " + name + ", as the SRV query asks",
        Proposals.text(Proposals.key(s), "spec.ports[port=" + target.get().port() + "].name", name)));
  }
}
