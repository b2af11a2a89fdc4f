package dev.clusterctl.cli.resolve;

import dev.clusterctl.discovery.DerivedNode;
import dev.clusterctl.discovery.DiscoveryResult;
import dev.clusterctl.dns.DnsConfig;
import java.io.PrintWriter;

/** {@code -o short}: one node name a line, sorted (only the host part when no basename was given). */
final class ResolveShort implements ResolveRenderer {

  @Override
  public void render(DiscoveryResult result, DnsConfig config, PrintWriter out, boolean color) {
    for (DerivedNode node : result.nodes()) {
      out.println(node.name().map(Object::toString).orElse(node.host()));
    }
  }
}
