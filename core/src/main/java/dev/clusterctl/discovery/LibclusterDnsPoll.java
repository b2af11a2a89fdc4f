package dev.clusterctl.discovery;

import dev.clusterctl.dns.Addresses;
import dev.clusterctl.dns.QueryType;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Record;

/**
 * libcluster's {@code Cluster.Strategy.DNSPoll}: {@code :inet_res.lookup(query, :in, :a)} and the
 * same for {@code :aaaa}, concatenated: no search list (the query is asked as an absolute name), no
 * cache, errors give an empty list. Each address is named {@code node_basename@ip}; the node's own
 * name is left out; nodes missing from the latest answer are disconnected.
 */
public record LibclusterDnsPoll() implements DiscoveryLibrary {

  @Override
  public Strategy strategy() {
    return Strategy.LIBCLUSTER_DNSPOLL;
  }

  @Override
  public String module() {
    return "libcluster Cluster.Strategy.DNSPoll";
  }

  @Override
  public List<QueryType> types() {
    return List.of(QueryType.A, QueryType.AAAA);
  }

  @Override
  public NameForm nameForm() {
    return NameForm.ABSOLUTE;
  }

  @Override
  public String call(String name, QueryType t) {
    return ":inet_res.lookup('" + name + "', :in, :" + t.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  @Override
  public boolean cached() {
    return false;
  }

  @Override
  public boolean disconnectsMissing() {
    return true;
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
    return n.done("libcluster's Cluster.Strategy.DNSPoll", ":\"#{basename}@#{ip}\"",
        "SystemLimitError (system_limit)", "");
  }
}
