package dev.clusterctl.erlang;

import java.util.List;

/**
 * gen_cluster's {@code discovery} setting, with gen_cluster's defaults applied; see
 * <a href="https://github.com/tsloughter/gen_cluster">gen_cluster</a> (module aliases
 * {@code dns}, {@code static}, {@code epmd_all} and the full {@code gc_discover_*} module names).
 */
public sealed interface GenClusterDiscovery {

  /** gen_cluster's default lookup timeout (ms). */
  long DEFAULT_LOOKUP_TIMEOUT_MS = 5000;

  /**
   * Which DNS records gen_cluster's {@code dns} discovery queries, in the setting's own words
   * ({@code record_type => ip | srv}). Deliberately not {@link dev.clusterctl.dns.QueryType}: {@code ip}
   * is A or AAAA depending on {@code ipv6}; {@code DiscoverySpec.queryType} is the one mapping.
   */
  enum RecordType {
    /** A records (AAAA with {@code ipv6 => true}): module {@code gc_discover_dns_ip}. */
    IP,
    /** SRV records: module {@code gc_discover_dns_srv}. */
    SRV
  }

  /**
   * What gen_cluster puts after {@code @} in each discovered node name ({@code host_type}), as
   * parsed from sys.config. The same concept as {@code discovery.HostType}, kept here so that this
   * parser does not depend on the discovery package (which depends on it); {@code
   * DiscoverySpec.hostType} is the one mapping.
   */
  enum HostType {
    /** The IP address ({@code inet:ntoa/1}); for SRV each target resolved to one address. */
    IP,
    /** A host name: the SRV target as returned, or for A records the PTR name of each IP. */
    HOSTNAME
  }

  /**
   * {@code {dns, #{domain => ..., record_type => ..., host_type => ..., ipv6 => ..., lookup_timeout => ...}}}.
   *
   * @param domain the name queried, as written (gen_cluster passes it to {@code inet_res:getbyname/3})
   * @param recordType {@code record_type}, default {@link RecordType#IP}
   * @param hostType {@code host_type}, default {@link HostType#IP} for A and {@link HostType#HOSTNAME} for SRV
   * @param ipv6 {@code ipv6}, default false (AAAA instead of A when true)
   * @param lookupTimeoutMs {@code lookup_timeout}, default 5000; {@link Long#MAX_VALUE} for {@code infinity}
   */
  record Dns(String domain, RecordType recordType, HostType hostType, boolean ipv6, long lookupTimeoutMs)
      implements GenClusterDiscovery {

    /** The default host type gen_cluster uses for {@code recordType}. */
    public static HostType defaultHostType(RecordType recordType) {
      return recordType == RecordType.SRV ? HostType.HOSTNAME : HostType.IP;
    }
  }

  /** {@code {static, [Node, ...]}}: a fixed list of node names (gen_cluster's default is the empty list). */
  record Static(List<String> nodes) implements GenClusterDiscovery {
    /** Copies the list. */
    public Static {
      nodes = List.copyOf(nodes);
    }
  }

  /**
   * {@code {epmd_all, #{hosts => [Host, ...]}}}: every node registered in EPMD on the hosts.
   *
   * @param hosts the hosts as written; empty means the node's own host (gen_cluster's default),
   *     and {@code localhost} stands for the node's own host too
   */
  record EpmdAll(List<String> hosts) implements GenClusterDiscovery {
    /** Copies the list. */
    public EpmdAll {
      hosts = List.copyOf(hosts);
    }
  }

  /** {@code {Module, Config}} with a module that is not one of gen_cluster's own. */
  record Custom(String module) implements GenClusterDiscovery {}
}
