package dev.clusterctl.discovery;

import dev.clusterctl.dns.DomainNames;
import java.util.List;
import java.util.Optional;

/**
 * The one rule by which a discovery library turns an answer into the host part of node names,
 * on plain values (addresses and names as text). {@code resolve} and {@code join} apply it to real
 * answers ({@link Derivation}), {@code doctor} to simulated ones ({@code expect.Expectation}), so
 * the two cannot disagree.
 *
 * <ul>
 *   <li>SRV (<a href="https://www.rfc-editor.org/rfc/rfc2782">RFC 2782</a>), host type hostname:
 *       the target without its trailing dot (the port is ignored).
 *   <li>SRV, host type ip: dns-cluster takes every IPv4 address of the target ({@code :inet.gethostbyname});
 *       gen_cluster crashes ({@code case_clause}, see {@link GenClusterDnsSrv}) and names none.
 *   <li>A/AAAA, host type ip: the address (libcluster-dns, dns-cluster, gen_cluster's default).
 *   <li>A/AAAA, host type hostname: gen_cluster's PTR name of the address when it has exactly one; none with none or two
 *       ({@code inet_res:gethostbyaddr} returns {@code {error, nxdomain}} for two).
 * </ul>
 */
public final class NamingRule {

  private NamingRule() {}

  /**
   * The hosts named after one SRV target.
   *
   * @param strategy the library (decides one address or all for host type ip)
   * @param hostType where the host part comes from
   * @param target the target, with or without trailing dot
   * @param targetAddresses the target's addresses as text, first the one a resolver returns first
   *     (only read for host type ip)
   * @return the hosts, empty when host type ip and the target has no (IPv4) address, or the library crashes
   */
  public static List<String> fromSrvTarget(Strategy strategy, HostType hostType, String target, List<String> targetAddresses) {
    if (hostType == HostType.HOSTNAME) {
      return List.of(DomainNames.withoutTrailingDot(target));
    }
    if (strategy == Strategy.GEN_CLUSTER) {
      // gc_discover_dns_srv with host_type ip crashes on every target: no name comes out
      return List.of();
    }
    // dns_cluster resolves targets with :inet.gethostbyname, IPv4 only
    return targetAddresses.stream().filter(a -> !a.contains(":")).toList();
  }

  /**
   * The host named after one A/AAAA address.
   *
   * @param hostType where the host part comes from
   * @param address the address as {@code inet:ntoa/1} writes it
   * @param ptrNames the address's PTR names, first the one used (only read for host type hostname)
   * @return the host, empty when host type hostname and the address has no PTR name or more than one
   *     ({@code inet_res:gethostbyaddr} then returns {@code {error, nxdomain}})
   */
  public static Optional<String> fromAddress(HostType hostType, String address, List<String> ptrNames) {
    if (hostType == HostType.IP) {
      return Optional.of(address);
    }
    return ptrNames.size() == 1 ? Optional.of(DomainNames.withoutTrailingDot(ptrNames.get(0))) : Optional.empty();
  }

  /** {@code basename@host}, the node name a peer connects to. */
  public static String nodeName(String basename, String host) {
    return basename + "@" + host;
  }
}
