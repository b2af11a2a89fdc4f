package dev.clusterctl.judge;

import dev.clusterctl.discovery.DiscoveryLibrary;
import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.discovery.Finding;
import dev.clusterctl.discovery.HostType;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.erlang.NodeName;
import dev.clusterctl.fix.Change;
import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.model.Discovery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The discovery library survives the answer and sees all of it: no crash, no peers hidden by inet_res's cache. */
public final class DiscoveryLibraryRuns extends BaseCheck {

  /** The check. */
  public DiscoveryLibraryRuns() {
    super(
        "discovery-library-runs",
        Area.DNS,
        "The discovery library handles the answer without crashing and sees all of it",
        "Runs the answer CoreDNS would give through the library's own rules (gen_cluster 0.3.0, libcluster 3.5.0, "
            + "dns_cluster 0.2.0, on OTP 25's `inet_res`; docs/fidelity.md). Fails when the library crashes on it: "
            + "gen_cluster's SRV discovery with `host_type => ip` raises `case_clause` on every target (the node halts "
            + "when gen_cluster is a permanent application), libcluster's `Kubernetes.DNS` raises `CaseClauseError` on a "
            + "name reached through a CNAME, and any library raises `system_limit` on a node name longer than 255 "
            + "characters. Warns when the answer holds more records than `inet_res`'s cache (`cache_size`, 100): the "
            + "lookups within the TTL (the Corefile's `ttl`) return only part of it, so peers go unconnected, and "
            + "libcluster, which disconnects nodes missing from an answer, drops live peers.");
  }

  @Override
  public Set<Assumption.Topic> restsOn() {
    return Set.of(Assumption.Topic.DISCOVERY);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.dns().isEmpty()) {
      return skip("discovery", "discovery is not DNS-based (or unknown)");
    }
    Discovery.Dns d = ctx.dns().get();
    DiscoveryLibrary library = new DiscoverySpec(d.strategy(), d.recordType(), d.hostType(), Optional.empty()).library();
    String subject = library.module();
    if (ctx.sim().answer().isEmpty() || !ctx.sim().answer().get().hasRecords()) {
      return skip(subject, "the discovery query gets no records (see discovery-query-resolves)");
    }
    List<Finding> findings = ctx.sim().findings();
    CheckResult result = judge(ctx, d, library, subject, findings);
    return result;
  }

  /**
   * gen_cluster's SRV discovery with {@code host_type => ip}, which crashes on every target: within
   * the team's design, name peers by the targets' host names ({@code host_type => hostname}; the
   * node names follow in the planner's next round). Apart from it, offered only when nothing within
   * the design holds: A records ({@code record_type => ip}) under the service's own name, which
   * keeps peers named by address, with the nodes named after their pod IP where they are not.
   */
  @Override
  public List<Proposal> propose(DoctorContext ctx) {
    Optional<Discovery.Dns> dns = ctx.dns();
    if (dns.isEmpty() || dns.get().strategy() != Strategy.GEN_CLUSTER || dns.get().recordType() != QueryType.SRV || dns.get().hostType() != HostType.IP
        || ctx.sim().findings().stream().noneMatch(f -> f.severity() == Finding.Severity.CRASH)) {
      return List.of();
    }
    Optional<String> sysConfig = Proposals.sysConfigOf(dns.get());
    if (sysConfig.isEmpty()) {
      return List.of(); // not set in a sys.config line (a command-line strategy): nothing to edit
    }
    String file = sysConfig.get();
    List<Proposal> out = new ArrayList<>();
    out.add(Proposal.of("name peers by the SRV targets' host names (host_type => hostname), which gen_cluster's SRV discovery handles",
        new Change.DiscoverySetting(file, "host_type", "hostname")));
    String service = dns.get().query().replaceFirst("^(_[^.]+\\.){2}", "");
    List<Change> aRecords = new ArrayList<>(List.of(new Change.DiscoverySetting(file, "record_type", "ip"),
        new Change.DiscoverySetting(file, "domain", "\"" + service + "\"")));
    boolean namedByIp = ctx.sim().rows().stream().allMatch(r -> r.self() != null && NodeName.parse(r.self().name()).host() != null
        && NodeName.isAddress(NodeName.parse(r.self().name()).host()));
    if (!namedByIp) {
      List<Proposal> byIp = ReleaseAdvice.nameByPodIpProposals(ctx, ctx.sim().basename().orElse("node"));
      if (byIp.isEmpty()) {
        return out;
      }
      aRecords.addAll(byIp.get(0).changes());
    }
    out.add(new Proposal("look up A records of " + service + " instead of SRV records (record_type => ip): peers stay named by address", aRecords, List.of()));
    return out;
  }

  private CheckResult judge(DoctorContext ctx, Discovery.Dns d, DiscoveryLibrary library, String subject, List<Finding> findings) {
    Optional<Finding> crash = findings.stream().filter(f -> f.severity() == Finding.Severity.CRASH).findFirst();
    if (crash.isPresent()) {
      return fail(subject, library.module() + " crashes on the answer to " + d.query() + ": " + crash.get().message())
          .evidence("library call", library.call(library.askedName(d.query()), d.recordType()))
          .evidence("setting", d.origin())
          .fix(Remediation.text(capitalised(crash.get().avoid()) + "."))
          .evidence("pod resolver options", ignored(ctx).orElse("none that inet_res would ignore"))
          .build();
    }
    Optional<Finding> warning = findings.stream().findFirst();
    if (warning.isPresent()) {
      return warn(subject, warning.get().message())
          .evidence("library call", library.call(library.askedName(d.query()), d.recordType()))
          .fix(Remediation.text(capitalised(warning.get().avoid()) + "."))
          .build();
    }
    int n = ctx.sim().answer().get().srv().size() + ctx.sim().answer().get().addresses().size();
    CheckResult.Builder b = pass(subject, "handles the " + n + "-record answer to " + d.query() + " without crashing"
        + (library.cached() ? ", within inet_res's cache of " + DiscoveryLibrary.INET_RES_CACHE_SIZE + " records" : ""))
        .evidence("library call", library.call(library.askedName(d.query()), d.recordType()));
    ignored(ctx).ifPresent(i -> b.evidence("pod resolver options", i));
    return b.build();
  }

  /**
   * The pod's {@code dnsConfig.options} that only glibc reads, said as such: Erlang's {@code inet_res}
   * keeps its own timeout (2000 ms) and retry (3), whatever the pod's resolv.conf says.
   */
  private static Optional<String> ignored(DoctorContext ctx) {
    List<String> options = ctx.workload().map(w -> w.template().retransmitOptions()).orElse(List.of());
    if (options.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join(" ", options) + " (dnsConfig.options) are read by glibc only: Erlang's inet_res"
        + " ignores them and waits 666, 1333 and 2666 ms per server in its 3 rounds (timeout 2000 ms, retry 3)");
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
