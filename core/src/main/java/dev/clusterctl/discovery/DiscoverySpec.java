package dev.clusterctl.discovery;

import dev.clusterctl.dns.QueryType;
import dev.clusterctl.erlang.GenClusterDiscovery;
import dev.clusterctl.error.BadInputException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one discovery library would look up and how it would name what it finds.
 *
 * @param strategy the library
 * @param type the record type it asks for
 * @param hostType where the host part of each node name comes from
 * @param basename the part before {@code @} of every node name, if known
 * @param types every record type one refresh asks for, {@code type} first (dns_cluster's default
 *     {@code [:a, :aaaa]} and libcluster's DNSPoll ask for two, as one set)
 * @param lookupTimeout gen_cluster's {@code lookup_timeout} when a sys.config sets one (empty: its
 *     default, 5000 ms; {@link Duration#ZERO} stands for {@code infinity})
 */
public record DiscoverySpec(Strategy strategy, QueryType type, HostType hostType, Optional<String> basename,
    List<QueryType> types, Optional<Duration> lookupTimeout) {

  /** A spec with the library's default lookup timeout. */
  public DiscoverySpec(Strategy strategy, QueryType type, HostType hostType, Optional<String> basename,
      List<QueryType> types) {
    this(strategy, type, hostType, basename, types, Optional.empty());
  }

  /** Copies the list; {@code type} is the first of {@code types}. */
  public DiscoverySpec {
    types = List.copyOf(types);
    if (types.isEmpty() || types.get(0) != type) {
      throw new IllegalArgumentException("types must start with " + type + ", not " + types);
    }
  }

  /** A spec asking for {@code type} alone (both A and AAAA for libcluster-dnspoll, which always asks both). */
  public DiscoverySpec(Strategy strategy, QueryType type, HostType hostType, Optional<String> basename) {
    this(strategy, type, hostType, basename,
        strategy == Strategy.LIBCLUSTER_DNSPOLL ? List.of(QueryType.A, QueryType.AAAA) : List.of(type));
  }

  /** The library object that does what this spec describes: the names, types, naming and crashes. */
  public DiscoveryLibrary library() {
    return DiscoveryLibrary.of(this);
  }

  /** This spec with another basename (types kept). */
  public DiscoverySpec withBasename(String basename) {
    return new DiscoverySpec(strategy, type, hostType, Optional.ofNullable(basename), types, lookupTimeout);
  }

  /**
   * The spec for {@code strategy}, filling in what the library does by default and refusing what
   * it cannot do.
   *
   * @param type the record type asked for, or {@code null} for the library's default for {@code domain}
   * @param hostType the host type asked for, or {@code null} for the default
   * @param basename the node basename, or {@code null} when unknown
   * @param domain the name that will be looked up (decides the default type)
   * @throws BadInputException when the library cannot look up {@code type} or name by {@code hostType}
   */
  public static DiscoverySpec of(Strategy strategy, QueryType type, HostType hostType, String basename, String domain) {
    QueryType t = type != null ? type : defaultType(strategy, domain);
    HostType h = hostType != null ? hostType : defaultHostType(strategy, t);
    switch (strategy) {
      case LIBCLUSTER_DNS -> {
        if (t != QueryType.A) {
          throw new BadInputException("libcluster-dns looks up A records only, not " + t);
        }
        if (h != HostType.IP) {
          throw new BadInputException("libcluster-dns names nodes by IP address only (--host-type ip)");
        }
      }
      case LIBCLUSTER_DNSSRV -> {
        if (t != QueryType.SRV) {
          throw new BadInputException("libcluster-dnssrv looks up SRV records only, not " + t);
        }
        if (h != HostType.HOSTNAME) {
          throw new BadInputException("libcluster-dnssrv names nodes by SRV target only (--host-type hostname)");
        }
      }
      case LIBCLUSTER_DNSPOLL -> {
        if (t != QueryType.A) {
          throw new BadInputException("libcluster-dnspoll looks up A and AAAA records together (no --type)");
        }
        if (h != HostType.IP) {
          throw new BadInputException("libcluster-dnspoll names nodes by IP address only (--host-type ip)");
        }
      }
      case DNS_CLUSTER -> {
        if (h != HostType.IP) {
          throw new BadInputException("dns-cluster names nodes by IP address only (--host-type ip)");
        }
      }
      case GEN_CLUSTER -> {
        // gen_cluster's dns module takes ip or srv records and either host type
      }
    }
    if (basename != null && basename.isEmpty()) {
      throw new BadInputException("--basename must not be empty");
    }
    List<QueryType> types = List.of(t);
    if (strategy == Strategy.LIBCLUSTER_DNSPOLL || (strategy == Strategy.DNS_CLUSTER && type == null && t == QueryType.A)) {
      // libcluster's DNSPoll always, and dns_cluster by default (resource_types [:a, :aaaa]), ask for A and AAAA as one set
      types = List.of(QueryType.A, QueryType.AAAA);
    }
    return new DiscoverySpec(strategy, t, h, Optional.ofNullable(basename), types);
  }

  /**
   * The spec gen_cluster's {@code {dns, #{...}}} setting describes (as read from a sys.config):
   * {@code record_type srv} → SRV, else A (AAAA with {@code ipv6 => true}); {@code host_type} as set.
   *
   * @param basename the node basename (the part of the local node name before {@code @}), or {@code null}
   */
  public static DiscoverySpec forGenCluster(GenClusterDiscovery.Dns dns, String basename) {
    DiscoverySpec s = of(Strategy.GEN_CLUSTER, queryType(dns), hostType(dns), basename, dns.domain());
    Optional<Duration> timeout = dns.lookupTimeoutMs() == Long.MAX_VALUE
        ? Optional.of(Duration.ZERO) : Optional.of(Duration.ofMillis(dns.lookupTimeoutMs()));
    return new DiscoverySpec(s.strategy(), s.type(), s.hostType(), s.basename(), s.types(), timeout);
  }

  /**
   * The record type gen_cluster's {@code dns} setting asks for: {@code record_type srv} → SRV, else
   * A, or AAAA with {@code ipv6 => true}. (gen_cluster's {@code record_type ip} is not a DNS type,
   * so {@link GenClusterDiscovery.RecordType} keeps the setting's own words.)
   */
  public static QueryType queryType(GenClusterDiscovery.Dns dns) {
    if (dns.recordType() == GenClusterDiscovery.RecordType.SRV) {
      return QueryType.SRV;
    }
    return dns.ipv6() ? QueryType.AAAA : QueryType.A;
  }

  /** The host type gen_cluster's {@code dns} setting names nodes by ({@code host_type}). */
  public static HostType hostType(GenClusterDiscovery.Dns dns) {
    return dns.hostType() == GenClusterDiscovery.HostType.HOSTNAME ? HostType.HOSTNAME : HostType.IP;
  }

  /** The record type the library looks up for {@code domain} when none is given. */
  public static QueryType defaultType(Strategy strategy, String domain) {
    return switch (strategy) {
      case LIBCLUSTER_DNS, LIBCLUSTER_DNSPOLL -> QueryType.A;
      case LIBCLUSTER_DNSSRV -> QueryType.SRV;
      default -> QueryType.defaultFor(domain);
    };
  }

  /** gen_cluster's defaults: {@code ip} for A/AAAA, {@code hostname} for SRV; the others have one fixed choice. */
  public static HostType defaultHostType(Strategy strategy, QueryType type) {
    return switch (strategy) {
      case LIBCLUSTER_DNS, LIBCLUSTER_DNSPOLL, DNS_CLUSTER -> HostType.IP;
      case LIBCLUSTER_DNSSRV -> HostType.HOSTNAME;
      case GEN_CLUSTER -> type == QueryType.SRV ? HostType.HOSTNAME : HostType.IP;
    };
  }
}
