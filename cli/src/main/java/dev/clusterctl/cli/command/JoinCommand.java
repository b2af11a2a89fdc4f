package dev.clusterctl.cli.command;

import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.cli.option.CookieOptions;
import dev.clusterctl.cli.option.DiscoveryOptions;
import dev.clusterctl.cli.option.DnsOptions;
import dev.clusterctl.cli.option.DurationConverter;
import dev.clusterctl.cli.option.GlobalOptions;
import dev.clusterctl.cli.terminal.TerminalLender;
import dev.clusterctl.cli.terminal.WaitRelay;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.watch.JoinPlan;
import dev.clusterctl.watch.JoinService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
          + "3 no DNS server answered; 70 a bug in clusterctl; 130 ended by Ctrl-C; 143 ended by SIGTERM."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clusterctl join ledger.payments --basename ledger --dist-port 39135 \\",
      "      --cookie-env RELEASE_COOKIE",
      "  clusterctl join @10.96.0.10 _dist-erl._tcp.ledger.payments \\",
      "      --basename ledger --mesh",
      "  clusterctl join ledger.payments --basename ledger --watch -o jsonl \\",
      "      --interval 5s --jitter 1s",
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

  @Option(names = "--as-node",
      description = "See DNS as the node does: answers the library gets from inet_res:getbyname are served through"
          + " inet_res's cache (cache_size 100) for their TTL, so peers an oversized answer hides come and go as"
          + " they do in the node (use with --watch).")
  boolean asNode;

  @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Pause between refreshes (default: sys.config's refresh_interval_ms, else 5s as gen_cluster and libcluster).")
  Duration interval;

  @Option(names = "--sys-config", paramLabel = "FILE",
      description = "Take discovery from the release's sys.config (gen_cluster's discovery: dns or static) instead of DOMAIN.")
  Path sysConfig;

  @Option(names = "--vm-args", paramLabel = "FILE",
      description = "Take the basename (-name/-sname, $${VAR} from the environment) and the fixed dist port from the release's vm.args.")
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

  /** Where the live view finds its terminal. Not an option. */
  private final TerminalLender terminals;

  /** {@code join} drawing its live view on the process's own terminal. */
  public JoinCommand() {
    this(TerminalLender.system());
  }

  /** {@code join} drawing its live view on a terminal from {@code terminals} ({@code clusterctl shell} lends its own). */
  public JoinCommand(TerminalLender terminals) {
    this.terminals = terminals;
  }

  @Override
  public Integer call() {
    validate();
    WaitRelay waits = new WaitRelay();
    JoinPlan plan = JoinService.plan(JoinInputs.request(arguments, dns, discovery, sysConfig, vmArgs,
        Optional.ofNullable(distPort), Optional.ofNullable(interval), System.getenv(), asNode, waits));
    JoinRun run = new JoinRun(this, plan, waits, terminals, spec.commandLine().getOut(), spec.commandLine().getErr());
    return watch ? run.watch() : run.once();
  }

  /** Checks the options that need no file or server. */
  private void validate() {
    if (discovery.hasMoreQueries()) {
      throw new BadInputException("--query (dns_cluster's several queries) is taken by resolve only; join looks up one DOMAIN");
    }
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
  }

  /** The guard of the line a run ends with after a signal: the handler's when it is clusterctl's, else this command's own. */
  dev.clusterctl.cli.exit.LastLine lastLine() {
    if (spec != null && spec.commandLine().getExecutionExceptionHandler() instanceof dev.clusterctl.cli.exit.ErrorHandler h) {
      return h.lastLine();
    }
    return ownLastLine;
  }

  private final dev.clusterctl.cli.exit.LastLine ownLastLine = new dev.clusterctl.cli.exit.LastLine();

  /** Exit code of a watch that was not interrupted: the last refresh decides. */
  static int exitFor(dev.clusterctl.watch.WatchSummary s) {
    return s.lastPeers() > 0 && s.lastJoinable() == s.lastPeers() ? ExitCode.OK.code() : ExitCode.PROBLEM.code();
  }
}
