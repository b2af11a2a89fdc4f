package dev.clusterctl.model;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The deployment as clusterctl understands it; every check reads this and nothing else.
 *
 * @param namespace the namespace of the cluster's pods
 * @param service the headless service peers are discovered through, when found
 * @param serviceWanted the service name the discovery domain or {@code --service} asks for
 * @param services every Service among the inputs (for candidates in messages)
 * @param members the workloads whose pods form the cluster (those the Service selects), each with
 *     its release's settings; the first is the one single-workload checks judge
 * @param coredns the CoreDNS {@code kubernetes} settings
 * @param clusterDomain the kubelet's cluster domain (pod FQDNs end with it)
 * @param release the first member's release settings, or, without a workload, what the release files say
 * @param assumptions what the inputs did not settle and the model took in its place
 * @param notes other things worth saying about the inputs (an object read twice, a sys.config warning)
 */
public record ClusterModel(
    String namespace,
    Optional<ServiceInfo> service,
    String serviceWanted,
    List<ServiceInfo> services,
    List<Member> members,
    CorednsSettings coredns,
    String clusterDomain,
    ReleaseInfo release,
    List<Assumption> assumptions,
    List<String> notes) {

  /** Copies the lists. */
  public ClusterModel {
    services = List.copyOf(services);
    members = List.copyOf(members);
    assumptions = List.copyOf(assumptions);
    notes = List.copyOf(notes);
  }

  /** The first member's workload, when there is one. */
  public Optional<WorkloadInfo> workload() {
    return members.stream().findFirst().map(Member::workload);
  }

  /** The assumptions about {@code topics}. */
  public List<Assumption> assumptionsAbout(Assumption.Topic... topics) {
    List<Assumption.Topic> wanted = List.of(topics);
    return assumptions.stream().filter(a -> wanted.contains(a.topic())).toList();
  }

  /** This model with other CoreDNS settings. */
  public ClusterModel withCoredns(CorednsSettings other) {
    return new ClusterModel(namespace, service, serviceWanted, services, members, other, clusterDomain, release, assumptions, notes);
  }

  /** This model with every member's release settings (and the first's) changed by {@code change}. */
  public ClusterModel mapReleases(UnaryOperator<ReleaseInfo> change) {
    List<Member> changed = members.stream().map(m -> new Member(m.workload(), change.apply(m.release()))).toList();
    return new ClusterModel(namespace, service, serviceWanted, services, changed, coredns, clusterDomain, change.apply(release), assumptions, notes);
  }
}
