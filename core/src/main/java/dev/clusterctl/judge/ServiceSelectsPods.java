package dev.clusterctl.judge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.model.WorkloadInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The service's selector selects the workload's pods. */
public final class ServiceSelectsPods extends BaseCheck {

  /** The check. */
  public ServiceSelectsPods() {
    super(
        "service-selects-pods",
        Area.SERVICE,
        "The Service's selector selects the workload's pods",
        "Endpoints exist only for pods whose labels include every key and value of the service's selector, "
            + "in the service's namespace. A selector that misses the pod template's labels leaves the service "
            + "without endpoints: every lookup is NXDOMAIN.");
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.service().isEmpty()) {
      return skip("Service", "no Service to judge");
    }
    ServiceInfo s = ctx.service().get();
    if (s.selector().isEmpty()) {
      return fail(s.subject(), "Service " + s.name() + " has no selector, so it has no endpoints (and no DNS records) for the pods")
          .fix(Remediation.of("Select the pods by their labels.", "yaml", selectorSnippet(Map.of("app", s.name()))))
          .build();
    }
    if (ctx.workload().isEmpty()) {
      return fail(s.subject(), "no Deployment or StatefulSet among the inputs has pods matching selector " + labels(s.selector()))
          .evidence("selector", labels(s.selector()))
          .fix(Remediation.text("Include the workload's manifest in the inputs, or name it with --workload deploy/NAME or sts/NAME."))
          .build();
    }
    WorkloadInfo w = ctx.workload().get();
    if (s.selects(w)) {
      return pass(s.subject(), "selector " + labels(s.selector()) + " selects the pods of " + w.subject()).build();
    }
    String why = s.namespace().equals(w.namespace()) ? "the pod labels do not include the selector" : "the workload is in namespace " + w.namespace();
    return fail(s.subject(), "selector " + labels(s.selector()) + " does not select the pods of " + w.subject() + ": " + why)
        .evidence("selector", labels(s.selector()))
        .evidence("pod labels", labels(w.template().labels()))
        .fix(Remediation.of("Make the selector a subset of the pod template's labels.", "yaml", selectorSnippet(w.template().labels())))
        .build();
  }

  /** {@code spec.selector} as a patch of the Service, written by the serializer (label values stay strings). */
  static String selectorSnippet(Map<String, String> labels) {
    ObjectNode patch = Snippet.object();
    patch.putObject("spec").set("selector", Snippet.labels(labels));
    return Snippet.yaml(patch);
  }

  /** Select the pods of the one workload the cluster runs as, when there is one. */
  @Override
  public List<Proposal> propose(DoctorContext ctx) {
    if (ctx.service().isEmpty() || ctx.model().members().size() != 1 || ctx.workload().get().template().labels().isEmpty()) {
      return List.of();
    }
    ServiceInfo s = ctx.service().get();
    WorkloadInfo w = ctx.workload().get();
    return List.of(Proposal.of("select the pods of " + w.subject() + " by their labels",
        Proposals.field(Proposals.key(s), "spec.selector", Snippet.labels(w.template().labels()))));
  }

  static String labels(Map<String, String> m) {
    return m.isEmpty() ? "{}" : m.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
  }
}
