package dev.clusterctl.judge;

import dev.clusterctl.model.ContainerInfo;
import java.util.OptionalInt;

/** A fixed distribution port is the same for every node and declared on the container. */
public final class DistPort extends BaseCheck {

  /** The check. */
  public DistPort() {
    super(
        "dist-port",
        Area.DISTRIBUTION,
        "The distribution port is fixed consistently and declared",
        "With `ERL_DIST_PORT=P` (relx: `-erl_epmd_port P -start_epmd false`) a node listens on P and dials every "
            + "peer on P, without EPMD: every pod must use the same P, and vm.args/sys.config must not fix "
            + "another. The port should be declared as a `containerPort` so that Services, NetworkPolicies and "
            + "readers see it. Without a fixed port, nodes use EPMD (4369) plus a dynamic port, and both must be "
            + "open between pods.");
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    DistPorts ports = DistPorts.of(ctx);
    String subject = ctx.workload().map(w -> w.subject()).orElse("release");
    if (ports.envValues().size() > 1) {
      return fail(subject, "ERL_DIST_PORT differs between pods (" + String.join(", ", ports.envValues()) + "): each node dials peers on its own port")
          .fix(ctx.workload().map(w -> Remediation.of("Use one literal port for every pod.", "yaml", Snippet.envValue(w, "ERL_DIST_PORT", "39135")))
              .orElse(Remediation.text("Use one literal port for every pod (ERL_DIST_PORT).")))
          .build();
    }
    OptionalInt port = ports.port();
    if (!ports.envValues().isEmpty() && port.isEmpty()) {
      return fail(subject, "ERL_DIST_PORT is " + ports.envValues().iterator().next() + ", not a port number").build();
    }
    if (!ports.envValues().isEmpty() && ports.vmArgs().isPresent() && ports.vmArgs().getAsInt() != port.getAsInt()) {
      return fail(subject, "ERL_DIST_PORT is " + port.getAsInt() + " but " + ports.vmArgsOrigin() + " fixes " + ports.vmArgs().getAsInt())
          .evidence("ERL_DIST_PORT", port.getAsInt())
          .evidence(ports.vmArgsOrigin(), ports.vmArgs().getAsInt())
          .fix(Remediation.text("Fix the port in one place only (ERL_DIST_PORT), and drop it from vm.args/sys.config."))
          .build();
    }
    if (port.isEmpty()) {
      return pass(subject, "no fixed port: nodes register with EPMD (4369) and listen on a dynamic port; both must be open between pods").build();
    }
    int p = port.getAsInt();
    if (ctx.workload().isEmpty()) {
      return pass(subject, "distribution port " + p + " (" + ports.origin() + ")").build();
    }
    ContainerInfo c = ctx.workload().get().template().release();
    boolean declared = c.ports().stream().anyMatch(cp -> cp.port() == p);
    if (!declared) {
      return warn(subject, "distribution port " + p + " (" + ports.origin() + ") is not declared as a containerPort of " + c.name())
          .fix(Remediation.of("Declare it (a named port also lets the Service target it by name).", "yaml", Snippet.container(ctx.workload().get(), "ports[containerPort=" + p + "]",
              Snippet.object().put("name", "dist-erl").put("containerPort", p).put("protocol", "TCP"))))
          .build();
    }
    return pass(subject, "every pod listens for distribution on " + p + " (" + ports.origin() + "), declared on container " + c.name()).build();
  }
}
