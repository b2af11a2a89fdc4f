package dev.clusterctl.dns;

import dev.clusterctl.error.BadInputException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a {@link Resolver} needs: which servers to ask, by whose rules, how long to wait and
 * how names are expanded.
 *
 * @param servers the servers, asked in order (each round goes through the ones still to ask)
 * @param tcp true to ask over TCP from the start (otherwise UDP, with TCP for truncated answers)
 * @param timeout the resolver's timeout: {@code inet_res}'s {@code timeout} option with
 *     {@link ResolverMode#ERLANG} (each round waits {@code timeout × 2^round ÷ tries}), glibc's
 *     {@code timeout:} with {@link ResolverMode#LIBC}
 * @param tries the rounds through the server list ({@code inet_res}'s {@code retry}, glibc's {@code attempts:})
 * @param searchMode how names are expanded into candidates
 * @param search the search domains (without trailing dots)
 * @param ndots the {@code ndots} threshold used by {@link SearchMode#LIBC}
 * @param resolver whose retry, wait and reply rules apply on the wire
 * @param resolvConf the resolv.conf this configuration came from ({@link ResolvConf#empty} when none):
 *     glibc's timeout and attempts come from it, and with Erlang's rules a lookup says that
 *     {@code inet_res} ignores them
 * @param lookupTimeout the overall time one lookup may take, all candidates included, as the
 *     {@code Timeout} of {@code inet_res:getbyname/3} (gen_cluster passes 5000 ms); empty: as long as
 *     the resolver's own schedule takes ({@link #lookupBudget})
 */
public record DnsConfig(
    List<InetSocketAddress> servers,
    boolean tcp,
    Duration timeout,
    int tries,
    SearchMode searchMode,
    List<String> search,
    int ndots,
    ResolverMode resolver,
    ResolvConf resolvConf,
    Optional<Duration> lookupTimeout) {

  /** The longest resolver timeout accepted: no DNS answer is waited for longer. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** The most rounds through the server list accepted (each Erlang round waits twice as long as the last). */
  public static final int MAX_TRIES = 16;

  /**
   * Slack added to a budget computed from the schedule, for the work between waits (a TCP retry of
   * a truncated answer on a fast server, parsing): the schedule's own waits are never cut by it.
   */
  public static final Duration SCHEDULE_SLACK = Duration.ofMillis(200);

  /** Copies the lists and checks the numbers. */
  public DnsConfig {
    servers = List.copyOf(servers);
    search = List.copyOf(search);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new BadInputException("timeout must be positive, not " + timeout.toMillis() + " ms");
    }
    if (timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new BadInputException("timeout must be at most " + MAX_TIMEOUT.toMinutes() + " minutes, not "
          + timeout.toSeconds() + " s");
    }
    if (tries < 1 || tries > MAX_TRIES) {
      throw new BadInputException("tries must be from 1 to " + MAX_TRIES + ", not " + tries);
    }
    if (ndots < 0) {
      throw new BadInputException("ndots must not be negative, not " + ndots);
    }
    if (lookupTimeout.isPresent() && (lookupTimeout.get().isNegative() || lookupTimeout.get().isZero())) {
      throw new BadInputException("lookup timeout must be positive, not " + lookupTimeout.get().toMillis() + " ms");
    }
  }

  /**
   * A configuration with glibc's rules when {@code searchMode} is {@link SearchMode#LIBC} and
   * Erlang's otherwise, no resolv.conf behind it and no overall lookup timeout (the form used
   * before the resolver rules were a setting of their own).
   */
  public DnsConfig(List<InetSocketAddress> servers, boolean tcp, Duration timeout, int tries, SearchMode searchMode,
      List<String> search, int ndots) {
    this(servers, tcp, timeout, tries, searchMode, search, ndots,
        searchMode == SearchMode.LIBC ? ResolverMode.LIBC : ResolverMode.ERLANG, ResolvConf.empty("(none)"),
        Optional.empty());
  }

  /**
   * The configuration of an Erlang node reading {@code conf}: its servers, search list and
   * {@code ndots}, Erlang's search rules and {@code inet_res}'s own timeout (2000 ms) and retry (3).
   */
  public static DnsConfig from(ResolvConf conf) {
    return new DnsConfig(conf.nameservers(), false, ResolverMode.ERLANG_TIMEOUT, ResolverMode.ERLANG_RETRY,
        SearchMode.ERLANG, conf.search(), conf.ndots(), ResolverMode.ERLANG, conf, Optional.empty());
  }

  /** This configuration asking {@code servers} instead. */
  public DnsConfig withServers(List<InetSocketAddress> servers) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots, resolver, resolvConf, lookupTimeout);
  }

  /** This configuration with TCP from the start ({@code true}) or UDP first. */
  public DnsConfig withTcp(boolean tcp) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots, resolver, resolvConf, lookupTimeout);
  }

  /** This configuration with another resolver timeout. */
  public DnsConfig withTimeout(Duration timeout) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots, resolver, resolvConf, lookupTimeout);
  }

  /** This configuration with another number of rounds. */
  public DnsConfig withTries(int tries) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots, resolver, resolvConf, lookupTimeout);
  }

  /** This configuration with another search mode (the resolver rules stay as they are). */
  public DnsConfig withSearchMode(SearchMode searchMode) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots, resolver, resolvConf, lookupTimeout);
  }

  /** This configuration with another search list. */
  public DnsConfig withSearch(List<String> search) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots, resolver, resolvConf, lookupTimeout);
  }

  /** This configuration with another {@code ndots}. */
  public DnsConfig withNdots(int ndots) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots, resolver, resolvConf, lookupTimeout);
  }

  /**
   * This configuration with {@code resolver}'s rules on the wire and that resolver's own timeout and
   * rounds: 2000 ms and 3 for Erlang, the resolv.conf's {@code timeout:} and {@code attempts:} (5 s
   * and 2 by default) for glibc. Call {@link #withTimeout}/{@link #withTries} after it to override them.
   */
  public DnsConfig withResolver(ResolverMode resolver) {
    return new DnsConfig(servers, tcp, resolver.defaultTimeout(resolvConf), resolver.defaultTries(resolvConf),
        searchMode, search, ndots, resolver, resolvConf, lookupTimeout);
  }

  /** This configuration where one lookup, all candidates included, ends within {@code timeout} (empty: its schedule). */
  public DnsConfig withLookupTimeout(Optional<Duration> timeout) {
    return new DnsConfig(servers, tcp, this.timeout, tries, searchMode, search, ndots, resolver, resolvConf, timeout);
  }

  /** The candidates {@code name} expands to under this configuration (see {@link SearchMode#candidates}). */
  public List<String> candidates(String name) {
    return searchMode.candidates(name, search, ndots);
  }

  /**
   * How long one absolute name may take: the resolver's whole schedule with nothing answering (see
   * {@link ResolverMode#scheduleFor}) plus {@link #SCHEDULE_SLACK}, or the lookup timeout when one is set.
   * With Erlang's defaults and one server: 666 + 1333 + 2666 ms + slack.
   */
  public Duration nameBudget() {
    return lookupTimeout.orElseGet(() ->
        resolver.scheduleFor(timeout, tries, Math.max(1, servers.size()), tcp).plus(SCHEDULE_SLACK));
  }

  /**
   * How long the lookup of {@code name} may take: the schedule of every candidate it expands to,
   * one after the other, plus {@link #SCHEDULE_SLACK}; or the lookup timeout when one is set.
   */
  public Duration lookupBudget(String name) {
    if (lookupTimeout.isPresent()) {
      return lookupTimeout.get();
    }
    Duration one = resolver.scheduleFor(timeout, tries, Math.max(1, servers.size()), tcp);
    return one.multipliedBy(Math.max(1, candidates(name).size())).plus(SCHEDULE_SLACK);
  }

  /**
   * The resolv.conf options the rules in use ignore, as written (e.g. {@code timeout:1},
   * {@code attempts:5}): those with Erlang's rules, none with glibc's.
   */
  public List<String> ignoredResolvConfOptions() {
    return resolver == ResolverMode.ERLANG ? resolvConf.retransmitOptions() : List.of();
  }
}
