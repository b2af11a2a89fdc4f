package dev.clusterctl.cli.render.resolve;

import dev.clusterctl.discovery.DerivedNode;
import dev.clusterctl.discovery.DiscoveryResult;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.LookupResult;
import java.io.PrintWriter;

/** {@code -o short}: one node name a line, sorted (only the host part when no basename was given). */
public final class ResolveShort implements ResolveRenderer {

  @Override
  public void render(DiscoveryResult result, DnsConfig config, PrintWriter out, boolean color) {
    for (DerivedNode node : result.nodes()) {
      out.println(node.name().map(Object::toString).orElse(node.host()));
    }
  }

  /** What is wrong with a result that is not ok, in one line for stderr (stdout holds only names). */
  public static String problem(DiscoveryResult r) {
    LookupResult lookup = r.lookup();
    java.util.Optional<dev.clusterctl.discovery.Finding> crash = r.findings().stream()
        .filter(f -> f.severity() == dev.clusterctl.discovery.Finding.Severity.CRASH).findFirst();
    if (crash.isPresent()) {
      return r.library().module() + " crashes on this answer (" + crash.get().code() + "; -o table shows why and how to avoid it)";
    }
    if (!r.found()) {
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
}
