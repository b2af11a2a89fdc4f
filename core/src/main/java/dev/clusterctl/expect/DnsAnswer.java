package dev.clusterctl.expect;

import dev.clusterctl.dns.QueryType;
import java.util.ArrayList;
import java.util.List;

/**
 * What CoreDNS would answer for one query.
 *
 * @param name the fully qualified name asked, without a trailing dot
 * @param type the record type asked
 * @param rcode the outcome
 * @param srv the SRV records (for SRV queries)
 * @param addresses the A/AAAA records (for address queries)
 * @param ttl the TTL of the records
 * @param why a one-line reason for an empty answer, else empty
 */
public record DnsAnswer(String name, QueryType type, Rcode rcode, List<SrvRecord> srv, List<AddressRecord> addresses, int ttl, String why) {

  /** Copies the lists. */
  public DnsAnswer {
    srv = List.copyOf(srv);
    addresses = List.copyOf(addresses);
  }

  /** An empty answer with a reason. */
  static DnsAnswer empty(String name, QueryType type, Rcode rcode, String why) {
    return new DnsAnswer(name, type, rcode, List.of(), List.of(), 0, why);
  }

  /** True when the answer holds records. */
  public boolean hasRecords() {
    return rcode == Rcode.NOERROR && (!srv.isEmpty() || !addresses.isEmpty());
  }

  /** The answer as zone-file lines, as {@code dig} prints them (at most {@code max} records). */
  public List<String> lines(int max) {
    List<String> out = new ArrayList<>();
    if (!hasRecords()) {
      out.add(name + ". " + type + " → " + rcode + (why.isEmpty() ? "" : " (" + why + ")"));
      return out;
    }
    for (SrvRecord r : srv) {
      if (out.size() == max) {
        break;
      }
      out.add(name + ". " + ttl + " IN SRV " + r.priority() + " " + r.weight() + " " + r.port() + " " + r.target() + ".");
    }
    for (AddressRecord a : addresses) {
      if (out.size() == max) {
        break;
      }
      out.add(name + ". " + ttl + " IN " + type + " " + a.address());
    }
    int total = srv.size() + addresses.size();
    if (total > max) {
      out.add("… and " + (total - max) + " more");
    }
    return out;
  }
}
