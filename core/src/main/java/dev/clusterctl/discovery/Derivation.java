package dev.clusterctl.discovery;

import dev.clusterctl.dns.Addresses;
import dev.clusterctl.dns.Answers;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.erlang.NodeName;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;

/**
 * Turns answers into node names exactly as a discovery library does (pure: no network), by
 * {@link NamingRule}, and says which answers yield none.
 *
 * <ul>
 *   <li>gen-cluster: A/AAAA → {@code base@ip}, or {@code base@ptr-name} with host type hostname;
 *       SRV → {@code base@target} (no trailing dot, port ignored; a target without address is
 *       flagged {@code host-no-address}), or {@code base@ip} with host
 *       type ip, each target resolved to exactly one address.
 *   <li>libcluster-dns: A → {@code app@ip}. libcluster-dnssrv: SRV → {@code app@target}.
 *   <li>dns-cluster: {@code base@ip} for every address, SRV targets turned into their addresses.
 * </ul>
 *
 * @param nodes the derived nodes, one per distinct name, sorted by name
 * @param gaps the answers that yield no node name, and why
 */
public record Derivation(List<DerivedNode> nodes, List<Gap> gaps) {

  /** Copies the lists. */
  public Derivation {
    nodes = List.copyOf(nodes);
    gaps = List.copyOf(gaps);
  }

  /**
   * Derives the node names.
   *
   * @param spec the library, record type, host type and basename
   * @param answers the answer records of the asked type
   * @param targets the addresses of each SRV target, by target name without trailing dot
   * @param reverse the PTR names of each address (for A/AAAA with host type hostname), by address text
   */
  public static Derivation derive(
      DiscoverySpec spec, List<Record> answers, Map<String, TargetAddresses> targets, Map<String, ReverseName> reverse) {
    Map<String, DerivedNode> nodes = new TreeMap<>();
    List<Gap> gaps = new ArrayList<>();
    Optional<String> base = spec.basename();
    if (spec.type() == QueryType.SRV) {
      for (SRVRecord srv : Answers.srv(answers)) {
        String target = Answers.hostName(srv.getTarget());
        String from = "SRV " + target;
        TargetAddresses ta = targets.get(target);
        List<String> hosts = NamingRule.fromSrvTarget(spec.strategy(), spec.hostType(), target,
            ta == null ? List.of() : ta.addresses());
        if (spec.hostType() == HostType.HOSTNAME) {
          DerivedNode node = DerivedNode.of(hosts.get(0), from, base);
          if (ta != null && ta.addresses().isEmpty()) {
            node = node.withProblem(new NodeName.Problem("host-no-address",
                "the SRV target has no address" + followUpStatus(ta) + ": connecting to this node fails"));
          }
          add(nodes, node);
          continue;
        }
        if (hosts.isEmpty()) {
          gaps.add(new Gap(from, "the target has no address" + followUpStatus(ta)));
          continue;
        }
        for (String ip : hosts) {
          add(nodes, DerivedNode.of(ip, from, base));
        }
      }
    } else {
      String type = spec.type().name();
      for (InetAddress address : Answers.addresses(answers)) {
        String ip = Addresses.format(address);
        String from = type + " " + ip;
        ReverseName rn = reverse.get(ip);
        Optional<String> host = NamingRule.fromAddress(spec.hostType(), ip, rn == null ? List.of() : rn.names());
        if (host.isEmpty()) {
          gaps.add(new Gap(from, "the address has no PTR record"
              + (rn == null ? "" : " (" + rn.lookup().status().label() + ")")));
          continue;
        }
        add(nodes, DerivedNode.of(host.get(), from, base));
      }
    }
    gaps.sort(Comparator.comparing(Gap::from));
    return new Derivation(new ArrayList<>(nodes.values()), gaps);
  }

  private static void add(Map<String, DerivedNode> nodes, DerivedNode node) {
    nodes.putIfAbsent(node.display(), node);
  }

  private static String followUpStatus(TargetAddresses ta) {
    if (ta == null) {
      return "";
    }
    return ta.lastFollowUp().map(l -> " (A/AAAA lookup: " + l.status().label() + ")").orElse("");
  }
}
