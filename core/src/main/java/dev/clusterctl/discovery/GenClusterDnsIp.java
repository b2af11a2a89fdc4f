package dev.clusterctl.discovery;

import dev.clusterctl.dns.Addresses;
import dev.clusterctl.dns.QueryType;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Record;

/**
 * gen_cluster's {@code gc_discover_dns_ip} ({@code {dns, #{domain => D}}}, {@code record_type => ip}):
 * {@code inet_res:getbyname(D, a | aaaa, LookupTimeout)} (search list, 5000 ms by default), each
 * address named {@code base@inet:ntoa(IP)}, or with {@code host_type => hostname} by
 * {@code inet_res:gethostbyaddr(IP)}'s {@code h_name}; an address whose reverse lookup fails gives
 * no peer (silently). Node names are made with {@code list_to_atom/1}.
 *
 * @param type A, or AAAA with {@code ipv6 => true}
 * @param hostType {@code host_type}
 * @param timeout {@code lookup_timeout} (default 5000 ms; {@link Duration#ZERO} for {@code infinity})
 */
public record GenClusterDnsIp(QueryType type, HostType hostType, Duration timeout) implements DiscoveryLibrary {

  /** gen_cluster's default {@code lookup_timeout}. */
  public static final Duration LOOKUP_TIMEOUT = Duration.ofMillis(5000);

  @Override
  public Strategy strategy() {
    return Strategy.GEN_CLUSTER;
  }

  @Override
  public String module() {
    return "gen_cluster gc_discover_dns_ip" + (type == QueryType.AAAA ? " (ipv6 => true)" : "")
        + (hostType == HostType.HOSTNAME ? " (host_type => hostname)" : "");
  }

  @Override
  public List<QueryType> types() {
    return List.of(type);
  }

  @Override
  public NameForm nameForm() {
    return NameForm.SEARCH_LIST;
  }

  @Override
  public String call(String name, QueryType t) {
    return "inet_res:getbyname(\"" + name + "\", " + t.name().toLowerCase(java.util.Locale.ROOT) + ", " + timeoutText() + ")";
  }

  private String timeoutText() {
    return timeout.isZero() ? "infinity" : String.valueOf(timeout.toMillis());
  }

  @Override
  public Optional<Duration> lookupTimeout() {
    return timeout.isZero() ? Optional.empty() : Optional.of(timeout);
  }

  @Override
  public boolean reverseLookup() {
    return hostType == HostType.HOSTNAME;
  }

  @Override
  public Derivation derive(List<Record> records, boolean viaCname, Map<String, TargetAddresses> targets,
      Map<String, ReverseName> reverse, Optional<String> basename) {
    Naming n = new Naming(basename);
    for (InetAddress address : Naming.addresses(records)) {
      String ip = Addresses.format(address);
      String from = Naming.addressFrom(address);
      if (hostType == HostType.IP) {
        n.node(ip, from);
        continue;
      }
      ReverseName rn = reverse.get(ip);
      List<String> names = rn == null ? List.of() : rn.names();
      if (names.size() == 1) {
        n.node(names.get(0), from);
      } else if (names.size() > 1) {
        n.gap(from, "the address has " + names.size() + " PTR records (" + String.join(", ", names)
            + "): inet_res:gethostbyaddr returns {error, nxdomain} for it, so gen_cluster gets no name for this peer");
      } else {
        n.gap(from, "the address has no PTR record"
            + (rn == null || rn.lookup() == null ? "" : " (" + rn.lookup().status().label() + ")"));
      }
    }
    return n.done("gen_cluster", "list_to_atom/1", "system_limit", "");
  }
}
