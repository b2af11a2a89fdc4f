package dev.clusterctl.cli.command;

import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.cli.option.DiscoveryOptions;
import dev.clusterctl.cli.option.DnsOptions;
import dev.clusterctl.cli.option.GlobalOptions;
import dev.clusterctl.cli.option.ResolveOutput;
import dev.clusterctl.cli.render.resolve.ExchangeLog;
import dev.clusterctl.cli.render.resolve.ResolveJson;
import dev.clusterctl.cli.render.resolve.ResolveRenderer;
import dev.clusterctl.cli.render.resolve.ResolveShort;
import dev.clusterctl.cli.render.resolve.ResolveTable;
import dev.clusterctl.cli.terminal.ProgressLine;
import dev.clusterctl.cli.terminal.WaitDisplay;
import dev.clusterctl.discovery.Discovery;
import dev.clusterctl.discovery.DiscoveryResult;
import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.DomainNames;
import dev.clusterctl.dns.LookupResult;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.dns.SocketDnsClient;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.UnreachableException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterctl resolve DOMAIN}: the lookups a discovery library does, and the node names it would derive. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Does the DNS lookups a discovery library (gen_cluster, libcluster, dns_cluster) does and shows,"
          + " attempt by attempt, what came back and the node names it would derive.",
      "",
      "Names are expanded as Erlang's inet_res does (--search erlang), or as libc does in a pod"
          + " (--search libc). SRV targets' addresses come from the additional section, else a follow-up"
          + " query. A truncated UDP answer is asked again over TCP, and the output says so.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clusterctl resolve @10.96.0.10 _dist-erl._tcp.ledger.payments \\",
      "      --basename ledger",
      "  clusterctl resolve ledger.payments --pod-namespace payments -o short \\",
      "      --strategy libcluster-dns --basename ledger",
      "  clusterctl resolve ledger.payments.svc.cluster.local --search libc -o json",
    })
public final class ResolveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..2",
      paramLabel = "[@HOST[:PORT]] DOMAIN",
      hideParamSyntax = true,
      description = "The name to look up (a trailing dot makes it absolute), optionally after @HOST[:PORT], the server to ask.")
  List<String> arguments = new ArrayList<>();

  @Mixin DnsOptions dns;

  @Mixin DiscoveryOptions discovery;

  @Mixin ResolveOutput output;

  @Mixin GlobalOptions global;

  @Override
  public Integer call() {
    String domain = domainArgument();
    DiscoverySpec discoverySpec = discovery.toSpec(domain);
    DnsConfig config = dns.toConfig();

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DiscoveryResult result;
    try (WaitDisplay progress = ProgressLine.forStderr(err, global.quiet(), output.format() == ResolveOutput.Format.json, System.getenv())) {
      result = new Discovery(new Resolver(config, progress.observing(new SocketDnsClient()))).discover(discoverySpec, domain);
    }
    LookupResult lookup = result.lookup();
    if (global.verbose()) {
      ExchangeLog.render(result, err);
    }
    if (result.noServerResponded()) {
      throw new UnreachableException("no DNS server answered for '" + domain + "': " + lookup.failureSummary());
    }
    renderer().render(result, config, out, global.colorOnStdout());
    out.flush();
    if (!result.ok() && output.format() == ResolveOutput.Format.short_) {
      err.println("clusterctl: " + ResolveShort.problem(result));
      err.flush();
    }
    return result.ok() ? ExitCode.OK.code() : ExitCode.PROBLEM.code();
  }

  /** The renderer of the chosen format; the JSON one (and Jackson) is loaded only when asked for. */
  private ResolveRenderer renderer() {
    return switch (output.format()) {
      case table -> new ResolveTable();
      case json -> new ResolveJson();
      case short_ -> new ResolveShort();
    };
  }

  /** Splits {@code @server} from the domain; exactly one domain is required. */
  private String domainArgument() {
    String domain = dns.takeDomainArgument(arguments)
        .orElseThrow(() -> new BadInputException("a DOMAIN to look up is required"));
    return DomainNames.lookupName(domain);
  }
}
