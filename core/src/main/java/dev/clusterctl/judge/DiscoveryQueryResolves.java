package dev.clusterctl.judge;

import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.expect.DnsAnswer;
import dev.clusterctl.expect.Rcode;
import dev.clusterctl.fix.Change;
import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.model.Discovery;
import dev.clusterctl.model.Member;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.release.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The discovery query, as the library's resolver expands it, gets records. */
public final class DiscoveryQueryResolves extends BaseCheck {

  /** The check. */
  public DiscoveryQueryResolves() {
    super(
        "discovery-query-resolves",
        Area.DNS,
        "The discovery query gets records from CoreDNS",
        "Simulates the discovery library's lookup against what CoreDNS would answer: Erlang's `inet_res` tries a "
            + "dotted name as-is, then with the pod's search domains (`<ns>.svc.<domain>`, `svc.<domain>`, "
            + "`<domain>`), ignores `ndots`, and takes a trailing-dot name as-is only. Fails when every name tried "
            + "ends in NXDOMAIN or NODATA (no service, no endpoints, no such port, a zone CoreDNS does not serve), "
            + "since then the library finds no peers and, being silent about lookup errors, logs nothing; and when "
            + "the answer is the Service itself (a ClusterIP service) instead of one record per pod.");
  }

  @Override
  public Set<Assumption.Topic> restsOn() {
    return Set.of(Assumption.Topic.DISCOVERY);
  }

  /**
   * Proposals for libcluster's DNSSRV asking under a domain that is not the cluster's: the strategy
   * builds its query as {@code <service>.<namespace>.svc.} and the node's {@code CLUSTER_DOMAIN}
   * (default {@code cluster.local.}), so no service or namespace setting moves the query into the
   * cluster's zone; {@code CLUSTER_DOMAIN} set to the cluster domain, with the root dot as the default
   * has it (asked as is, no search list), does.
   */
  static List<Proposal> clusterDomainProposals(DoctorContext ctx) {
    if (ctx.dns().isEmpty() || ctx.dns().get().strategy() != Strategy.LIBCLUSTER_DNSSRV || ctx.model().members().isEmpty()) {
      return List.of();
    }
    String q = ctx.dns().get().query().toLowerCase(Locale.ROOT);
    String cd = ctx.model().clusterDomain();
    int at = q.indexOf(".svc.");
    if (at < 0 || q.substring(at + ".svc.".length()).replaceAll("\\.$", "").equalsIgnoreCase(cd)) {
      return List.of();
    }
    List<Change> changes = ctx.model().members().stream().map(m -> (Change) Proposals.envValue(m.workload(), "CLUSTER_DOMAIN", cd + ".")).toList();
    return List.of(new Proposal("set CLUSTER_DOMAIN=" + cd + ". in the release container's env", changes, List.of()));
  }

  /** The advice for libcluster's DNSSRV asking outside cluster domain {@code cd}: its query's domain is the node's CLUSTER_DOMAIN, nothing else. */
  static String clusterDomainAdvice(String cd) {
    return "Set CLUSTER_DOMAIN=" + cd + ". in the release container's env: libcluster's DNSSRV asks <service>.<namespace>.svc.$CLUSTER_DOMAIN "
        + "(default cluster.local.), whatever its service and namespace.";
  }

  private static boolean dnsSrv(Discovery.Dns d) {
    return d.strategy() == Strategy.LIBCLUSTER_DNSSRV;
  }

  @Override
  public List<Proposal> propose(DoctorContext ctx) {
    List<Proposal> out = new ArrayList<>(clusterDomainProposals(ctx));
    out.addAll(serviceProposals(ctx));
    return out;
  }

  /**
   * The discovery asking for a Service that does not exist while a headless one selects the pods:
   * the name is changed where the team sets it — gen_cluster's domain in sys.config, libcluster's
   * {@code service} or DNSPoll's and DNSCluster's query on their line of the Elixir project or in the
   * container variable they read. One change; the alternative, a new Service under the asked name
   * and the pods moved to it, is what service-exists proposes.
   */
  static List<Proposal> serviceProposals(DoctorContext ctx) {
    if (ctx.dns().isEmpty() || ctx.service().isPresent() || ctx.model().members().isEmpty()) {
      return List.of();
    }
    String wanted = ctx.model().serviceWanted();
    List<Proposal> out = new ArrayList<>();
    for (ServiceInfo s : ctx.model().services()) {
      if (s.headless() && s.namespace().equals(ctx.model().namespace()) && ctx.model().members().stream().allMatch(m -> s.selects(m.workload()))) {
        List<Change> changes = renamed(ctx, wanted, s.name());
        if (!changes.isEmpty()) {
          out.add(new Proposal("ask for the headless Service " + s.name() + " that selects the pods, where discovery names " + wanted, changes, List.of()));
        }
      }
    }
    return out;
  }

