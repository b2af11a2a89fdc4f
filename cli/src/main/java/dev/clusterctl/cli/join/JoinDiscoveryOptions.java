package dev.clusterctl.cli.join;

import dev.clusterctl.discovery.Discovery;
import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.discovery.HostType;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.dns.Servers;
import dev.clusterctl.watch.DnsPeerSource;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * How {@code join} discovers peers: the same lookup and node naming as {@code resolve}
 * (domain, record type, strategy, basename, name servers, search rules).
 *
 * <p>Declared here until the {@code resolve} branch's shared DNS and discovery option mixins
 * land; then {@code join} takes those instead.
 */
public final class JoinDiscoveryOptions {

  @Parameters(index = "0", paramLabel = "DOMAIN",
      description = "The name the discovery library looks up, e.g. ledger.payments or _dist-erl._tcp.ledger.payments.")
  String domain;

  @Option(names = "--strategy", paramLabel = "LIB", defaultValue = "gen-cluster", converter = StrategyConverter.class,
      description = "Discovery library whose lookup and naming to reproduce: gen-cluster, libcluster-dns, "
          + "libcluster-dnssrv, dns-cluster (default: ${DEFAULT-VALUE}).")
  Strategy strategy;

  @Option(names = "--type", paramLabel = "TYPE",
      description = "Record type: a, aaaa, srv (default: the library's; srv for _service._proto names).")
  QueryType type;

  @Option(names = "--host-type", paramLabel = "KIND", description = "Host part of node names: ip or hostname (default: the library's).")
  HostType hostType;

  @Option(names = {"-b", "--basename"}, paramLabel = "NAME", required = true,
      description = "The part before '@' of your nodes' names (gen_cluster uses the local node's).")
  String basename;

  @Option(names = {"-s", "--nameserver"}, paramLabel = "HOST[:PORT]",
      description = "DNS server to ask (repeatable; default: those of --resolv-conf).")
  List<String> nameservers = new ArrayList<>();

  @Option(names = "--resolv-conf", paramLabel = "FILE", defaultValue = "/etc/resolv.conf",
      description = "resolv.conf for servers and search list (default: ${DEFAULT-VALUE}).")
  Path resolvConf;

  @Option(names = "--search-mode", paramLabel = "MODE", defaultValue = "erlang",
      description = "Search rules: erlang (inet_res), libc, none (default: ${DEFAULT-VALUE}).")
  SearchMode searchMode;

  @Option(names = "--search", paramLabel = "DOMAIN", split = ",",
      description = "Search domains instead of resolv.conf's (comma-separated).")
  List<String> search;

  @Option(names = "--dns-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Wait for one DNS answer at most this long (default: resolv.conf's, 5s).")
  Duration dnsTimeout;

  @Option(names = "--tries", paramLabel = "N", description = "Rounds through the servers (default: resolv.conf's attempts, 2).")
  Integer tries;

  @Option(names = "--tcp", description = "Ask over TCP from the start.")
  boolean tcp;

  /** The peer source these options describe. */
  public DnsPeerSource peerSource() {
    ResolvConf conf = nameservers.isEmpty() || Files.exists(resolvConf)
        ? ResolvConf.read(resolvConf) : ResolvConf.empty("none");
    DnsConfig config = DnsConfig.from(conf).withSearchMode(searchMode).withTcp(tcp);
    if (!nameservers.isEmpty()) {
      List<InetSocketAddress> servers = nameservers.stream().map(Servers::parse).toList();
      config = config.withServers(servers);
    }
    if (search != null) {
      config = config.withSearch(search);
    }
    if (dnsTimeout != null) {
      config = config.withTimeout(dnsTimeout);
    }
    if (tries != null) {
      config = config.withTries(tries);
    }
    DiscoverySpec spec = DiscoverySpec.of(strategy, type, hostType, basename, domain);
    return new DnsPeerSource(new Discovery(Resolver.of(config)), spec, domain,
        DnsPeerSource.serversText(config.servers()));
  }

  /** Reads a strategy id. */
  static final class StrategyConverter implements picocli.CommandLine.ITypeConverter<Strategy> {
    @Override
    public Strategy convert(String value) {
      try {
        return Strategy.fromId(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
