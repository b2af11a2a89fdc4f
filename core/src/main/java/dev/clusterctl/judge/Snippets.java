package dev.clusterctl.judge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.model.WorkloadInfo;
import java.util.Map;

/** Remediation snippets shared by several checks, filled in with the model's names. */
final class Snippets {

  private Snippets() {}

  /** A headless Service for the workload's pods, with a named distribution port. */
  static String headlessService(DoctorContext ctx, String name) {
    return Snippet.yaml(headlessServiceObject(ctx, name));
  }

  /**
   * The headless Service the discovery names, as an object: it selects the workload's pod labels,
   * publishes pods before they are ready (peers must find a node that is still starting), and names
   * its port as the SRV query asks.
   */
  static ObjectNode headlessServiceObject(DoctorContext ctx, String name) {
    String ns = ctx.model().namespace();
    Map<String, String> labels = ctx.workload().map(w -> w.template().labels()).orElse(Map.of("app", name));
    String port = ctx.srvPortLabels().map(l -> l[0]).orElse("dist-erl");
    int number = DistPorts.of(ctx).port().orElse(39135);
    ObjectNode svc = Snippet.object().put("apiVersion", "v1").put("kind", "Service");
    svc.putObject("metadata").put("name", name).put("namespace", ns);
    ObjectNode spec = svc.putObject("spec").put("clusterIP", "None").put("publishNotReadyAddresses", true);
    spec.set("selector", Snippet.labels(labels));
    spec.putArray("ports").addObject().put("name", port).put("protocol", "TCP").put("port", number).put("targetPort", number);
    return svc;
  }

  /** The Corefile's kubernetes block with {@code endpoint_pod_names}, and the restart it needs. */
  static String endpointPodNames(DoctorContext ctx) {
    String zone = ctx.model().coredns().forwardZone() == null ? "cluster.local" : ctx.model().coredns().forwardZone();
    return """
        # kube-system/coredns ConfigMap, key Corefile:
        kubernetes %s in-addr.arpa ip6.arpa {
           pods insecure
           fallthrough in-addr.arpa ip6.arpa
           ttl 30
           endpoint_pod_names
        }
        # then: kubectl -n kube-system rollout restart deployment coredns
        """.formatted(zone);
  }

  /** The patch that gives pods an FQDN under the headless service: a Deployment's subdomain, a StatefulSet's serviceName. */
  static String subdomain(WorkloadInfo w, ServiceInfo svc, String serviceName) {
    String name = svc == null ? serviceName : svc.name();
    String path = w.kind() == dev.clusterctl.model.WorkloadKind.STATEFULSET ? "spec.serviceName" : "spec.template.spec.subdomain";
    return Snippet.yaml(Snippet.set(Snippet.patch(Proposals.key(w)), path, Snippet.text(name)));
  }

  /** libcluster's Kubernetes.DNS topology: A records of {@code query}, peers named {@code base@<ip>}. */
  static String libclusterDns(String query, String base) {
    return """
        # config/runtime.exs
        config :libcluster,
          topologies: [
            k8s: [
              strategy: Cluster.Strategy.Kubernetes.DNS,
              config: [service: "%s", application_name: "%s"]
            ]
          ]
        """.formatted(query, base);
  }
}
