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
import dev.clusterctl.dns.ResolverMode;
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
   * Looks {@code domain} up as {@code spec}'s library does ({@link DiscoveryLibrary}): the name it
   * builds, asked through the search list or as an absolute name, for every record type it asks,
   * within its own overall timeout (gen_cluster's 5000 ms); then the follow-ups it makes (SRV
   * targets' addresses, PTR names) and what it makes of it all.
   *
   * @throws dev.clusterctl.error.BadInputException when {@code domain} is not a valid name or no server is configured
   */
  public DiscoveryResult discover(DiscoverySpec spec, String domain) {
    return discover(spec, domain, null);
  }

  /**
   * Looks {@code domain} up as {@link #discover(DiscoverySpec, String)} does, and when the library's
   * lookup goes through {@code inet_res:getbyname} serves each answer through {@code cache} as a
   * node's resolver would (within the TTL, only the part of an answer the cache kept).
   *
   * @param cache the node's cache model, or {@code null} for the answer as the server gives it
   */
  public DiscoveryResult discover(DiscoverySpec spec, String domain, InetResCache cache) {
    DiscoveryLibrary library = spec.library();
    String asked = library.askedName(domain);
    List<LookupResult> lookups = new ArrayList<>();
    for (QueryType type : spec.types()) {
      lookups.add(mainLookup(library, asked, type));
    }
    LookupResult lookup = lookups.get(0);
    List<Record> answers = new ArrayList<>();
    List<Record> additional = new ArrayList<>();
    boolean viaCname = false;
    List<String> cacheNotes = new ArrayList<>();
    for (LookupResult l : lookups) {
      Optional<Attempt> found = l.found();
      if (found.isPresent()) {
        List<Record> records = l.records();
        if (cache != null && library.cached()) {
          InetResCache.Served served = cache.serve(asked + " " + l.typeName(), records);
          records = served.records();
          if (served.fromCache()) {
            cacheNotes.add("as a node: inet_res answered " + l.typeName() + " " + asked + " from its cache with "
                + records.size() + " of the " + served.answered() + " records it was given ("
                + served.left().toSeconds() + " s of TTL left); the server's answer now holds " + l.records().size());
          }
        }
        answers.addAll(records);
        additional.addAll(found.get().additional());
        viaCname |= l.viaCname();
      }
    }
    Map<String, TargetAddresses> targets = new LinkedHashMap<>();
    Map<String, ReverseName> reverse = new LinkedHashMap<>();
    // every follow-up of this run shares one budget (the time one name may take) and runs concurrently;
    // the budget starts with the first follow-up question
    Duration budget = resolver.config().nameBudget();
    int unanswered = 0;
    List<SRVRecord> srvs = Answers.srv(answers).stream().filter(s -> !Naming.isRoot(s)).toList();
    if (!srvs.isEmpty()) {
      boolean ipv4Only = library.targetLookup() == TargetLookup.GETHOSTBYNAME_IPV4;
      unanswered += targetAddresses(srvs, additional, budget, targets, ipv4Only);
    }
    if (library.reverseLookup()) {
      unanswered += reverseNames(Answers.addresses(answers), budget, reverse);
    }
    Derivation d = library.derive(answers, viaCname, targets, reverse, spec.basename());
    List<Finding> findings = new ArrayList<>(d.findings());
    int size = answerSize(answers);
    library.cacheOverflow(size, minTtl(answers), "the answer").ifPresent(findings::add);
    List<String> notes = new ArrayList<>();
    lookups.forEach(l -> l.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add));
    notes.addAll(cacheNotes);
    notes.addAll(notes(spec, library, domain));
    if (unanswered > 0) {
      notes.add(unanswered + " follow-up " + (unanswered == 1 ? "lookup was" : "lookups were")
          + " left unanswered within their shared budget of " + budget.toMillis() + " ms");
    }
    return new DiscoveryResult(spec, lookup, new ArrayList<>(targets.values()), new ArrayList<>(reverse.values()),
        d.nodes(), d.gaps(), notes, unanswered, lookups.subList(1, lookups.size()), findings);
  }

  /** One main lookup, as the library asks it: through the search list within its timeout, or absolute. */
  private LookupResult mainLookup(DiscoveryLibrary library, String name, QueryType type) {
    if (library.nameForm() == NameForm.ABSOLUTE) {
      return resolver.lookupAbsolute(name, type.type());
    }
    DnsConfig config = resolver.config();
    Optional<Duration> timeout = library.lookupTimeout();
    if (timeout.isPresent() && config.lookupTimeout().isEmpty() && config.resolver() == ResolverMode.ERLANG) {
      return resolver.lookupWithin(name, type.type(), timeout.get());
    }
    return resolver.lookup(name, type.type());
  }

  /** How many distinct records the answer holds (SRV records, or addresses). */
  private static int answerSize(List<Record> answers) {
    return Answers.srv(answers).size() + Answers.addresses(answers).size();
  }

  /** The smallest TTL among the answer's records, the one inet_res keeps the set for. */
  private static Optional<Long> minTtl(List<Record> answers) {
    return answers.stream().map(Record::getTTL).min(Long::compare);
  }

  /**
   * Fills {@code out} with each SRV target's addresses, in SRV order: from the additional section,
   * else from follow-up A lookups (then AAAA for targets with no A record), all of them at once within
   * {@code budget}, which starts with the first question. Returns how many follow-ups were left unanswered.
   */
  private int targetAddresses(List<SRVRecord> srvs, List<Record> additional, Duration budget,
      Map<String, TargetAddresses> out, boolean ipv4Only) {
    Map<String, Name> toAsk = new LinkedHashMap<>();
    Map<String, List<InetAddress>> fromAdditional = new LinkedHashMap<>();
    for (SRVRecord srv : srvs) {
      String name = Answers.hostName(srv.getTarget());
      List<InetAddress> known = Answers.addressesOf(srv.getTarget(), additional);
      if (ipv4Only) {
        known = known.stream().filter(a -> a instanceof java.net.Inet4Address).toList();
      }
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
      if (!ipv4Only && Answers.addresses(r.records()).isEmpty() && !r.noServerResponded()) {
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

  private static List<String> notes(DiscoverySpec spec, DiscoveryLibrary library, String domain) {
    List<String> notes = new ArrayList<>();
    if (spec.strategy() == Strategy.LIBCLUSTER_DNSSRV) {
      if (!domain.matches("(?i)[^._][^.]*\\.[^.]+\\.svc\\..+")) {
        notes.add("libcluster-dnssrv always asks for <service>.<namespace>.svc.<cluster domain>; '"
            + domain + "' does not have that shape");
      }
      if (!domain.endsWith(".")) {
        notes.add("libcluster-dnssrv asks " + library.askedName(domain) + " once, with no search list: its default"
            + " CLUSTER_DOMAIN is 'cluster.local.' (with the root dot); a CLUSTER_DOMAIN without the dot would go"
            + " through the search list instead");
      }
    }
    if (spec.strategy() == Strategy.LIBCLUSTER_DNSPOLL) {
      notes.add("libcluster's DNSPoll calls inet_res:lookup for A and AAAA: the name is asked as " + (domain.endsWith(".") ? domain : domain + ".")
          + " only, never with the search list, and the node leaves its own name out of the list");
    }
    if (spec.strategy() == Strategy.DNS_CLUSTER && spec.types().size() > 1) {
      notes.add("dns_cluster asks for " + spec.types().stream().map(QueryType::name).collect(java.util.stream.Collectors.joining(" and "))
          + " (its default resource_types) and joins the answers; --type a or --type aaaa asks one");
    }
    if (spec.strategy() == Strategy.DNS_CLUSTER && spec.type() == QueryType.SRV) {
      notes.add("dns_cluster turns SRV targets into addresses with :inet.gethostbyname, which is IPv4 only and goes"
          + " through the node's own lookup methods (native: /etc/hosts and libc's resolver unless an inetrc says"
          + " otherwise); here each target's A records are asked of the same servers");
    }
    return notes;
  }
}
