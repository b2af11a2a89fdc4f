package dev.clusterctl.discovery;

import dev.clusterctl.dns.QueryType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Record;

/**
 * One discovery library and strategy, as its source reads (gen_cluster 0.3.0, libcluster 3.5.0,
 * dns_cluster 0.2.0, on OTP 25's {@code inet_res}): the names it asks and how, the record types,
 * how answers become node names, and what makes it crash. {@code resolve} and {@code join} apply it
 * to real answers ({@link Discovery}), {@code doctor} to simulated ones, so they cannot disagree.
 * Each is checked against real {@code erl} and BIND in the tests (docs/fidelity.md).
 */
public sealed interface DiscoveryLibrary
    permits GenClusterDnsIp, GenClusterDnsSrv, LibclusterKubernetesDns, LibclusterKubernetesDnsSrv,
        LibclusterDnsPoll, DnsClusterResolver {

  /** {@code inet_res}'s default {@code cache_size}: the records its cache holds, all names together. */
  int INET_RES_CACHE_SIZE = 100;

  /** The strategy id this object implements. */
  Strategy strategy();

  /** The library's module and the settings that chose this behaviour ({@code gen_cluster gc_discover_dns_srv, host_type => ip}). */
  String module();

  /** The record types one refresh asks for, in the order asked; their answers are one set. */
  List<QueryType> types();

  /** How the name is handed to the resolver. */
  NameForm nameForm();

  /** The name the library asks for when configured with {@code domain} (libcluster's DNSSRV appends the root dot). */
  default String askedName(String domain) {
    return domain;
  }

  /** The library's resolver call for one type, as written in its source ({@code inet_res:getbyname("x", srv, 5000)}). */
  String call(String name, QueryType type);

  /** The overall time one lookup may take, when the library passes one (gen_cluster: 5000 ms); empty: inet_res's schedule. */
  default Optional<Duration> lookupTimeout() {
    return Optional.empty();
  }

  /** True when the lookup goes through {@code inet_res:getbyname}, which caches answers for their TTL in {@link #INET_RES_CACHE_SIZE} records. */
  default boolean cached() {
    return true;
  }

  /** True when the library drops connected nodes missing from the latest answer (libcluster). */
  default boolean disconnectsMissing() {
    return false;
  }

  /** How SRV targets become addresses. */
  default TargetLookup targetLookup() {
    return TargetLookup.NONE;
  }

  /** True when each address is turned into a name by {@code inet_res:gethostbyaddr} (gen_cluster's {@code host_type => hostname} for A/AAAA). */
  default boolean reverseLookup() {
    return false;
  }

  /** Where the host part of node names comes from. */
  HostType hostType();

  /**
   * What the library makes of the answer: node names, answers that give none, and crashes.
   *
   * @param records the answer records of every type asked (A/AAAA/SRV), as one set
   * @param viaCname true when the answer was reached through a CNAME ({@code h_aliases} not empty)
   * @param targets each SRV target's addresses, by target without trailing dot
   * @param reverse each address's PTR names, by address text
   * @param basename the part before {@code @}, when known
   */
  Derivation derive(List<Record> records, boolean viaCname, Map<String, TargetAddresses> targets,
      Map<String, ReverseName> reverse, Optional<String> basename);

  /**
   * The warning inet_res's cache calls for when an answer of {@code records} records with the given
   * TTL is larger than the cache; empty when it fits or the library does not use the cache.
   *
   * @param records how many records the answer holds
   * @param ttlSeconds the answer's TTL (the smallest of its records), or empty when unknown
   * @param ttlSource where the TTL comes from ({@code the answer}, {@code the Corefile})
   */
  default Optional<Finding> cacheOverflow(int records, Optional<Long> ttlSeconds, String ttlSource) {
    if (!cached() || records <= INET_RES_CACHE_SIZE) {
      return Optional.empty();
    }
    String ttl = ttlSeconds.map(t -> t + " s (the TTL of " + ttlSource + ")").orElse("the answer's TTL");
    String consequence = disconnectsMissing()
        ? "; it disconnects every connected node missing from an answer, so live peers are dropped and"
            + " reconnected as the TTL comes and goes (flapping)"
        : "; the other peers are not connected until the TTL expires";
    return Optional.of(Finding.warning("inet-res-cache",
        "the answer holds " + records + " records, more than inet_res's cache holds (cache_size "
            + INET_RES_CACHE_SIZE + "), and " + module() + " calls inet_res:getbyname, which answers from that"
            + " cache: inet_res empties the cache each time it fills, so the next lookups within " + ttl
            + " return only " + cachedAfter(records) + " of the " + records + " records (with an otherwise empty cache)"
            + consequence,
        "raise the VM's resolver cache above the answer: an inetrc file with {cache_size, "
            + Math.max(1000, records * 2) + "}. named by ERL_INETRC (or -kernel inetrc), or"
            + " inet_db:set_cache_size/1 at start; or lower the TTL"));
  }

  /**
   * How many of an answer's {@code records} records the next {@code inet_res:getbyname} within the
   * TTL returns, starting from an empty cache: inet_res clears its whole cache whenever it reaches
   * {@code cache_size}, so what is left is the tail after the last clear (measured on OTP 25:
   * 101 → 1, 150 → 50, 200 → 100, 600 → 100).
   */
  static int cachedAfter(int records) {
    if (records <= INET_RES_CACHE_SIZE) {
      return records;
    }
    return ((records - 1) % INET_RES_CACHE_SIZE) + 1;
  }

  /**
   * The library object a spec describes.
   *
   * @param spec what the user (or the configuration) chose
   */
  static DiscoveryLibrary of(DiscoverySpec spec) {
    return switch (spec.strategy()) {
      case GEN_CLUSTER -> {
        Duration timeout = spec.lookupTimeout().orElse(GenClusterDnsIp.LOOKUP_TIMEOUT);
        yield spec.type() == QueryType.SRV
            ? new GenClusterDnsSrv(spec.hostType(), timeout)
            : new GenClusterDnsIp(spec.type(), spec.hostType(), timeout);
      }
      case LIBCLUSTER_DNS -> new LibclusterKubernetesDns();
      case LIBCLUSTER_DNSSRV -> new LibclusterKubernetesDnsSrv();
      case LIBCLUSTER_DNSPOLL -> new LibclusterDnsPoll();
      case DNS_CLUSTER -> new DnsClusterResolver(spec.types());
    };
  }
}
