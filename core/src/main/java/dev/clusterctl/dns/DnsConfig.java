package dev.clusterctl.dns;

import dev.clusterctl.error.BadInputException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Everything a {@link Resolver} needs: which servers to ask, how, and how names are expanded.
 *
 * @param servers the servers, asked in order (each try goes through all of them)
 * @param tcp true to ask over TCP from the start (otherwise UDP, with TCP for truncated answers)
 * @param timeout how long to wait for one answer from one server
 * @param tries how many rounds through the server list before giving up on a name
 * @param searchMode how names are expanded into candidates
 * @param search the search domains (without trailing dots)
 * @param ndots the {@code ndots} threshold used by {@link SearchMode#LIBC}
 */
public record DnsConfig(
    List<InetSocketAddress> servers,
    boolean tcp,
    Duration timeout,
    int tries,
    SearchMode searchMode,
    List<String> search,
    int ndots) {

  /** Copies the lists and checks the numbers. */
  public DnsConfig {
    servers = List.copyOf(servers);
    search = List.copyOf(search);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new BadInputException("timeout must be positive, not " + timeout.toMillis() + " ms");
    }
    if (tries < 1) {
      throw new BadInputException("tries must be at least 1, not " + tries);
    }
    if (ndots < 0) {
      throw new BadInputException("ndots must not be negative, not " + ndots);
    }
  }

  /** The configuration a resolv.conf describes, with Erlang's search rules. */
  public static DnsConfig from(ResolvConf conf) {
    return new DnsConfig(
        conf.nameservers(),
        false,
        Duration.ofSeconds(conf.timeoutSeconds()),
        conf.attempts(),
        SearchMode.ERLANG,
        conf.search(),
        conf.ndots());
  }

  /** This configuration asking {@code servers} instead. */
  public DnsConfig withServers(List<InetSocketAddress> servers) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots);
  }

  /** This configuration with TCP from the start ({@code true}) or UDP first. */
  public DnsConfig withTcp(boolean tcp) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots);
  }

  /** This configuration with another per-answer timeout. */
  public DnsConfig withTimeout(Duration timeout) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots);
  }

  /** This configuration with another number of tries. */
  public DnsConfig withTries(int tries) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots);
  }

  /** This configuration with another search mode. */
  public DnsConfig withSearchMode(SearchMode searchMode) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots);
  }

  /** This configuration with another search list. */
  public DnsConfig withSearch(List<String> search) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots);
  }

  /** This configuration with another {@code ndots}. */
  public DnsConfig withNdots(int ndots) {
    return new DnsConfig(servers, tcp, timeout, tries, searchMode, search, ndots);
  }

  /** The candidates {@code name} expands to under this configuration (see {@link SearchMode#candidates}). */
  public List<String> candidates(String name) {
    return searchMode.candidates(name, search, ndots);
  }
}
