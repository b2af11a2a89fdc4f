package dev.clusterctl.observe;

import dev.clusterctl.dns.Answers;
import dev.clusterctl.dns.Attempt;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.LookupResult;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.dns.SocketDnsClient;
import dev.clusterctl.dns.WaitListener;
import dev.clusterctl.error.ClusterctlException;
import dev.clusterctl.gather.Observation;
import java.util.List;
import org.xbill.DNS.Type;

/** Asks the discovery query for real, with Erlang's search rules, and keeps the hosts it answers. */
public final class DnsAsk {

  private DnsAsk() {}

  /**
   * Looks {@code query} up for {@code type} ({@code SRV}, {@code A}, {@code AAAA}) with
   * {@code config}; {@code server} says where, for the report. A failure to ask is an
   * unavailable observation naming it.
   */
  public static Observation<DnsObservation> ask(DnsConfig config, String query, String type, String server) {
    return ask(config, query, type, server, WaitListener.NONE);
  }

  /** As {@link #ask(DnsConfig, String, String, String)}, telling {@code waits} as each wait for a reply starts and ends. */
  public static Observation<DnsObservation> ask(DnsConfig config, String query, String type, String server, WaitListener waits) {
    int t = Type.value(type);
    LookupResult r;
    try {
      r = new Resolver(config, waits.observing(new SocketDnsClient())).lookup(query, t);
    } catch (ClusterctlException e) {
      return Observation.unavailable("the discovery query could not be asked at " + server + ": " + e.getMessage());
    }
    if (r.noServerResponded()) {
      return Observation.unavailable("no DNS server answered at " + server + ": " + r.failureSummary());
    }
    List<org.xbill.DNS.Record> records = r.records();
    List<String> hosts = t == Type.SRV
        ? Answers.srv(records).stream().map(s -> Answers.hostName(s.getTarget())).toList()
        : Answers.addresses(records).stream().map(a -> a.getHostAddress()).toList();
    String answered = r.found().map(Attempt::name).orElse(r.attempts().isEmpty() ? query : r.attempts().get(r.attempts().size() - 1).name());
    if (answered.endsWith(".")) {
      answered = answered.substring(0, answered.length() - 1);
    }
    return Observation.of(new DnsObservation(query, type, answered, r.status().toString(), hosts, server));
  }
}
