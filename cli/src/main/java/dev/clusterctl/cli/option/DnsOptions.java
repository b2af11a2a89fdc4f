package dev.clusterctl.cli.option;

import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.DomainNames;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.dns.ResolverMode;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.dns.Servers;
import dev.clusterctl.error.BadInputException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The DNS options shared by {@code resolve} and {@code join}: where to ask, how, and how names are
 * expanded ({@code doctor} does not use them: it takes no DNS options). Add with
 * {@code @Mixin DnsOptions dns;}, pass positional {@code @host[:port]} arguments to
 * {@link #addServerArgument}, then call {@link #toConfig()}.
 */
public final class DnsOptions {

  @Option(
      names = "--nameserver",
      paramLabel = "HOST[:PORT]",
      description = "DNS server to ask (repeatable; same as @HOST[:PORT]). Default: the resolv.conf's nameservers.")
  List<String> nameservers = new ArrayList<>();

  @Option(
      names = "--resolv-conf",
      paramLabel = "FILE",
      description = "Resolver configuration to use instead of /etc/resolv.conf (nameservers, search, ndots, timeout, attempts).")
  Path resolvConf;

  @Option(names = "--tcp", description = "Ask over TCP from the start (otherwise UDP, and TCP when an answer is truncated).")
  boolean tcp;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.Positive.class,
      description = "The resolver's timeout: 2, 2s, 500ms. Erlang's rules wait timeout x 2^round / tries per server"
          + " (default 2000 ms, inet_res's); with --search libc glibc's (default: resolv.conf's timeout, else 5s).")
  Duration timeout;

  @Option(
      names = "--tries",
      paramLabel = "N",
      description = "Rounds through the server list per name (default 3, inet_res's retry; with --search libc"
          + " resolv.conf's attempts, else 2).")
  Integer tries;

  @Option(
      names = "--search",
      paramLabel = "RULES",
      converter = SearchModeConverter.class,
      completionCandidates = SearchModeConverter.Ids.class,
      defaultValue = "erlang",
      description = "Name expansion: erlang (inet_res: dotted names as-is first, ndots ignored), "
          + "libc (glibc ndots rules), none. Default: ${DEFAULT-VALUE}.")
  SearchMode search = SearchMode.ERLANG;

  @Option(
      names = "--search-domains",
      paramLabel = "LIST",
      description = "Comma-separated search list to use instead of the resolv.conf's ('' for none).")
  String searchDomains;

  @Option(names = "--ndots", paramLabel = "N", description = "ndots for --search libc (default: resolv.conf's, 5 with --pod-namespace).")
  Integer ndots;

  @Option(
      names = "--pod-namespace",
      paramLabel = "NS",
      description = "Ask as a pod in namespace NS would: search NS.svc.DOMAIN svc.DOMAIN DOMAIN, ndots 5.")
  String podNamespace;

  @Option(
      names = "--cluster-domain",
      paramLabel = "DOMAIN",
      description = "Cluster domain for --pod-namespace (default: cluster.local).")
  String clusterDomain;

  /**
   * The {@code @host[:port]} arguments of the current run. Not an option, so picocli would not
   * reset it if the same command object ran twice; {@link #takeDomainArgument} does. (The shell
   * runs every line on new command objects; a caller that reuses a command line does not.)
   */
  private final List<String> atServers = new ArrayList<>();

  /** Takes a positional {@code @host[:port]} argument (the leading {@code @} included), as dig does. */
  private void addServerArgument(String arg) {
    if (!arg.startsWith("@") || arg.length() == 1) {
      throw new BadInputException("'" + arg + "' is not @HOST[:PORT]");
    }
    atServers.add(arg.substring(1));
  }

  /**
   * Takes the positional arguments of a command that looks up one DOMAIN: every {@code @host[:port]}
   * becomes a server to ask (replacing those of an earlier call), and the one other argument, if
   * any, is returned unchecked.
   *
   * @throws BadInputException when an {@code @} argument is malformed or more than one DOMAIN is given
   */
  public Optional<String> takeDomainArgument(List<String> arguments) {
    atServers.clear();
    String domain = null;
    for (String arg : arguments) {
      if (isServerArgument(arg)) {
        addServerArgument(arg);
      } else if (domain == null) {
        domain = arg;
      } else {
        throw new BadInputException("one DOMAIN only, got '" + domain + "' and '" + arg + "'");
      }
    }
    return Optional.ofNullable(domain);
  }

  /** True when {@code arg} is a server argument ({@code @host[:port]}). */
  public static boolean isServerArgument(String arg) {
    return arg.startsWith("@");
  }

  /** The servers named on the command line ({@code @host} first, then {@code --nameserver}), unresolved. */
  public List<String> serverTexts() {
    List<String> all = new ArrayList<>(atServers);
    all.addAll(nameservers);
    return all;
  }

  /**
   * The resolver configuration these options describe: resolv.conf (the given file, else
   * /etc/resolv.conf when it exists) overridden by the options. When servers and a search list
   * are both given (a pod reproduced on a laptop) no resolv.conf is read unless one is named,
   * and glibc's defaults apply to timeout, attempts and ndots.
   *
   * @throws BadInputException for unusable values or a malformed resolv.conf
   */
  public DnsConfig toConfig() {
    List<InetSocketAddress> servers = serverTexts().stream().map(Servers::parse).toList();
    List<String> search = searchList();
    ResolvConf conf = needsResolvConf(servers, search) ? readResolvConf() : ResolvConf.empty("(none)");
    // glibc's name rules come with glibc's wire rules (its timeout and attempts from resolv.conf);
    // otherwise an Erlang node's: inet_res's own timeout and retry
    DnsConfig config = DnsConfig.from(conf)
        .withResolver(search() == SearchMode.LIBC ? ResolverMode.LIBC : ResolverMode.ERLANG)
        .withSearchMode(search())
        .withTcp(tcp)
        .withServers(servers.isEmpty() ? conf.nameservers() : servers)
        .withSearch(search != null ? search : conf.search());
    if (ndots != null) {
      config = config.withNdots(ndots);
    } else if (podNamespace != null) {
      config = config.withNdots(ResolvConf.POD_NDOTS);
    }
    if (timeout != null) {
      config = config.withTimeout(timeout);
    }
    if (tries != null) {
      config = config.withTries(tries);
    }
    return config;
  }

  /** The search rules chosen with {@code --search}. */
  public SearchMode search() {
    return search == null ? SearchMode.ERLANG : search;
  }

  /** Where the resolver configuration is read from: the {@code --resolv-conf} file, else /etc/resolv.conf. */
  public Path resolvConfPath() {
    return resolvConf != null ? resolvConf : ResolvConf.SYSTEM;
  }

  private boolean needsResolvConf(List<InetSocketAddress> servers, List<String> search) {
    return resolvConf != null || servers.isEmpty() || search == null;
  }

  private ResolvConf readResolvConf() {
    if (resolvConf == null && !Files.exists(ResolvConf.SYSTEM)) {
      return ResolvConf.empty(ResolvConf.SYSTEM.toString());
    }
    return ResolvConf.read(resolvConfPath());
  }

  private List<String> searchList() {
    if (clusterDomain != null && podNamespace == null) {
      throw new BadInputException("--cluster-domain needs --pod-namespace");
    }
    if (searchDomains != null) {
      List<String> out = new ArrayList<>();
      for (String d : searchDomains.split(",", -1)) {
        String s = d.strip();
        if (s.isEmpty()) {
          continue;
        }
        String bare = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        String problem = DomainNames.problem(bare);
        if (problem != null) {
          throw new BadInputException("--search-domains: invalid domain '" + d + "': " + problem);
        }
        out.add(bare);
      }
      return out;
    }
    if (podNamespace != null) {
      return ResolvConf.podSearch(podNamespace, clusterDomain != null ? clusterDomain : "cluster.local");
    }
    return null;
  }
}
