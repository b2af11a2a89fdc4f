package dev.clusterctl.cli.join;

import dev.clusterctl.cli.DiscoveryOptions;
import dev.clusterctl.cli.DnsOptions;
import dev.clusterctl.cli.ExitCode;
import dev.clusterctl.cli.GlobalOptions;
import dev.clusterctl.discovery.Discovery;
import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.DomainNames;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.watch.DnsPeerSource;
import dev.clusterctl.watch.PeerSource;
import dev.clusterctl.watch.ReleaseDiscovery;
import dev.clusterctl.watch.WatchOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterctl join [--watch]}: discover peers as the node would, try to join each, say what happened. */
@Command(
    name = "join",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Discovers peers the way gen_cluster, libcluster or dns_cluster would and probes each one with the Erlang "
          + "distribution handshake, as a hidden node: the port (EPMD or --dist-port), the node's status, the name it "
          + "announces for itself versus the name DNS gives, and whether it accepts your cookie. With --watch it keeps "
          + "refreshing and reports joined, left, state-changed and lookup-failed events.",
      "",
      "Exit: 0 every peer joinable; 1 a peer is not, none was found, or the lookup failed; 2 bad input; "
          + "3 no DNS server answered; 130 a watch ended by Ctrl-C or SIGTERM."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clusterctl join ledger.payments --basename ledger --dist-port 39135 --cookie-env RELEASE_COOKIE",
      "  clusterctl join @10.96.0.10 _dist-erl._tcp.ledger.payments --basename ledger --mesh",
      "  clusterctl join ledger.payments --basename ledger --watch -o jsonl --interval 5s --jitter 1s",
    })
public final class JoinCommand implements Callable<Integer> {

  /** Output formats. */
  public enum Output {
    /** A table with the evidence under each peer (one refresh). */
    table,
    /** One JSON document (one refresh). */
    json,
    /** The live terminal view (--watch on a terminal). */
    live,
    /** One JSON event per line (--watch). */
    jsonl
  }

  @Parameters(
      arity = "0..2",
      paramLabel = "[@HOST[:PORT]] DOMAIN",
      description = "The name the discovery library looks up (e.g. ledger.payments or _dist-erl._tcp.ledger.payments), "
          + "optionally after @HOST[:PORT], the DNS server to ask.")
  List<String> arguments = new ArrayList<>();

  @Mixin DnsOptions dns;
  @Mixin DiscoveryOptions discovery;
  @Mixin CookieOptions cookie;
  @Mixin GlobalOptions global;

  @Option(names = "--watch", description = "Keep refreshing until Ctrl-C, SIGTERM or 'q'.")
  boolean watch;

  @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Pause between refreshes (default: sys.config's refresh_interval_ms, else 5s as gen_cluster and libcluster).")
  Duration interval;

  @Option(names = "--sys-config", paramLabel = "FILE",
      description = "Take discovery from the release's sys.config (gen_cluster's discovery: dns or static) instead of DOMAIN.")
  Path sysConfig;

  @Option(names = "--vm-args", paramLabel = "FILE",
      description = "Take the basename (-name/-sname, ${VAR} from the environment) and the fixed dist port from the release's vm.args.")
  Path vmArgs;

  @Option(names = "--jitter", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
      description = "Add up to this much at random to each pause (default: ${DEFAULT-VALUE}).")
  Duration jitter;

  @Option(names = "--count", paramLabel = "N", description = "With --watch: stop after N refreshes.")
  Long count;

  @Option(names = "--mesh",
      description = "Ask every node for erlang:nodes() (rpc to rex) and show who is connected to whom; needs a cookie.")
  boolean mesh;

  @Option(names = "--dist-port", paramLabel = "PORT", defaultValue = "${env:ERL_DIST_PORT}",
      description = "The nodes' fixed distribution port, EPMD-less (default: ERL_DIST_PORT, vm.args' -erl_epmd_port; else ask EPMD).")
  Integer distPort;

  @Option(names = "--epmd-port", paramLabel = "PORT", defaultValue = "${env:ERL_EPMD_PORT:-4369}",
      description = "EPMD's port on each peer (default: ERL_EPMD_PORT or 4369).")
  int epmdPort;

  @Option(names = "--probe-timeout", paramLabel = "DURATION", defaultValue = "3s", converter = DurationConverter.class,
      description = "Budget for each peer: EPMD, connect, handshake and RPC (default: ${DEFAULT-VALUE}).")
  Duration probeTimeout;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "128",
      description = "Peers probed at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
      description = "table or json (default table); with --watch: live or jsonl (default live on a terminal, else jsonl).")
  Output output;

