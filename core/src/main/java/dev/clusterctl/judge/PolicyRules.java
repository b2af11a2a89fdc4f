package dev.clusterctl.judge;

import dev.clusterctl.kube.Selectors;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NetworkPolicy rules that decide whether one pod of the workload may reach another on a TCP
 * port (<a href="https://kubernetes.io/docs/concepts/services-networking/network-policies/">Network Policies</a>):
 * a pod is isolated in a direction once a policy of that type selects it, and then only what some
 * rule of those policies allows gets through.
 *
 * <p>Some rules cannot be decided from what doctor reads: a {@code namespaceSelector} on labels
 * other than {@code kubernetes.io/metadata.name} (doctor does not read Namespace objects), and an
 * {@code ipBlock}, which Kubernetes meant for addresses outside the cluster and whose effect on
 * pod-to-pod traffic it leaves to the network plugin. Such a rule makes the answer
 * {@link Admission#uncertain uncertain}, with the reason, rather than a guess either way.
 */
final class PolicyRules {

  /** The label every Namespace carries with its own name (Kubernetes 1.22 and later). */
  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private PolicyRules() {}

  /**
   * What the rules say about one connection: allowed, or not, or it depends on something doctor
   * cannot see ({@code uncertain} holds why, and is empty when the answer is certain).
   * {@code ipBlocks} are the ipBlock peers that admit the connection and the pod IPs each covers,
   * until {@link #settle} weighs them against all the pods.
   */
  record Admission(boolean allowed, Set<String> uncertain, Map<String, Set<String>> ipBlocks) {

    static final Admission ALLOWED = new Admission(true, Set.of(), Map.of());
    static final Admission BLOCKED = new Admission(false, Set.of(), Map.of());

    Admission {
      // insertion order, so that the evidence reads the same on every run
      uncertain = Collections.unmodifiableSet(new LinkedHashSet<>(uncertain));
      ipBlocks = Collections.unmodifiableMap(new LinkedHashMap<>(ipBlocks));
    }

    static Admission uncertain(String why) {
      return new Admission(false, Set.of(why), Map.of());
    }

    /** Certainly blocked: nothing allows it, and nothing might. */
    boolean blocked() {
      return !allowed && uncertain.isEmpty();
    }

    /** Either may let it through: allowed if one is, else uncertain for the reasons of both. */
    Admission or(Admission other) {
      if (allowed || other.allowed) {
        return ALLOWED;
      }
      Set<String> why = new LinkedHashSet<>(uncertain);
      why.addAll(other.uncertain);
      Map<String, Set<String>> blocks = new LinkedHashMap<>(ipBlocks);
      other.ipBlocks.forEach((block, ips) -> blocks.merge(block, ips, (a, b) -> {
        Set<String> both = new LinkedHashSet<>(a);
        both.addAll(b);
        return both;
      }));
      return new Admission(false, why, blocks);
    }

    /**
     * The answer once the ipBlocks are weighed: when together they cover every pod IP (or the IPs
     * are unknown), whether they admit the pods is the network plugin's choice, so the answer is
     * uncertain; when some pod is outside all of them, they do not change it.
     */
    Admission settle(List<String> podIps) {
      if (allowed || ipBlocks.isEmpty()) {
        return new Admission(allowed, uncertain, Map.of());
      }
      Set<String> why = new LinkedHashSet<>(uncertain);
      String blocks = String.join(", ", ipBlocks.keySet());
      if (podIps.isEmpty()) {
        why.add(blocks + " may admit the pods, whose IPs are not known (no running pod)");
      } else {
        Set<String> covered = new LinkedHashSet<>();
        ipBlocks.values().forEach(covered::addAll);
        if (covered.containsAll(podIps)) {
          why.add(blocks + " cover" + (ipBlocks.size() == 1 ? "s" : "") + " the pods' IPs: whether an ipBlock applies to traffic"
              + " between pods depends on the network plugin (Kubernetes meant it for addresses outside the cluster);"
              + " a podSelector rule is certain");
        }
      }
      return new Admission(false, why, Map.of());
    }
  }

  /** True when {@code p} applies to pods with {@code labels} in direction {@code ingress} (else egress). */
  static boolean isolates(NetworkPolicy p, Map<String, String> labels, boolean ingress) {
    if (p.getSpec() == null || !Selectors.matches(p.getSpec().getPodSelector(), labels)) {
      return false;
    }
    List<String> types = p.getSpec().getPolicyTypes();
    if (types == null || types.isEmpty()) {
      return ingress || (p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty());
    }
    return types.contains(ingress ? "Ingress" : "Egress");
  }

  /**
   * Whether a rule of {@code p} lets a pod with {@code labels} in {@code namespace}, at
   * {@code podIps} (empty when unknown), through on TCP {@code port} ({@code portName} is the
   * container port's name, or null; {@code port} is -1 for a dynamic port). Not yet
   * {@linkplain Admission#settle settled}: the ipBlocks of several rules and policies may cover the
   * pods together.
   */
  static Admission allows(NetworkPolicy p, boolean ingress, Map<String, String> labels, String namespace, List<String> podIps, int port, String portName) {
    Admission out = Admission.BLOCKED;
    if (ingress) {
      if (p.getSpec().getIngress() != null) {
        for (var rule : p.getSpec().getIngress()) {
          out = out.or(rule(p, rule.getPorts(), port, portName, () -> peersMatch(p, rule.getFrom(), labels, namespace, podIps)));
        }
      }
    } else if (p.getSpec().getEgress() != null) {
      for (var rule : p.getSpec().getEgress()) {
        out = out.or(rule(p, rule.getPorts(), port, portName, () -> peersMatch(p, rule.getTo(), labels, namespace, podIps)));
      }
    }
    return out;
  }

  private static Admission rule(NetworkPolicy p, List<NetworkPolicyPort> ports, int port, String portName, java.util.function.Supplier<Admission> peers) {
    PortMatch m = portsMatch(ports, port, portName);
    if (m == PortMatch.NO) {
      return Admission.BLOCKED;
    }
    Admission a = peers.get();
    if (m == PortMatch.YES || a.blocked()) {
      return a;
    }
    // a port range and a dynamic port: the port the node listens on is the OS's choice
    Set<String> why = new LinkedHashSet<>(a.uncertain());
    why.add("policy " + p.getMetadata().getName() + " admits only the port range " + ranges(ports)
        + ", and the distribution port is dynamic (no ERL_DIST_PORT or inet_dist_listen_min/max): whether it falls"
        + " inside is the OS's choice; fix the port");
    return new Admission(false, why, a.ipBlocks());
  }

  private static String ranges(List<NetworkPolicyPort> ports) {
    List<String> out = new ArrayList<>();
    for (NetworkPolicyPort p : ports) {
      if (p.getPort() != null && p.getPort().getIntVal() != null && p.getEndPort() != null) {
        out.add(p.getPort().getIntVal() + "-" + p.getEndPort());
      }
    }
    return String.join(", ", out);
  }

  private static Admission peersMatch(NetworkPolicy p, List<NetworkPolicyPeer> peers, Map<String, String> labels, String namespace, List<String> podIps) {
    if (peers == null || peers.isEmpty()) {
      return Admission.ALLOWED;
    }
    Admission out = Admission.BLOCKED;
    for (NetworkPolicyPeer peer : peers) {
      out = out.or(peer.getIpBlock() != null ? ipBlock(p, peer.getIpBlock(), podIps) : selectors(p, peer, labels, namespace));
    }
    return out;
  }

  private static Admission selectors(NetworkPolicy p, NetworkPolicyPeer peer, Map<String, String> labels, String namespace) {
    // a peer with only a podSelector means pods of the policy's own namespace
    boolean sameNamespace = namespace.equals(p.getMetadata().getNamespace()) || p.getMetadata().getNamespace() == null;
    if (peer.getPodSelector() != null && !Selectors.matches(peer.getPodSelector(), labels)) {
      return Admission.BLOCKED;
    }
    if (peer.getNamespaceSelector() == null) {
      return peer.getPodSelector() != null && sameNamespace ? Admission.ALLOWED : Admission.BLOCKED;
    }
    return namespaceSelector(p, peer.getNamespaceSelector(), namespace);
  }

  /**
   * A namespaceSelector against the one label doctor knows of the namespace, its name. A
   * requirement on that label decides; one on any other label leaves the answer open.
   */
  private static Admission namespaceSelector(NetworkPolicy p, LabelSelector selector, String namespace) {
    List<String> unknown = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (e.getKey().equals(NAMESPACE_NAME_LABEL)) {
          if (!e.getValue().equals(namespace)) {
            return Admission.BLOCKED;
          }
        } else {
          unknown.add(e.getKey() + "=" + e.getValue());
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        if (r.getKey().equals(NAMESPACE_NAME_LABEL)) {
          if (!Selectors.matches(r, namespace)) {
            return Admission.BLOCKED;
          }
        } else {
          unknown.add(r.getKey() + " " + r.getOperator() + (r.getValues() == null || r.getValues().isEmpty() ? "" : " " + r.getValues()));
        }
      }
    }
    if (unknown.isEmpty()) {
      return Admission.ALLOWED;
    }
    return Admission.uncertain("policy " + p.getMetadata().getName() + " admits namespaces labelled " + String.join(", ", unknown)
        + ": doctor does not read the labels of namespace " + namespace + " (kubectl get namespace " + namespace + " --show-labels)");
  }

  /** The pod IPs {@code block} covers (inside its CIDR, outside its exceptions), for {@link Admission#settle}. */
  private static Admission ipBlock(NetworkPolicy p, IPBlock block, List<String> podIps) {
    String what = "ipBlock " + block.getCidr()
        + (block.getExcept() == null || block.getExcept().isEmpty() ? "" : " except " + String.join(", ", block.getExcept()))
        + " (policy " + p.getMetadata().getName() + ")";
    Set<String> covered = new LinkedHashSet<>();
    for (String ip : podIps) {
      if (contains(block.getCidr(), ip) && (block.getExcept() == null || block.getExcept().stream().noneMatch(e -> contains(e, ip)))) {
        covered.add(ip);
      }
    }
    if (!podIps.isEmpty() && covered.isEmpty()) {
      return Admission.BLOCKED;
    }
    return new Admission(false, Set.of(), Map.of(what, covered));
  }

  /** True when {@code ip} lies in the CIDR block {@code cidr} (IPv4 or IPv6); false for anything malformed. */
  static boolean contains(String cidr, String ip) {
    if (cidr == null || ip == null) {
      return false;
    }
    int slash = cidr.indexOf('/');
    try {
      byte[] net = literal(slash < 0 ? cidr : cidr.substring(0, slash));
      byte[] addr = literal(ip);
      if (net == null || addr == null || net.length != addr.length) {
        return false;
      }
      int bits = slash < 0 ? net.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
      if (bits < 0 || bits > net.length * 8) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The bytes of an IP literal, or null when it is not one (never a DNS lookup). */
  private static byte[] literal(String s) {
    if (s.indexOf(':') >= 0) {
      if (!s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
        return null;
      }
      try {
        // hex digits, colons and dots only: InetAddress parses it as an IPv6 literal or refuses it,
        // and never looks it up
        return InetAddress.getByName(s).getAddress();
      } catch (UnknownHostException e) {
        return null;
      }
    }
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
        return null;
      }
      int v = Integer.parseInt(parts[i]);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  /** Whether a rule's ports admit a TCP port: yes, no, or (a range, for a dynamic port) maybe. */
  enum PortMatch { YES, NO, MAYBE }

  /** The unprivileged ports: a range covering them all admits any port the OS hands out for listening. */
  private static final int FIRST_UNPRIVILEGED = 1024;

  private static PortMatch portsMatch(List<NetworkPolicyPort> ports, int port, String portName) {
    if (ports == null || ports.isEmpty()) {
      return PortMatch.YES;
    }
    PortMatch out = PortMatch.NO;
    for (NetworkPolicyPort p : ports) {
      if (p.getProtocol() != null && !"TCP".equals(p.getProtocol())) {
        continue;
      }
      IntOrString v = p.getPort();
      if (v == null) {
        return PortMatch.YES;
      }
      if (v.getIntVal() != null) {
        int start = v.getIntVal();
        int end = p.getEndPort() != null ? p.getEndPort() : start;
        if (port < 0 && p.getEndPort() != null) {
          if (start <= FIRST_UNPRIVILEGED && end >= 65535) {
            return PortMatch.YES;
          }
          out = PortMatch.MAYBE;
        } else if (port >= start && port <= end) {
          return PortMatch.YES;
        }
      } else if (portName != null && portName.equals(v.getStrVal())) {
        return PortMatch.YES;
      }
    }
    return out;
  }
}
