package dev.clusterctl.discovery;

import dev.clusterctl.dns.Addresses;
import dev.clusterctl.dns.QueryType;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;

/**
 * Phoenix's dns_cluster ({@code DNSCluster.Resolver}): for every resource type (default
 * {@code [:a, :aaaa]}) and every query, {@code :inet_res.getbyname(query, type)} (search list, no
 * overall timeout); the addresses of all of them are one set, each named {@code basename@ip}. SRV
 * targets are turned into addresses with {@code :inet.gethostbyname/1}, which is IPv4 only: a
 * target with only AAAA records gives nothing. Lookup errors give nothing, silently; nodes are never
 * disconnected.
 *
 * @param types the resource types asked, in order
 */
public record DnsClusterResolver(List<QueryType> types) implements DiscoveryLibrary {

  /** Copies the list. */
  public DnsClusterResolver {
    types = List.copyOf(types);
  }

  @Override
  public Strategy strategy() {
    return Strategy.DNS_CLUSTER;
  }

  @Override
  public String module() {
    return "dns_cluster DNSCluster";
  }

  @Override
  public NameForm nameForm() {
    return NameForm.SEARCH_LIST;
  }

  @Override
  public String call(String name, QueryType t) {
    return ":inet_res.getbyname('" + name + "', :" + t.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  @Override
  public TargetLookup targetLookup() {
    return TargetLookup.GETHOSTBYNAME_IPV4;
  }

  @Override
  public HostType hostType() {
    return HostType.IP;
  }

  @Override
  public Derivation derive(List<Record> records, boolean viaCname, Map<String, TargetAddresses> targets,
      Map<String, ReverseName> reverse, Optional<String> basename) {
    Naming n = new Naming(basename);
    for (InetAddress a : Naming.addresses(records)) {
      n.node(Addresses.format(a), Naming.addressFrom(a));
    }
    for (SRVRecord srv : dev.clusterctl.dns.Answers.srv(records)) {
      String target = Naming.target(srv);
      if (Naming.isRoot(srv)) {
        n.gap(Naming.srvFrom(srv), Naming.rootReason("dns_cluster"));
        continue;
      }
      TargetAddresses ta = targets.get(target);
      List<String> ipv4 = ta == null ? List.of()
          : ta.addresses().stream().filter(x -> !x.contains(":")).toList();
      if (ipv4.isEmpty()) {
        boolean onlyV6 = ta != null && !ta.addresses().isEmpty();
        n.gap(Naming.srvFrom(srv), onlyV6
            ? "the target has only IPv6 addresses (" + String.join(" ", ta.addresses())
                + "), and :inet.gethostbyname is IPv4 only: dns_cluster drops it"
            : "the target has no IPv4 address"
                + (ta == null ? "" : ta.lastFollowUp().map(l -> " (A lookup: " + l.status().label() + ")").orElse(""))
                + "; dns_cluster resolves targets with :inet.gethostbyname, IPv4 only");
        continue;
      }
      for (String ip : ipv4) {
        n.node(ip, Naming.srvFrom(srv));
      }
    }
    return n.done("dns_cluster", ":\"#{basename}@#{ip}\" in its connect task", "SystemLimitError (system_limit),"
        + " which takes DNSCluster's process down with the task,", "");
  }
}
