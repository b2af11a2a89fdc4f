package dev.clusterctl.judge;

import dev.clusterctl.coredns.EndpointName;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.erlang.NameMode;
import dev.clusterctl.erlang.NodeName;
import dev.clusterctl.expect.PeerRow;
import dev.clusterctl.expect.Reach;
import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.model.Discovery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The heart of the doctor: the name each node calls itself equals, exactly, the name its peers
 * derive from DNS. Erlang's handshake refuses a node whose own name differs from the one dialled.
 */
public final class NodeHostMatchesDns extends BaseCheck {

  /** The check. */
  public NodeHostMatchesDns() {
    super(
        "node-host-matches-dns",
        Area.NODE_NAMES,
        "Each node calls itself exactly the name its peers derive from DNS",
        "A node dials `basename@host` with the host taken from DNS (an IP from an A record, an SRV target, a PTR "
            + "name). In the handshake the dialled node announces its own name, and the dialling node drops the "
            + "connection when the two differ (`pang`, nothing logged). Node names are atoms: they must be equal "
            + "character for character — case-sensitive, no trailing dot. For each example pod this shows the "
            + "name it gives itself (vm.args or `RELEASE_NODE` with the container's environment, the kubelet's "
            + "`hostname --fqdn`) beside the name its peers derive from the simulated CoreDNS answer.");
  }

  @Override
  public Set<Assumption.Topic> restsOn() {
    return Set.of(Assumption.Topic.NODE_NAME, Assumption.Topic.DISCOVERY, Assumption.Topic.COREDNS);
  }