  @Spec CommandSpec spec;

  /** The refresh interval in effect: --interval, else sys.config's refresh_interval_ms, else 5 s. */
  Duration effectiveInterval = WatchOptions.DEFAULT_INTERVAL;

  /** Warnings from the release's files (settings gen_cluster or the VM would ignore), for stderr. */
  final List<String> releaseWarnings = new ArrayList<>();

  @Override
  public Integer call() {
    PeerSource source = validate();
    JoinRun run = new JoinRun(this, source, spec.commandLine().getOut(), spec.commandLine().getErr());
    return watch ? run.watch() : run.once();
  }

  /** Checks the options and returns the peer source they describe (DNS, as the discovery library asks). */
  private PeerSource validate() {
    if (watch && (output == Output.table || output == Output.json)) {
      throw new BadInputException("-o " + output + " is for one refresh; with --watch use -o live or -o jsonl");
    }
    if (!watch && (output == Output.live || output == Output.jsonl)) {
      throw new BadInputException("-o " + output + " needs --watch");
    }
    if (!watch && count != null) {
      throw new BadInputException("--count needs --watch");
    }
    if (distPort != null && (distPort < 1 || distPort > 65535)) {
      throw new BadInputException("--dist-port must be a TCP port (1-65535), not " + distPort);
    }
    if (epmdPort < 1 || epmdPort > 65535) {
      throw new BadInputException("--epmd-port must be a TCP port (1-65535), not " + epmdPort);
    }
    if (concurrency < 1) {
      throw new BadInputException("--concurrency must be at least 1, not " + concurrency);
    }
    if (probeTimeout.isZero() || probeTimeout.isNegative()) {
      throw new BadInputException("--probe-timeout must be positive");
    }
    String domain = null;
    for (String arg : arguments) {
      if (DnsOptions.isServerArgument(arg)) {
        dns.addServerArgument(arg);
      } else if (domain == null) {
        domain = arg;
      } else {
        throw new BadInputException("one DOMAIN only, got '" + domain + "' and '" + arg + "'");
      }
    }
    Optional<VmArgs> release = vmArgs == null ? Optional.empty() : Optional.of(VmArgs.parse(read(vmArgs), vmArgs.toString()));
    release.ifPresent(v -> releaseWarnings.addAll(v.warnings()));
    if (distPort == null) {
      distPort = release.flatMap(v -> v.distPort().isPresent() ? Optional.of(v.distPort().getAsInt()) : Optional.empty())
          .orElse(null);
    }
    if (interval != null) {
      effectiveInterval = interval;
    }
    DnsConfig config = dns.toConfig();
    String servers = DnsPeerSource.serversText(config.servers());
    if (sysConfig != null) {
      if (domain != null) {
        throw new BadInputException("give a DOMAIN or --sys-config, not both");
      }
      SysConfig sc = SysConfig.parse(read(sysConfig), sysConfig.toString());
      releaseWarnings.addAll(sc.warnings());
      if (interval == null && sc.refreshIntervalMs().isPresent()) {
        effectiveInterval = Duration.ofMillis(sc.refreshIntervalMs().getAsLong());
      }
      return ReleaseDiscovery.peerSource(sc, basename(release, "release.invalid"), Resolver.of(config), servers);
    }
    if (domain == null) {
      throw new BadInputException("a DOMAIN to look up (or --sys-config) is required");
    }
    domain = DomainNames.lookupName(domain);
    Optional<String> base = basename(release, domain);
    DiscoverySpec discoverySpec = discovery.toSpec(domain);
    if (discoverySpec.basename().isEmpty() && base.isPresent()) {
      discoverySpec = DiscoverySpec.of(discoverySpec.strategy(), discoverySpec.type(), discoverySpec.hostType(),
          base.get(), domain);
    }
    return new DnsPeerSource(new Discovery(Resolver.of(config)), discoverySpec, domain, servers);
  }

  /** --basename, else the alive part of vm.args' node name. */
  private Optional<String> basename(Optional<VmArgs> release, String domain) {
    Optional<String> given = discovery.toSpec(domain).basename();
    if (given.isPresent()) {
      return given;
    }
    return release.flatMap(v -> ReleaseDiscovery.basename(v, System.getenv()));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Exit code of a watch that was not interrupted: the last refresh decides. */
  static int exitFor(dev.clusterctl.watch.WatchSummary s) {
    return s.lastPeers() > 0 && s.lastJoinable() == s.lastPeers() ? ExitCode.OK.code() : ExitCode.PROBLEM.code();
  }
}
