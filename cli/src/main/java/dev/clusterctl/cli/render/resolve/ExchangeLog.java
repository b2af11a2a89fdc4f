package dev.clusterctl.cli.render.resolve;

import dev.clusterctl.discovery.DiscoveryResult;
import dev.clusterctl.dns.Attempt;
import dev.clusterctl.dns.Exchange;
import dev.clusterctl.dns.LookupResult;
import java.io.PrintWriter;

/** {@code resolve --verbose}: every question sent, main lookup and follow-ups, with its outcome and time, the replies dropped, the CNAMEs followed and the records ignored. */
public final class ExchangeLog {

  private ExchangeLog() {}

  /** Writes one line per exchange of {@code result} to {@code err}. */
  public static void render(DiscoveryResult result, PrintWriter err) {
    for (LookupResult lookup : result.allLookups()) {
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
    err.flush();
  }
}
