package dev.clusterctl.judge;

import dev.clusterctl.erlang.NodeName;
import dev.clusterctl.expect.PeerRow;
import dev.clusterctl.expect.Reach;
import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.Member;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.model.WorkloadInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When one headless Service selects the pods of several workloads whose nodes call themselves by
 * different basenames, only the team knows what it meant: one cluster under one basename (rename
 * the odd workloads' nodes), or a cluster of some workloads only (the Service selects those alone,
 * the others leave). Each is one answer to the same question; the planner keeps the ones that make
 * every check pass and shows them all.
 */
final class WorkloadChoice {

  /** Labels that name a workload's own pods, tried first when narrowing a selector. */
  private static final List<String> NAMING_LABELS = List.of("app.kubernetes.io/name", "app.kubernetes.io/component", "app", "component", "role", "tier");

  private WorkloadChoice() {}

  /** The answers; empty unless the Service's workloads' nodes use more than one basename. */
  static List<Proposal> proposals(DoctorContext ctx) {
    List<Member> members = ctx.model().members();
    Optional<ServiceInfo> service = ctx.service();
    if (members.size() < 2 || service.isEmpty()) {
      return List.of();
    }
    Map<String, String> basenames = basenames(ctx);
    Set<String> distinct = new LinkedHashSet<>();
    ctx.sim().basename().ifPresent(distinct::add);
    distinct.addAll(basenames.values());
    if (new LinkedHashSet<>(basenames.values()).size() < 2) {
      return List.of();
    }
    String question = "which workloads form the cluster behind " + service.get().subject() + ", and under which node basename";
    List<Proposal> out = new ArrayList<>();
    for (String base : distinct) {
      List<String> renamed = basenames.entrySet().stream().filter(e -> !e.getValue().equals(base)).map(Map.Entry::getKey).toList();
      String summary = "one cluster of every workload under the basename " + base + ": rename the nodes of " + String.join(", ", renamed);
      for (Proposal p : rename(ctx, base)) {
        out.add(new Proposal(summary, p.changes(), p.notes(), question));
      }
    }
    for (Member m : members) {
      List<WorkloadInfo> others = members.stream().map(Member::workload).filter(w -> w != m.workload()).toList();
      narrowed(service.get(), m.workload(), others).ifPresent(selector -> out.add(new Proposal(
          "a cluster of " + m.workload().subject() + " alone: " + service.get().subject() + " selects only its pods ("
              + String.join(", ", others.stream().map(WorkloadInfo::subject).toList()) + (others.size() == 1 ? " leaves" : " leave") + " the cluster)",
          List.of(Proposals.field(Proposals.key(service.get()), "spec.selector", Snippet.labels(selector))), List.of(), question)));
    }
    return out;
  }

  /** Each workload's node basename, as its example pods call themselves, by workload subject. */
  private static Map<String, String> basenames(DoctorContext ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    List<PeerRow> rows = new ArrayList<>(ctx.sim().rows());
    ctx.sim().mesh().stream().map(Reach::rows).forEach(rows::addAll);
    String first = ctx.workload().map(WorkloadInfo::subject).orElse("");
    for (PeerRow r : rows) {
      if (r.self() != null) {
        out.putIfAbsent(r.pod().workload().isEmpty() ? first : r.pod().workload(), NodeName.parse(r.self().name()).alive());
      }
    }
    return out;
  }

  /** Every workload's nodes named {@code base}: after the pod IP where peers dial addresses, else long names with the host the VM finds. */
  private static List<Proposal> rename(DoctorContext ctx, String base) {
    boolean peerIp = ctx.sim().rows().stream().map(PeerRow::peersUse).filter(n -> n != null).findFirst()
        .map(n -> NodeName.parse(n).host()).map(h -> h != null && NodeName.isAddress(h)).orElse(false);
    return peerIp ? ReleaseAdvice.nameByPodIpProposals(ctx, base) : ReleaseAdvice.longNames(ctx, base);
  }

  /**
   * The Service's selector with one more label of {@code keep}'s pod template, chosen so that it
   * still selects {@code keep}'s pods and none of {@code others}'; empty when no single label does.
   */
  private static Optional<Map<String, String>> narrowed(ServiceInfo s, WorkloadInfo keep, List<WorkloadInfo> others) {
    List<Map.Entry<String, String>> candidates = new ArrayList<>(keep.template().labels().entrySet());
    candidates.sort(Comparator.comparing((Map.Entry<String, String> e) -> NAMING_LABELS.contains(e.getKey()) ? NAMING_LABELS.indexOf(e.getKey()) : NAMING_LABELS.size())
        .thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, String> label : candidates) {
      if (s.selector().containsKey(label.getKey())) {
        continue;
      }
      Map<String, String> selector = new LinkedHashMap<>(s.selector());
      selector.put(label.getKey(), label.getValue());
      ServiceInfo narrowed = new ServiceInfo(s.namespace(), s.name(), s.clusterIP(), s.type(), selector, s.ports(), s.publishNotReadyAddresses(), s.origin());
      if (narrowed.selects(keep) && others.stream().noneMatch(narrowed::selects)) {
        return Optional.of(selector);
      }
    }
    return Optional.empty();
  }
}
