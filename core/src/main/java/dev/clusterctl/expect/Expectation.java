package dev.clusterctl.expect;

import dev.clusterctl.discovery.DiscoveryLibrary;
import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.discovery.Finding;
import dev.clusterctl.discovery.NameForm;
import dev.clusterctl.discovery.TargetAddresses;
import dev.clusterctl.discovery.TargetLookup;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;

import dev.clusterctl.discovery.HostType;
import dev.clusterctl.discovery.NamingRule;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.erlang.NodeName;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.Discovery;
import dev.clusterctl.model.Member;
import dev.clusterctl.model.ReleaseInfo;
import dev.clusterctl.model.RenderedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the {@link Simulation} of a model: the example pods, what each calls itself, the answer
 * to the discovery query, and the node names peers derive from it as the discovery library does.
 */
public final class Expectation {

  private Expectation() {}

  /** Simulates {@code model}: every member's pods, and the cluster as each member's release dials it. */
  public static Simulation simulate(ClusterModel model) {
    boolean ipv6 = model.release().discovery().filter(d -> d instanceof Discovery.Dns dns && dns.recordType() == QueryType.AAAA).isPresent();
    List<Member> members = model.members();
    List<ExamplePod> pods = new ArrayList<>();
    Map<String, RenderedName> self = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      for (ExamplePod p : ExamplePods.of(m.workload(), model.clusterDomain(), ipv6, i)) {
        pods.add(p);
        m.release().naming().ifPresent(n -> self.put(p.name(), n.render(p.env(), p.host(), p.ip())));
      }
    }
    CorednsSimulator coredns = new CorednsSimulator(model.coredns(), model.services(), members.stream().map(Member::workload).toList(), pods);
    Dial first = dial(model, model.release(), ownAlive(pods, self, ""), coredns, pods, self);
    List<Reach> mesh = new ArrayList<>();
    if (members.size() > 1) {
      for (int i = 0; i < members.size(); i++) {
        Member m = members.get(i);
        String subject = i == 0 ? "" : m.workload().subject();
        Dial d = i == 0 ? first : dial(model, m.release(), ownAlive(pods, self, subject), coredns, pods, self);
        mesh.add(new Reach(m.workload().subject(), d.rows(), d.derived()));
      }
    }
    return new Simulation(pods, coredns, first.tried(), first.answer(), first.rows(), first.basename(), first.basenameOrigin(),
        first.derived(), mesh, first.findings());
  }

  /** The basename of the first pod of the workload {@code subject} ({@code ""}: the first member). */
  private static String ownAlive(List<ExamplePod> pods, Map<String, RenderedName> self, String subject) {
    return pods.stream().filter(p -> p.workload().equals(subject)).map(p -> self.get(p.name())).filter(Objects::nonNull)
        .findFirst().map(r -> NodeName.parse(r.name()).alive()).orElse(null);
  }

  /**
   * The cluster as one release dials it: the discovery query, the names derived (with the dialer's
   * own basename for gen_cluster), and each pod's own name beside the name this release dials.
   */
  private record Dial(List<DnsAnswer> tried, Optional<DnsAnswer> answer, List<PeerRow> rows, Optional<String> basename,
      String basenameOrigin, List<String> derived, List<Finding> findings) {}

  private static Dial dial(ClusterModel model, ReleaseInfo release, String ownAlive, CorednsSimulator coredns, List<ExamplePod> pods, Map<String, RenderedName> self) {
    List<DnsAnswer> tried = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Optional<DnsAnswer> answer = Optional.empty();
    Map<String, String[]> derivedByPod = new LinkedHashMap<>();
    List<String> derived = new ArrayList<>();
    Optional<String> basename = Optional.empty();
    String basenameOrigin = "";
    Optional<Discovery> discovery = release.discovery();
    if (discovery.isPresent() && discovery.get() instanceof Discovery.Dns dns) {
      if (dns.strategy() == Strategy.GEN_CLUSTER || release.basename().isEmpty()) {
        basename = Optional.ofNullable(ownAlive);
        basenameOrigin = dns.strategy() == Strategy.GEN_CLUSTER ? "gen_cluster uses the local node's own basename" : "no --basename given: assumed the node's own basename";
      } else {
        basename = release.basename();
        basenameOrigin = "--basename";
      }
      QueryType asked = dns.recordType();
      DiscoveryLibrary library = library(dns);
      // DNSPoll asks its query as an absolute name; libcluster's DNSSRV asks the name it built from
      // CLUSTER_DOMAIN through getbyname's rules: absolute with the default "cluster.local.", through the
      // search list when CLUSTER_DOMAIN is set without the root dot (the query here is that name as built)
      boolean asIsOnly = library.nameForm() == NameForm.ABSOLUTE && dns.strategy() != Strategy.LIBCLUSTER_DNSSRV;
      List<String> candidates = asIsOnly
          ? List.of(absolute(library.askedName(dns.query())))
          : podCandidates(dns.query(), model.namespace(), model.clusterDomain());
      for (String absolute : candidates) {
        String candidate = absolute.substring(0, absolute.length() - 1);
        DnsAnswer a = coredns.answer(candidate, asked);
        tried.add(a);
        answer = Optional.of(a);
        if (a.hasRecords()) {
          break;
        }
      }
      if (answer.isPresent() && answer.get().hasRecords() && basename.isPresent()) {
        derive(dns, answer.get(), coredns, basename.get(), derivedByPod, derived);
      }
      if (answer.isPresent() && answer.get().hasRecords()) {
        findings.addAll(findings(library, answer.get(), coredns, basename, model.coredns().ttl()));
      }
    } else if (discovery.isPresent() && discovery.get() instanceof Discovery.Static st) {
      derived.addAll(st.nodes());
      for (ExamplePod p : pods) {
        RenderedName s = self.get(p.name());
        if (s != null && st.nodes().contains(s.name())) {
          derivedByPod.put(p.name(), new String[] {s.name(), "static list"});
        }
      }
    }
    List<PeerRow> rows = new ArrayList<>();
    for (ExamplePod p : pods) {
      String[] d = derivedByPod.get(p.name());
      rows.add(new PeerRow(p, self.get(p.name()), d == null ? null : d[0], d == null ? null : d[1]));
    }
    return new Dial(tried, answer, rows, basename, basenameOrigin, derived, findings);
  }

  /** The library object of a DNS discovery setting. */
  static DiscoveryLibrary library(Discovery.Dns dns) {
    return new DiscoverySpec(dns.strategy(), dns.recordType(), dns.hostType(), Optional.empty()).library();
  }

  private static String absolute(String name) {
    return name.endsWith(".") ? name : name + ".";
  }

  /**
   * What the library does with the simulated answer beyond naming, by its own object: the answer
   * becomes DNS records (SRV targets' addresses from the simulated CoreDNS) and goes through
   * {@link DiscoveryLibrary#derive}; an answer larger than inet_res's cache is flagged with the
   * Corefile's TTL. Simulated answers never come through a CNAME.
   */
  private static List<Finding> findings(DiscoveryLibrary library, DnsAnswer answer, CorednsSimulator coredns,
      Optional<String> basename, int ttl) {
    List<Record> records = new ArrayList<>();
    Map<String, TargetAddresses> targets = new LinkedHashMap<>();
    try {
      Name owner = Name.fromString(absolute(answer.name()));
      for (SrvRecord r : answer.srv()) {
        records.add(new SRVRecord(owner, DClass.IN, ttl, r.priority(), r.weight(), r.port(), Name.fromString(absolute(r.target()))));
        List<String> addresses = library.targetLookup() == TargetLookup.GETHOSTBYNAME_IPV4
            ? coredns.answer(r.target(), QueryType.A).addresses().stream().map(AddressRecord::address).toList()
            : addressesOf(coredns, r.target());
        targets.putIfAbsent(r.target(), new TargetAddresses(r.target(), addresses, TargetAddresses.Source.QUERY, List.of()));
      }
      for (AddressRecord a : answer.addresses()) {
        InetAddress ip = InetAddress.getByName(a.address());
        records.add(ip instanceof Inet4Address v4 ? new ARecord(owner, DClass.IN, ttl, v4) : new AAAARecord(owner, DClass.IN, ttl, ip));
      }
    } catch (TextParseException | UnknownHostException e) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>(library.derive(records, false, targets, Map.of(), basename).findings());
    library.cacheOverflow(answer.srv().size() + answer.addresses().size(), Optional.of((long) ttl), "the Corefile")
        .ifPresent(out::add);
    return out;
  }

  /**
   * The absolute names a pod's Erlang node tries for {@code query}, in order: {@link SearchMode#ERLANG}
   * over the pod's {@code ClusterFirst} search list, the same rule {@code resolve --search erlang} uses.
   */
  static List<String> podCandidates(String query, String namespace, String clusterDomain) {
    return SearchMode.ERLANG.candidates(query, ResolvConf.clusterFirstSearch(namespace, clusterDomain), ResolvConf.POD_NDOTS);
  }

  /**
   * The names the library derives from {@code answer}, by {@link NamingRule} (the rule resolve
   * applies to real answers). libcluster-dns and dns-cluster always name by IP, as
   * {@code DiscoverySpec.of} insists; the model asks libcluster-dnssrv for SRV only.
   */
  private static void derive(
      Discovery.Dns dns, DnsAnswer answer, CorednsSimulator coredns, String base, Map<String, String[]> byPod, List<String> all) {
    boolean ipNames = dns.hostType() == HostType.IP || dns.strategy() == Strategy.DNS_CLUSTER || dns.strategy() == Strategy.LIBCLUSTER_DNS;
    HostType hostType = ipNames ? HostType.IP : HostType.HOSTNAME;
    for (SrvRecord r : answer.srv()) {
      List<String> addresses = ipNames ? addressesOf(coredns, r.target()) : List.of();
      for (String host : NamingRule.fromSrvTarget(dns.strategy(), hostType, r.target(), addresses)) {
        add(NamingRule.nodeName(base, host), r.pod(), ipNames ? "SRV target's address" : "SRV target", byPod, all);
      }
    }
    for (AddressRecord a : answer.addresses()) {
      List<String> ptr = ipNames ? List.of() : coredns.ptr(a.address()).map(List::of).orElse(List.of());
      NamingRule.fromAddress(hostType, a.address(), ptr).ifPresent(host ->
          add(NamingRule.nodeName(base, host), a.pod(), ipNames ? "A record" : "PTR of the A record", byPod, all));
    }
  }

  /** The addresses a library's follow-up lookup finds for an SRV target: A, else AAAA (as {@code Discovery} asks). */
  private static List<String> addressesOf(CorednsSimulator coredns, String target) {
    DnsAnswer a = coredns.answer(target, QueryType.A);
    if (!a.hasRecords()) {
      a = coredns.answer(target, QueryType.AAAA);
    }
    return a.addresses().stream().map(AddressRecord::address).toList();
  }

  private static void add(String name, String pod, String via, Map<String, String[]> byPod, List<String> all) {
    all.add(name);
    if (pod != null) {
      byPod.putIfAbsent(pod, new String[] {name, via});
    }
  }
}