  /** The changes that make discovery ask for {@code to} in place of {@code from}, where its setting is; empty when it is nowhere they can be made. */
  private static List<Change> renamed(DoctorContext ctx, String from, String to) {
    Discovery.Dns d = ctx.dns().get();
    if (d.strategy() == Strategy.GEN_CLUSTER) {
      List<String> labels = new ArrayList<>(List.of(d.query().split("\\.", -1)));
      int at = labels.indexOf(from);
      Optional<String> file = Proposals.sysConfigOf(d);
      if (file.isEmpty() || at < 0) {
        return List.of();
      }
      labels.set(at, to);
      return List.of(new Change.DiscoverySetting(file.get(), "domain", "\"" + String.join(".", labels) + "\""));
    }
    Optional<Origin> site = ctx.model().release().discoverySetting();
    if (site.isEmpty()) {
      return List.of();
    }
    // libcluster's service is the Service's name; a query (DNSPoll, DNSCluster) starts with it
    boolean isService = d.strategy() == Strategy.LIBCLUSTER_DNS || d.strategy() == Strategy.LIBCLUSTER_DNSSRV;
    if (site.get().kind() == Origin.Kind.FILE) {
      String end = isService || d.query().equals(from) ? "\"" : ".";
      return List.of(new Change.TextOnLine(site.get().where(), site.get().line(), "\"" + from + end, "\"" + to + end));
    }
    List<Change> out = new ArrayList<>();
    for (Member m : ctx.model().members()) {
      Optional<String> value = Proposals.release(m.workload()).env(site.get().where()).map(e -> e.value()).filter(v -> v != null);
      if (value.isEmpty() || !(value.get().equals(from) || value.get().startsWith(from + "."))) {
        return List.of(); // the variable is not written in the manifest as a name starting with the Service's
      }
      out.add(Proposals.envValue(m.workload(), site.get().where(), to + value.get().substring(from.length())));
    }
    return out;
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.dns().isEmpty()) {
      return skip("discovery", "discovery is not DNS-based (or unknown)");
    }
    Discovery.Dns d = ctx.dns().get();
    String subject = "discovery " + d.query();
    if (ctx.sim().answer().isEmpty()) {
      return skip(subject, "nothing to query");
    }
    DnsAnswer a = ctx.sim().answer().get();
    String tried = ctx.sim().tried().stream().map(t -> t.name() + " → " + t.rcode()).collect(Collectors.joining("; "));
    boolean perPod = a.srv().stream().allMatch(r -> r.pod() != null) && a.addresses().stream().allMatch(r -> r.pod() != null);
    if (a.hasRecords() && !perPod) {
      CheckResult.Builder b = fail(subject, d.recordType() + " " + a.name() + " answers with the Service itself, not one record per pod: peers find no node")
          .evidence("names tried", tried);
      for (String line : a.lines(6)) {
        b.evidence("answer", line);
      }
      return b.fix(Remediation.text("Discover through a headless Service (clusterIP: None); see service-headless.")).build();
    }
    if (a.hasRecords()) {
      int n = a.srv().size() + a.addresses().size();
      CheckResult.Builder b = pass(subject, d.recordType() + " " + a.name() + " answers " + n + " record" + (n == 1 ? "" : "s") + " for " + ctx.sim().pods().size() + " example pods")
          .evidence("names tried", tried);
      for (String line : a.lines(6)) {
        b.evidence("answer", line);
      }
      return b.build();
    }
    boolean outside = ctx.sim().tried().stream().allMatch(t -> t.rcode() == Rcode.NOT_IN_CLUSTER_ZONE);
    return fail(subject, d.recordType() + " lookup of " + d.query() + " finds nothing: " + (a.why().isEmpty() ? a.rcode().toString() : a.why()))
        .evidence("names tried", tried)
        .fix(outside && dnsSrv(d)
            ? Remediation.text(clusterDomainAdvice(ctx.model().clusterDomain()))
            : outside
            ? Remediation.text("Query a name under the cluster domain: <svc>.<ns> (expanded by the search list) or <svc>.<ns>.svc." + ctx.model().clusterDomain() + ".")
            : Remediation.text("See the Service and Pods checks above: the service must exist, be headless, select Ready (or published) pods and have the queried port."))
        .build();
  }
}
