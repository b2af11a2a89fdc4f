package dev.clusterctl.model;

import dev.clusterctl.dns.DomainNames;
import dev.clusterctl.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which Service and workload form the cluster: {@code --service}/{@code --workload} when given,
 * else the Service the discovery query names, else the one headless Service that fits; the
 * workloads the Service selects (a Service selecting several makes one cluster of their pods).
 * Ambiguity is a {@link BadInputException} naming the candidates.
 */
final class TargetPicker {

  private TargetPicker() {}

  /**
   * The Service and workload picked.
   *
   * @param service the Service, when found
   * @param serviceWanted the Service name asked for ({@code --service}, the query), or {@code null}
   * @param namespace the cluster's namespace
   * @param workloads the workloads whose pods form the cluster, the one judged alone first
   */
  record Picked(Optional<ServiceInfo> service, String serviceWanted, String namespace, List<WorkloadInfo> workloads) {}

  /** Picks the Service, then the workload; {@code defaultNs} is the namespace of objects without one. */
  static Picked pick(ModelRequest r, DiscoveryReader discovery, Inventory inventory, String defaultNs, Notes notes) {
    Picked s = service(r, discovery, inventory.services(), inventory.workloads(), defaultNs, notes);
    List<WorkloadInfo> workloads = workloads(r.workload(), inventory.workloads(), s.service(), s.namespace(), notes);
    String namespace = s.service().isEmpty() && s.serviceWanted() == null && !workloads.isEmpty() ? workloads.get(0).namespace() : s.namespace();
    return new Picked(s.service(), s.serviceWanted(), namespace, workloads);
  }

  /** The service: {@code --service}, else the one the discovery domain names, else the one headless candidate. */
  private static Picked service(
      ModelRequest r, DiscoveryReader discovery, List<ServiceInfo> services, List<WorkloadInfo> workloads, String defaultNs, Notes notes) {
    String wanted = r.service().orElse(null);
    String namespace = r.namespace().orElse(null);
    Optional<String> query = discovery.serviceQuery();
    if (query.isPresent()) {
      String[] sn = serviceAndNamespace(query.get());
      wanted = wanted == null ? sn[0] : wanted;
      namespace = namespace == null ? sn[1] : namespace;
    }
    String ns = namespace;
    if (wanted != null) {
      String want = wanted;
      Optional<ServiceInfo> found = services.stream().filter(s -> s.name().equals(want) && (ns == null || s.namespace().equals(ns))).findFirst();
      return new Picked(found, wanted, namespace != null ? namespace : found.map(ServiceInfo::namespace).orElse(defaultNs), List.of());
    }
    List<ServiceInfo> candidates = services.stream().filter(s -> ns == null || s.namespace().equals(ns)).filter(ServiceInfo::headless).toList();
    if (candidates.size() > 1) {
      List<ServiceInfo> selecting = candidates.stream().filter(s -> workloads.stream().anyMatch(w -> s.selects(w))).toList();
      candidates = selecting.isEmpty() ? candidates : selecting;
    }
    if (candidates.size() > 1) {
      throw new BadInputException("several Services could be the cluster's ("
          + candidates.stream().map(ServiceInfo::subject).collect(Collectors.joining(", ")) + "): choose one with --service");
    }
    if (candidates.isEmpty()) {
      return new Picked(Optional.empty(), null, namespace != null ? namespace : defaultNs, List.of());
    }
    ServiceInfo only = candidates.get(0);
    notes.assume(new Assumption(Assumption.Topic.SERVICE, "the cluster's Service", only.subject(),
        "no discovery query names one, and it is the one headless Service that fits", "--service NAME"));
    return new Picked(Optional.of(only), only.name(), namespace != null ? namespace : only.namespace(), List.of());
  }

  /** The service and namespace a discovery domain names: {@code [_p._t.]svc[.ns[.svc.zone]]}. */
  static String[] serviceAndNamespace(String domain) {
    String d = DomainNames.withoutTrailingDot(domain);
    List<String> labels = new ArrayList<>(List.of(d.split("\\.")));
    while (labels.size() > 1 && labels.get(0).startsWith("_")) {
      labels.remove(0);
    }
    return new String[] {labels.get(0), labels.size() > 1 ? labels.get(1) : null};
  }

  /**
   * The workloads: {@code --workload}, else every one the Service selects (a StatefulSet governed by
   * the Service first), else the one in the namespace.
   */
  private static List<WorkloadInfo> workloads(Optional<String> asked, List<WorkloadInfo> workloads, Optional<ServiceInfo> service, String namespace, Notes notes) {
    if (asked.isPresent()) {
      String a = asked.get();
      int slash = a.indexOf('/');
      if (slash < 0) {
        throw new BadInputException("--workload " + a + ": expected deploy/NAME or sts/NAME");
      }
      String kind = a.substring(0, slash).toLowerCase(Locale.ROOT);
      String name = a.substring(slash + 1);
      WorkloadKind k = switch (kind) {
        case "deploy", "deployment", "deployments" -> WorkloadKind.DEPLOYMENT;
        case "sts", "statefulset", "statefulsets" -> WorkloadKind.STATEFULSET;
        default -> throw new BadInputException("--workload " + a + ": expected deploy/NAME or sts/NAME");
      };
      return List.of(workloads.stream().filter(w -> w.kind() == k && w.name().equals(name) && w.namespace().equals(namespace)).findFirst()
          .or(() -> workloads.stream().filter(w -> w.kind() == k && w.name().equals(name)).findFirst())
          .orElseThrow(() -> new BadInputException("--workload " + a + ": no " + k.kind() + " " + name + " among the inputs")));
    }
    List<WorkloadInfo> selected = service.map(s -> workloads.stream().filter(w -> s.selects(w)).toList()).orElse(List.of());
    if (!selected.isEmpty()) {
      List<WorkloadInfo> ordered = new ArrayList<>(selected.stream().filter(w -> service.get().name().equals(w.serviceName())).toList());
      selected.stream().filter(w -> !ordered.contains(w)).forEach(ordered::add);
      if (ordered.size() > 1) {
        notes.note(service.get().subject() + " selects the pods of " + ordered.size() + " workloads ("
            + ordered.stream().map(WorkloadInfo::subject).collect(Collectors.joining(", ")) + "): they form one cluster and are judged together");
      }
      return ordered;
    }
    List<WorkloadInfo> candidates = workloads.stream().filter(w -> w.namespace().equals(namespace)).toList();
    if (candidates.isEmpty() && service.isEmpty()) {
      candidates = workloads;
    }
    if (candidates.size() > 1) {
      throw new BadInputException("several workloads could be the cluster's (" + candidates.stream().map(WorkloadInfo::subject).collect(Collectors.joining(", ")) + "): choose one with --workload deploy/NAME or sts/NAME");
    }
    if (candidates.size() == 1 && (service.isEmpty() || !service.get().selects(candidates.get(0)))) {
      notes.assume(new Assumption(Assumption.Topic.WORKLOAD, "the cluster's workload", candidates.get(0).subject(),
          "it is the only one" + (service.isPresent() ? ", though the Service does not select it" : ""), "--workload deploy/NAME or sts/NAME"));
    }
    return candidates;
  }
}
