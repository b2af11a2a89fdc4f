package dev.clusterctl.discovery;

import dev.clusterctl.dns.Addresses;
import dev.clusterctl.dns.Answers;
import dev.clusterctl.dns.Attempt;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.LookupResult;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.Resolver;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * Does the lookups a discovery library does (the main query, the SRV targets' addresses, PTR
 * names) through a {@link Resolver}, and derives the node names with {@link Derivation}.
 */
public final class Discovery {

  private final Resolver resolver;

  /** Discovery that asks through {@code resolver}. */
  public Discovery(Resolver resolver) {
    this.resolver = resolver;
  }

  /** Discovery that asks the servers of {@code config} over the network. */
  public static Discovery of(DnsConfig config) {
    return new Discovery(Resolver.of(config));
  }

  /**
   * Looks {@code domain} up as {@code spec} says and derives the node names.
   *
   * @throws dev.clusterctl.error.BadInputException when {@code domain} is not a valid name or no server is configured
   */
  public DiscoveryResult discover(DiscoverySpec spec, String domain) {
    LookupResult lookup = resolver.lookup(domain, spec.type().type());
    Optional<Attempt> found = lookup.found();
    List<Record> answers = lookup.records();
    Map<String, TargetAddresses> targets = new LinkedHashMap<>();
    Map<String, ReverseName> reverse = new LinkedHashMap<>();
    if (found.isPresent() && spec.type() == QueryType.SRV) {
      for (SRVRecord srv : Answers.srv(answers)) {
        String target = Answers.hostName(srv.getTarget());
        targets.computeIfAbsent(target, t -> targetAddresses(srv.getTarget(), found.get().additional()));
      }
    }
    if (found.isPresent() && spec.type() != QueryType.SRV && spec.hostType() == HostType.HOSTNAME) {
      for (InetAddress a : Answers.addresses(answers)) {
        reverse.computeIfAbsent(Addresses.format(a), ip -> reverseName(a));
      }
    }
    Derivation d = Derivation.derive(spec, answers, targets, reverse);
    return new DiscoveryResult(spec, lookup, new ArrayList<>(targets.values()), new ArrayList<>(reverse.values()),
        d.nodes(), d.gaps(), notes(spec, domain));
  }

  private TargetAddresses targetAddresses(Name target, List<Record> additional) {
    String name = Answers.hostName(target);
    List<InetAddress> fromAdditional = Answers.addressesOf(target, additional);
    if (!fromAdditional.isEmpty()) {
      return new TargetAddresses(name, format(fromAdditional), TargetAddresses.Source.ADDITIONAL, List.of());
    }
    List<LookupResult> followUps = new ArrayList<>();
    LookupResult a = resolver.lookupAbsolute(target.toString(), Type.A);
    followUps.add(a);
    List<InetAddress> found = Answers.addresses(a.records());
    if (found.isEmpty() && !a.noServerResponded()) {
      LookupResult aaaa = resolver.lookupAbsolute(target.toString(), Type.AAAA);
      followUps.add(aaaa);
      found = Answers.addresses(aaaa.records());
    }
    return new TargetAddresses(name, format(found), TargetAddresses.Source.QUERY, followUps);
  }

  private ReverseName reverseName(InetAddress address) {
    LookupResult ptr = resolver.lookupAbsolute(ReverseMap.fromAddress(address).toString(), Type.PTR);
    return new ReverseName(Addresses.format(address), Answers.ptrNames(ptr.records()), ptr);
  }

  private static List<String> format(List<InetAddress> addresses) {
    return addresses.stream().map(Addresses::format).toList();
  }

  private static List<String> notes(DiscoverySpec spec, String domain) {
    List<String> notes = new ArrayList<>();
    if (spec.strategy() == Strategy.LIBCLUSTER_DNSSRV && !domain.matches("(?i)[^._][^.]*\\.[^.]+\\.svc\\..+")) {
      notes.add("libcluster-dnssrv always asks for <service>.<namespace>.svc.<cluster domain>; '"
          + domain + "' does not have that shape");
    }
    if (spec.strategy() == Strategy.GEN_CLUSTER && spec.type() == QueryType.SRV && spec.hostType() == HostType.IP) {
      notes.add("gen_cluster's SRV discovery with host_type ip (gc_discover_dns_srv) matches the resolved address"
          + " against the target name, so it yields no peer unless the target is itself an IP address, and it"
          + " expects exactly one A record per target; the names above are what host_type ip intends");
    }
    if (spec.strategy() == Strategy.DNS_CLUSTER && spec.type() == QueryType.A) {
      notes.add("dns_cluster asks for A and AAAA by default (resource_types); run again with --type aaaa for IPv6");
    }
    return notes;
  }
}
