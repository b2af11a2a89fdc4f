package dev.clusterctl.discovery;

import dev.clusterctl.dns.Addresses;
import dev.clusterctl.dns.Answers;
import dev.clusterctl.dns.Attempt;
import dev.clusterctl.dns.BatchResult;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.LookupResult;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.Question;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.time.Deadline;
import java.net.InetAddress;
import java.time.Duration;
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
    // every follow-up of this run shares one budget (the time one name may take) and runs concurrently;
    // the budget starts with the first follow-up question
    Duration budget = resolver.config().nameBudget();
    int unanswered = 0;
    if (found.isPresent() && spec.type() == QueryType.SRV) {
      unanswered += targetAddresses(Answers.srv(answers), found.get().additional(), budget, targets);
    }
    if (found.isPresent() && spec.type() != QueryType.SRV && spec.hostType() == HostType.HOSTNAME) {
      unanswered += reverseNames(Answers.addresses(answers), budget, reverse);
    }
    Derivation d = Derivation.derive(spec, answers, targets, reverse);
    List<String> notes = new ArrayList<>(lookup.notes());
    notes.addAll(notes(spec, domain));
    if (unanswered > 0) {
      notes.add(unanswered + " follow-up " + (unanswered == 1 ? "lookup was" : "lookups were")
          + " left unanswered within their shared budget of " + budget.toMillis() + " ms");
    }
    return new DiscoveryResult(spec, lookup, new ArrayList<>(targets.values()), new ArrayList<>(reverse.values()),
        d.nodes(), d.gaps(), notes, unanswered);
  }

  /**
   * Fills {@code out} with each SRV target's addresses, in SRV order: from the additional section,
   * else from follow-up A lookups (then AAAA for targets with no A record), all of them at once within
   * {@code budget}, which starts with the first question. Returns how many follow-ups were left unanswered.
   */
  private int targetAddresses(List<SRVRecord> srvs, List<Record> additional, Duration budget,
      Map<String, TargetAddresses> out) {
    Map<String, Name> toAsk = new LinkedHashMap<>();
    Map<String, List<InetAddress>> fromAdditional = new LinkedHashMap<>();
    for (SRVRecord srv : srvs) {
      String name = Answers.hostName(srv.getTarget());
      List<InetAddress> known = Answers.addressesOf(srv.getTarget(), additional);
      if (!known.isEmpty()) {
        fromAdditional.putIfAbsent(name, known);
      } else if (!fromAdditional.containsKey(name)) {
        toAsk.putIfAbsent(name, srv.getTarget());
      }
    }
    List<String> names = new ArrayList<>(toAsk.keySet());
    Deadline deadline = Deadline.after(budget);
    BatchResult a = resolver.lookupAll(
        names.stream().map(n -> new Question(toAsk.get(n).toString(), Type.A)).toList(), deadline);
    Map<String, LookupResult> aByName = new LinkedHashMap<>();
    List<String> noA = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      LookupResult r = a.results().get(i);
      aByName.put(names.get(i), r);
      if (Answers.addresses(r.records()).isEmpty() && !r.noServerResponded()) {
        noA.add(names.get(i));
      }
    }
    BatchResult aaaa = resolver.lookupAll(
        noA.stream().map(n -> new Question(toAsk.get(n).toString(), Type.AAAA)).toList(), deadline);
    Map<String, LookupResult> aaaaByName = new LinkedHashMap<>();
    for (int i = 0; i < noA.size(); i++) {
      aaaaByName.put(noA.get(i), aaaa.results().get(i));
    }
    for (SRVRecord srv : srvs) {
      String name = Answers.hostName(srv.getTarget());
      if (out.containsKey(name)) {
        continue;
      }
      if (fromAdditional.containsKey(name)) {
        out.put(name, new TargetAddresses(name, format(fromAdditional.get(name)), TargetAddresses.Source.ADDITIONAL,
            List.of()));
        continue;
      }
      List<LookupResult> followUps = new ArrayList<>();
      LookupResult ra = aByName.get(name);
      followUps.add(ra);
      List<InetAddress> found = Answers.addresses(ra.records());
      LookupResult r6 = aaaaByName.get(name);
      if (r6 != null) {
        followUps.add(r6);
        found = Answers.addresses(r6.records());
      }
      out.put(name, new TargetAddresses(name, format(found), TargetAddresses.Source.QUERY, followUps));
    }
    return a.unansweredCount() + aaaa.unansweredCount();
  }

  /** Fills {@code out} with each address's PTR names, all looked up at once within {@code budget}; returns how many were left unanswered. */
  private int reverseNames(List<InetAddress> addresses, Duration budget, Map<String, ReverseName> out) {
    List<InetAddress> distinct = addresses.stream().distinct().toList();
    BatchResult ptr = resolver.lookupAll(
        distinct.stream().map(a -> new Question(ReverseMap.fromAddress(a).toString(), Type.PTR)).toList(),
        Deadline.after(budget));
    for (int i = 0; i < distinct.size(); i++) {
      LookupResult r = ptr.results().get(i);
      out.putIfAbsent(Addresses.format(distinct.get(i)),
          new ReverseName(Addresses.format(distinct.get(i)), Answers.ptrNames(r.records()), r));
    }
    return ptr.unansweredCount();
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
