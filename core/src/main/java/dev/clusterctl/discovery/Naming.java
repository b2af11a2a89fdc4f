package dev.clusterctl.discovery;

import dev.clusterctl.dns.Addresses;
import dev.clusterctl.dns.Answers;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;

/** The pieces the library objects share: collecting nodes, the root target, the atom limit. */
final class Naming {

  /** The problem code {@link dev.clusterctl.erlang.NodeName} gives a name longer than an atom may be. */
  static final String ATOM_TOO_LONG = "atom-too-long";

  private final Map<String, DerivedNode> nodes = new TreeMap<>();
  private final List<Gap> gaps = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final Optional<String> basename;

  Naming(Optional<String> basename) {
    this.basename = basename;
  }

  /** Adds the node {@code basename@host} (first one wins for a repeated name). */
  DerivedNode node(String host, String from) {
    DerivedNode n = DerivedNode.of(host, from, basename);
    nodes.putIfAbsent(n.display(), n);
    return n;
  }

  /** Adds an already built node. */
  void add(DerivedNode n) {
    nodes.putIfAbsent(n.display(), n);
  }

  void gap(String from, String reason) {
    gaps.add(new Gap(from, reason));
  }

  void finding(Finding f) {
    findings.add(f);
  }

  /**
   * The derivation. When a name is longer than an atom may be, the library's {@code atomCall}
   * raises {@code system_limit} and the whole refresh fails: no node, one crash.
   */
  Derivation done(String module, String atomCall, String crashWords, String avoidPrefix) {
    List<DerivedNode> all = new ArrayList<>(nodes.values());
    Optional<DerivedNode> tooLong = all.stream()
        .filter(n -> n.problems().stream().anyMatch(p -> p.code().equals(ATOM_TOO_LONG))).findFirst();
    if (tooLong.isPresent()) {
      findings.add(Finding.crash("system-limit",
          module + " makes every node name an atom with " + atomCall + ", and "
              + tooLong.get().display().length() + " characters (" + tooLong.get().from()
              + ") is more than an atom may hold (255): it raises " + crashWords
              + " and the refresh finds no peer at all",
          avoidPrefix + "keep basename@host within 255 characters: a shorter basename, service, namespace or cluster domain"));
      all = List.of();
    }
    if (findings.stream().anyMatch(f -> f.severity() == Finding.Severity.CRASH)) {
      all = List.of();
    }
    gaps.sort(Comparator.comparing(Gap::from));
    return new Derivation(all, gaps, findings);
  }

  /** True for the root target {@code .} ("the service is decidedly not available at this domain", RFC 2782). */
  static boolean isRoot(SRVRecord srv) {
    return srv.getTarget().equals(Name.root);
  }

  /** The gap a root target is: no host to name. */
  static String rootReason(String library) {
    return "the target '.' means the service is not available here (RFC 2782); " + library + " gets no usable node from it";
  }

  /** {@code SRV target} as the {@code from} of a node. */
  static String srvFrom(SRVRecord srv) {
    return "SRV " + target(srv);
  }

  /** An SRV target as Erlang returns it (no trailing dot; the root as {@code .}). */
  static String target(SRVRecord srv) {
    return isRoot(srv) ? "." : Answers.hostName(srv.getTarget());
  }

  /** The A/AAAA addresses among {@code records}, sorted, each with its type. */
  static List<InetAddress> addresses(List<Record> records) {
    return Answers.addresses(records);
  }

  /** {@code A 10.0.0.1} or {@code AAAA fd00::1}. */
  static String addressFrom(InetAddress a) {
    return (a instanceof Inet4Address ? "A " : "AAAA ") + Addresses.format(a);
  }

  /** The status of a target's last follow-up lookup, in parentheses, or nothing. */
  static String followUpStatus(TargetAddresses ta) {
    if (ta == null) {
      return "";
    }
    return ta.lastFollowUp().map(l -> " (A/AAAA lookup: " + l.status().label() + ")").orElse("");
  }
}
