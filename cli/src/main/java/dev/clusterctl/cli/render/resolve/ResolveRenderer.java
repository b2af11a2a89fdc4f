package dev.clusterctl.cli.render.resolve;

import dev.clusterctl.discovery.DiscoveryResult;
import dev.clusterctl.dns.DnsConfig;
import java.io.PrintWriter;

/** Writes a {@code resolve} result to stdout in one format. */
public interface ResolveRenderer {

  /**
   * Writes {@code result}.
   *
   * @param result what discovery found
   * @param config the resolver configuration used (servers, search list)
   * @param out stdout
   * @param color true to colour (a terminal, and no NO_COLOR)
   */
  void render(DiscoveryResult result, DnsConfig config, PrintWriter out, boolean color);
}
