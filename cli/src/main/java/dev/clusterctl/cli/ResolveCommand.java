package dev.clusterctl.cli;

import dev.clusterctl.cli.resolve.ResolveOutput;
import dev.clusterctl.discovery.Discovery;
import dev.clusterctl.discovery.DiscoveryResult;
import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.dns.Attempt;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.DomainNames;
import dev.clusterctl.dns.Exchange;
import dev.clusterctl.dns.LookupResult;
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
      "  clusterctl resolve @10.96.0.10 _dist-erl._tcp.ledger.payments --basename ledger",
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

    DiscoveryResult result = Discovery.of(config).discover(discoverySpec, domain);

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LookupResult lookup = result.lookup();
    if (global.verbose()) {
      printExchanges(result, err);
    }
    if (lookup.noServerResponded()) {
      throw new UnreachableException("no DNS server answered for '" + domain + "': " + lookup.failureSummary());
    }
    output.renderer().render(result, config, out, global.colorOnStdout());
    out.flush();
    if (!result.ok() && output.format() == ResolveOutput.Format.short_) {
      err.println("clusterctl: " + shortProblem(result));
      err.flush();
    }
    return result.ok() ? ExitCode.OK.code() : ExitCode.PROBLEM.code();
  }

  /** Splits {@code @server} from the domain; exactly one domain is required. */
  private String domainArgument() {
    String domain = dns.takeDomainArgument(arguments)
        .orElseThrow(() -> new BadInputException("a DOMAIN to look up is required"));
    return DomainNames.lookupName(domain);
  }

  private static String shortProblem(DiscoveryResult r) {
    LookupResult lookup = r.lookup();
    if (lookup.found().isEmpty()) {
      int tried = lookup.attempts().size();
      return lookup.query() + ": " + lookup.status().name() + " (" + tried + (tried == 1 ? " candidate" : " candidates")
          + " tried; -o table shows them)";
    }
    long refused = r.nodes().stream().filter(n -> !n.problems().isEmpty()).count();
    if (refused > 0) {
      return refused + " of " + r.nodes().size() + " node names have a problem (-o table shows why)";
    }
    if (r.nodes().isEmpty()) {
      return lookup.query() + ": records found but no node name could be derived";
    }
    return r.gaps().size() + " answers give no node name (-o table shows why)";
  }

  /** With {@code --verbose}: every question sent, main lookup and follow-ups, with its outcome and time, on stderr. */
  private static void printExchanges(DiscoveryResult result, PrintWriter err) {
    for (LookupResult lookup : result.allLookups()) {
      printExchanges(lookup, err);
    }
    err.flush();
  }

  private static void printExchanges(LookupResult lookup, PrintWriter err) {
    for (Attempt a : lookup.attempts()) {
      for (Exchange e : a.exchanges()) {
        err.printf("  %s %s %s %s: %s%s (%d ms)%n", a.name(), a.typeName(), e.serverText(), e.transport().id(),
            e.detail().isEmpty() ? e.status().label() : e.detail(), e.truncated() ? ", truncated" : "",
            e.elapsed().toMillis());
        e.dropped().forEach(d -> err.printf("    dropped: %s%n", d));
      }
      a.cnames().forEach(c -> err.printf("    via CNAME: %s%n", c));
      a.ignored().forEach(r -> err.printf("    ignored, not an answer (owner not asked, class not IN): %s%n", r));
    }
  }
}
