package dev.clusterctl.discovery;

import dev.clusterctl.dns.Addresses;
import dev.clusterctl.dns.QueryType;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Record;

/**
 * libcluster's {@code Cluster.Strategy.Kubernetes.DNS}: {@code :inet_res.getbyname(service, :a)}
 * (search list, no overall timeout), each address named {@code app@ip} with
 * {@code String.to_atom/1}; nodes missing from the latest answer are disconnected. Its {@code case}
 * has one success clause, for a hostent with no aliases: a name that resolves through a CNAME
 * raises {@code CaseClauseError}.
 */
public record LibclusterKubernetesDns() implements DiscoveryLibrary {

  @Override
  public Strategy strategy() {
    return Strategy.LIBCLUSTER_DNS;
  }

  @Override
  public String module() {
    return "libcluster Cluster.Strategy.Kubernetes.DNS";
  }

  @Override
  public List<QueryType> types() {
    return List.of(QueryType.A);
  }

  @Override
  public NameForm nameForm() {
    return NameForm.SEARCH_LIST;
  }

  @Override
  public String call(String name, QueryType t) {
    return ":inet_res.getbyname('" + name + "', :a)";
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
    List<InetAddress> addresses = Naming.addresses(records);
    if (viaCname && !addresses.isEmpty()) {
      n.finding(Finding.crash("case-clause-error",
          "the name resolves through a CNAME, so :inet_res.getbyname returns a hostent with aliases, and"
              + " Cluster.Strategy.Kubernetes.DNS matches only {:ok, {:hostent, _fqdn, [], :inet, _, addresses}}:"
              + " ** (CaseClauseError) no case clause matching. The strategy's init raises, so the Cluster"
              + " supervisor fails to start (and later polls crash the same way): no peer is found",
          "query the headless Service's own name (<service>.<namespace>.svc.<cluster domain>), not an alias of it"
              + " (an ExternalName Service or a CNAME record); or use Cluster.Strategy.DNSPoll, which takes any A answer"));
    }
    for (InetAddress a : addresses) {
      n.node(Addresses.format(a), Naming.addressFrom(a));
    }
    return n.done("libcluster's Cluster.Strategy.Kubernetes.DNS", "String.to_atom/1",
        "SystemLimitError (system_limit)", "");
  }
}