  /**
   * When every pod's own name is illegal for its mode (a long name on a dotless host, a short name on
   * a dotted one), no node starts and no DNS answer can equal it: the failure does not rest on what
   * the discovery or CoreDNS settings turn out to be, only on the naming.
   */
  @Override
  public Set<Assumption.Topic> restsOn(CheckResult failure, DoctorContext ctx) {
    Optional<NameMode> mode = ctx.model().release().naming().flatMap(n -> n.mode());
    List<PeerRow> rows = ctx.sim().rows();
    boolean ownIllegal = mode.isPresent() && !rows.isEmpty() && rows.stream()
        .allMatch(r -> r.self() != null && r.self().unresolved().isEmpty() && !NodeName.parse(r.self().name()).problems(mode.get()).isEmpty());
    return ownIllegal ? Set.of(Assumption.Topic.NODE_NAME) : restsOn();
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.model().release().naming().isEmpty()) {
      return warn("release", "node naming unknown: the inputs set no -name/-sname (vm.args, ERL_FLAGS) and no RELEASE_NODE/RELEASE_DISTRIBUTION; "
          + "give --vm-args FILE, --release-env FILE or --release-dir DIR").build();
    }
    if (!ctx.model().release().naming().get().problems().isEmpty()) {
      return skip("release", "the node does not start as configured (see node-name): there is no name to compare");
    }
    if (ctx.model().release().discovery().isEmpty()) {
      return skip("release", "discovery unknown: give --sys-config or --strategy");
    }
    Discovery d = ctx.model().release().discovery().get();
    if (d instanceof Discovery.Other o) {
      return skip("release", "discovery " + o.description() + " is not simulated");
    }
    List<PeerRow> rows = ctx.sim().rows();
    if (rows.isEmpty()) {
      return skip("release", "no workload: no pod to name");
    }
    if (!ctx.sim().mesh().isEmpty()) {
      return mesh(ctx);
    }
    String subject = ctx.workload().map(w -> w.subject()).orElse("release");
    int bad = 0;
    PeerRow firstBad = null;
    for (PeerRow r : rows) {
      if (!r.matches()) {
        bad++;
        if (firstBad == null) {
          firstBad = r;
        }
      }
    }
    CheckResult.Builder b;
    if (bad == 0) {
      b = pass(subject, "each of " + rows.size() + " pods calls itself exactly the name its peers derive (" + rows.get(0).via() + ")");
    } else if (firstBad.peersUse() == null && ctx.sim().derived().isEmpty()) {
      b = fail(subject, "peers derive no names at all: " + noNamesWhy(ctx, d));
    } else {
      b = fail(subject, bad + " of " + rows.size() + " pods call themselves a name their peers do not dial: " + explain(firstBad, shortNames(ctx)));
      b.fix(remedy(ctx, firstBad));
    }
    int shown = 0;
    for (PeerRow r : rows) {
      if (shown++ == 3) {
        b.evidence("more pods", (rows.size() - 3) + " more, alike");
        break;
      }
      b.names(new NamePair(r.pod().name(), r.self() == null ? null : r.self().name(), r.peersUse(), r.matches()));
    }
    if (firstBad != null && firstBad.peersUse() == null && !ctx.sim().derived().isEmpty()) {
      b.evidence("names peers derive", String.join(", ", ctx.sim().derived().subList(0, Math.min(3, ctx.sim().derived().size()))));
    }
    ctx.sim().basename().ifPresent(base -> b.evidence("basename peers use", base + " (" + ctx.sim().basenameOrigin() + ")"));
    return b.build();
  }

  /**
   * A cluster of several workloads: every release must dial every pod by the name that pod gives
   * itself. gen_cluster puts the dialling node's own basename before the {@code @}, so a web and a
   * worker release with different basenames derive names for each other that neither answers to.
   */
  private CheckResult mesh(DoctorContext ctx) {
    String first = ctx.workload().map(w -> w.subject()).orElse("");
    List<String> broken = new ArrayList<>();
    List<NamePair> shown = new ArrayList<>();
    PeerRow firstBad = null;
    int pods = ctx.sim().pods().size();
    for (Reach reach : ctx.sim().mesh()) {
      Map<String, int[]> byTarget = new LinkedHashMap<>();
      Map<String, PeerRow> badRow = new LinkedHashMap<>();
      for (PeerRow r : reach.rows()) {
        String target = r.pod().workload().isEmpty() ? first : r.pod().workload();
        int[] n = byTarget.computeIfAbsent(target, k -> new int[2]);
        n[1]++;
        if (!r.matches()) {
          n[0]++;
          badRow.putIfAbsent(target, r);
        }
      }
      for (Map.Entry<String, int[]> e : byTarget.entrySet()) {
        if (e.getValue()[0] == 0) {
          continue;
        }
        PeerRow r = badRow.get(e.getKey());
        firstBad = firstBad == null ? r : firstBad;
        broken.add(name(reach.dialer()) + " → " + name(e.getKey()) + ": " + e.getValue()[0] + " of " + e.getValue()[1] + " pods, " + explain(r, shortNames(ctx)));
        if (shown.size() < 3) {
          shown.add(new NamePair(name(reach.dialer()) + " → " + r.pod().name(), r.self() == null ? null : r.self().name(), r.peersUse(), false));
        }
      }
    }
    String subject = ctx.service().map(s -> s.subject()).orElse("cluster");
    int releases = ctx.sim().mesh().size();
    if (broken.isEmpty()) {
      return pass(subject, "each of " + pods + " pods of " + releases + " workloads calls itself exactly the name every release dials").build();
    }
    CheckResult.Builder b = fail(subject, "the " + releases + " workloads' releases do not all reach each other: " + String.join("; ", broken));
    shown.forEach(b::names);
    b.fix(remedy(ctx, firstBad));
    return b.build();
  }

  /** {@code Deployment/ns/web} → {@code web}. */
  private static String name(String subject) {
    return subject.substring(subject.lastIndexOf('/') + 1);
  }

  private static String noNamesWhy(DoctorContext ctx, Discovery d) {
    if (d instanceof Discovery.Static) {
      return "the static list is empty";
    }
    boolean answered = ctx.sim().answer().map(a -> a.hasRecords()).orElse(false);
    if (answered && !ctx.model().coredns().servesReverseV4()) {
      return "the PTR lookups of the addresses find nothing: CoreDNS's kubernetes plugin serves no in-addr.arpa zone";
    }
    return "the discovery query finds nothing (see discovery-query-resolves)";
  }

  /** Why the first mismatching pair differs, in one clause. */
  static String explain(PeerRow r, boolean shortNames) {
    if (r.peersUse() == null) {
      return r.pod().name() + " is not among the names DNS gives";
    }
    String self = r.self().name();
    String peer = r.peersUse();
    if (self.equalsIgnoreCase(peer)) {
      return "the names differ only in case, and atoms are case-sensitive";
    }
    if (self.equals(peer + ".") || peer.equals(self + ".")) {
      return "the names differ by a trailing dot";
    }
    NodeName s = NodeName.parse(self);
    NodeName p = NodeName.parse(peer);
    if (!s.alive().equals(p.alive())) {
      return "the basenames differ (" + s.alive() + " vs " + p.alive() + ")";
    }
    boolean selfIp = s.host() != null && NodeName.isAddress(s.host());
    boolean peerIp = p.host() != null && NodeName.isAddress(p.host());
    if (peerIp && !selfIp) {
      return "peers use the pod IP, the node calls itself by host name";
    }
    if (selfIp && !peerIp) {
      return "peers use a host name, the node calls itself by IP";
    }
    if (p.host() != null && p.host().startsWith(EndpointName.dashed(r.pod().ip()) + ".")) {
      return "DNS names the pod by its dashed IP, the node calls itself by pod name";
    }
    if (shortNames && p.host() != null && p.host().indexOf('.') >= 0) {
      return "with -sname the node uses its bare host name, peers dial a name with dots";
    }
    if (s.host() != null && s.host().indexOf('.') < 0) {
      return "the node's host has no domain (no subdomain on the pod)";
    }
    return "the hosts differ";
  }

  private static boolean shortNames(DoctorContext ctx) {
    return ctx.model().release().naming().flatMap(n -> n.mode()).filter(m -> m == NameMode.SHORT).isPresent();
  }

  /**
   * The node calls itself by IP but peers dial host names: let the discovery use addresses, in the
   * strategy's own configuration, or name the node by its FQDN, the Elixir or the Erlang way.
   */
  private static Remediation addressesOrFqdn(DoctorContext ctx, String base, boolean elixir) {
    String fqdn = elixir
        ? "name the node by its FQDN (RELEASE_DISTRIBUTION=name, RELEASE_NODE=" + base + "@$(hostname -f) in rel/env.sh.eex, with a pod subdomain)"
        : "name the node by its FQDN (-name " + base + " without a host, with a pod subdomain)";
    Strategy strategy = ctx.model().release().discovery().filter(Discovery.Dns.class::isInstance).map(d -> ((Discovery.Dns) d).strategy()).orElse(Strategy.GEN_CLUSTER);
    String svc = ctx.serviceName();
    String ns = ctx.model().namespace();
    if (strategy == Strategy.GEN_CLUSTER) {
      return Remediation.of("Either let peers use addresses (A records, host_type ip) or " + fqdn + ".", "erlang",
          "{gen_cluster, [{discovery, {dns, #{domain => \"" + svc + "." + ns + "\", record_type => ip}}}]}");
    }
    if (strategy == Strategy.LIBCLUSTER_DNSSRV) {
      return Remediation.of("Either let peers use addresses (libcluster's Cluster.Strategy.Kubernetes.DNS, A records) or " + fqdn + ".", "elixir",
          Snippets.libclusterDns(svc + "." + ns + ".svc." + ctx.model().clusterDomain(), base));
    }
    return Remediation.text("Either let peers use addresses or " + fqdn + ".");
  }

  private static Remediation remedy(DoctorContext ctx, PeerRow r) {
    if (r.peersUse() == null) {
      return Remediation.text("Make sure the pod is in the DNS answer: see the Service and DNS checks above.");
    }
    NodeName s = NodeName.parse(r.self().name());
    NodeName p = NodeName.parse(r.peersUse());
    if (!s.alive().equals(p.alive())) {
      return Remediation.text("Use the same basename in the release's node name and the discovery configuration: " + s.alive() + " vs " + p.alive() + ".");
    }
    boolean selfIp = s.host() != null && NodeName.isAddress(s.host());
    boolean peerIp = p.host() != null && NodeName.isAddress(p.host());
    boolean elixir = ctx.model().release().elixir();
    if (peerIp && !selfIp) {
      return ReleaseAdvice.nameByPodIp(ctx, "Name the node after its pod IP, as peers do.", s.alive());
    }
    if (selfIp && !peerIp) {
      return addressesOrFqdn(ctx, s.alive(), elixir);
    }
    if (shortNames(ctx) && p.host() != null && p.host().indexOf('.') >= 0) {
      return ReleaseAdvice.longNamesByFqdn(ctx, "Use long names, so the node's host is its FQDN.", s.alive());
    }
    boolean wrongSubdomain = r.pod().specHostname() != null && r.pod().specSubdomain() != null && !r.pod().specSubdomain().equals(ctx.serviceName());
    if (wrongSubdomain && ctx.workload().isPresent()) {
      return Remediation.of("Put the pods under the headless service: DNS then names them by their hostname.", "yaml",
          Snippets.subdomain(ctx.workload().get(), ctx.service().orElse(null), ctx.serviceName()));
    }
    if (p.host() != null && p.host().startsWith(EndpointName.dashed(r.pod().ip()) + ".")) {
      return Remediation.of("Have CoreDNS name endpoints after their pods.", "corefile", Snippets.endpointPodNames(ctx));
    }
    if (ctx.workload().isPresent() && (s.host() == null || s.host().indexOf('.') < 0 || !s.host().contains("." + ctx.serviceName() + "."))) {
      return Remediation.of("Put the pods under the headless service so hostname --fqdn matches the SRV target.", "yaml", Snippets.subdomain(ctx.workload().get(), ctx.service().orElse(null), ctx.serviceName()));
    }
    return Remediation.text("Make the node's own name (" + r.self().name() + ") and the name peers dial (" + r.peersUse() + ") the same.");
  }

  @Override
  public List<Proposal> propose(DoctorContext ctx) {
    List<Proposal> choice = WorkloadChoice.proposals(ctx);
    if (!choice.isEmpty()) {
      return choice; // several workloads, several basenames: which is meant is the team's choice
    }
    List<PeerRow> rows = ctx.sim().rows().stream().filter(r -> !r.matches()).toList();
    if (rows.isEmpty() || rows.get(0).peersUse() == null) {
      return List.of();
    }
    NodeName self = NodeName.parse(rows.get(0).self().name());
    NodeName peer = NodeName.parse(rows.get(0).peersUse());
    if (!self.alive().equals(peer.alive())) {
      return List.of();
    }
    List<Proposal> out = new ArrayList<>();
    boolean peerIp = peer.host() != null && NodeName.isAddress(peer.host());
    if (shortNames(ctx)) {
      out.addAll(ReleaseAdvice.longNames(ctx, self.alive()));
    }
    if (peerIp) {
      out.addAll(ReleaseAdvice.nameByPodIpProposals(ctx, self.alive()));
    } else {
      out.addAll(new PodSubdomain().propose(ctx));
      out.addAll(new CorednsEndpointPodNames().propose(ctx));
    }
    return out;
  }
}
