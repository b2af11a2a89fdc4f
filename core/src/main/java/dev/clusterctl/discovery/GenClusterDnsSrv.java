package dev.clusterctl.discovery;

import dev.clusterctl.dns.QueryType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;

/**
 * gen_cluster's {@code gc_discover_dns_srv} ({@code record_type => srv}):
 * {@code inet_res:getbyname(D, srv, LookupTimeout)} (search list, 5000 ms by default), each target
 * named {@code base@Target} (port ignored, no trailing dot). With {@code host_type => ip} each
 * target goes through {@code inet_res:getbyname(Target, a, 5000)}, and whatever it returns the
 * module's own pattern match fails: one address is matched against the already bound target name,
 * several addresses or an error match no clause. The refresh crashes with {@code case_clause} on the
 * first target, so that setting finds no peer at all.
 *
 * @param hostType {@code host_type} (default {@code hostname} for SRV)
 * @param timeout {@code lookup_timeout} of the SRV lookup (default 5000 ms; {@link Duration#ZERO} for
 *     {@code infinity}); each target's lookup has 5000 ms written in the module
 */
public record GenClusterDnsSrv(HostType hostType, Duration timeout) implements DiscoveryLibrary {

  @Override
  public Strategy strategy() {
    return Strategy.GEN_CLUSTER;
  }

  @Override
  public String module() {
    return "gen_cluster gc_discover_dns_srv" + (hostType == HostType.IP ? " (host_type => ip)" : "");
  }

  @Override
  public List<QueryType> types() {
    return List.of(QueryType.SRV);
  }

  @Override
  public NameForm nameForm() {
    return NameForm.SEARCH_LIST;
  }

  @Override
  public String call(String name, QueryType t) {
    return "inet_res:getbyname(\"" + name + "\", srv, " + (timeout.isZero() ? "infinity" : String.valueOf(timeout.toMillis())) + ")";
  }

  @Override
  public Optional<Duration> lookupTimeout() {
    return timeout.isZero() ? Optional.empty() : Optional.of(timeout);
  }

  @Override
  public TargetLookup targetLookup() {
    return hostType == HostType.IP ? TargetLookup.GETBYNAME_ONE : TargetLookup.NONE;
  }

  @Override
  public Derivation derive(List<Record> records, boolean viaCname, Map<String, TargetAddresses> targets,
      Map<String, ReverseName> reverse, Optional<String> basename) {
    Naming n = new Naming(basename);
    List<SRVRecord> srvs = dev.clusterctl.dns.Answers.srv(records);
    if (hostType == HostType.IP) {
      if (!srvs.isEmpty()) {
        n.finding(crash(srvs.get(0), targets.get(Naming.target(srvs.get(0)))));
      }
      return n.done("gen_cluster", "list_to_atom/1", "system_limit", "");
    }
    for (SRVRecord srv : srvs) {
      String target = Naming.target(srv);
      if (Naming.isRoot(srv)) {
        n.gap(Naming.srvFrom(srv), Naming.rootReason("gen_cluster"));
        continue;
      }
      DerivedNode node = DerivedNode.of(target, Naming.srvFrom(srv), basename);
      TargetAddresses ta = targets.get(target);
      if (ta != null && ta.addresses().isEmpty()) {
        node = node.withProblem(new dev.clusterctl.erlang.NodeName.Problem("host-no-address",
            "the SRV target has no address" + Naming.followUpStatus(ta) + ": connecting to this node fails"));
      }
      n.add(node);
    }
    return n.done("gen_cluster", "list_to_atom/1", "system_limit", "");
  }

  /** The crash on the first target gen_cluster handles, in its own words. */
  private static Finding crash(SRVRecord first, TargetAddresses ta) {
    String target = Naming.target(first);
    List<String> addresses = ta == null ? List.of() : ta.addresses();
    String what;
    if (addresses.size() == 1) {
      what = "inet_res:getbyname(\"" + target + "\", a, 5000) returns one address, and handle_host/6 matches"
          + " {ok, \"" + addresses.get(0) + "\"} against {ok, Host} with Host already bound to \"" + target
          + "\": {case_clause, {ok, \"" + addresses.get(0) + "\"}}";
    } else if (addresses.size() > 1) {
      what = "inet_res:getbyname(\"" + target + "\", a, 5000) returns " + addresses.size()
          + " addresses, and parse_host/3 expects exactly one: {case_clause, {ok, {hostent, ...}}}";
    } else {
      what = "inet_res:getbyname(\"" + target + "\", a, 5000) finds no address" + Naming.followUpStatus(ta)
          + ", and parse_host/3 has a clause only for {error, einval}: {case_clause, {error, ...}}";
    }
    return Finding.crash("case-clause",
        "gen_cluster's SRV discovery with host_type => ip crashes on every refresh: for target " + target + ", "
            + what + ". Every target fails one of these ways (an IP-literal target too), so no peer is ever"
            + " found; gen_cluster's process restarts and crashes again, and when gen_cluster is a permanent"
            + " application the node halts (\"Kernel pid terminated\")",
        "use host_type => hostname (the default with record_type => srv) and start every node as"
            + " -name base@<its SRV target> (hostname --fqdn with the pod's subdomain); or record_type => ip"
            + " (A records) for base@<ip> names");
  }
}
