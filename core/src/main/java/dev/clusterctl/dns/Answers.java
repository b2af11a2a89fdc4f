package dev.clusterctl.dns;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;

/** Reads the data discovery needs out of answer records. */
public final class Answers {

  /** SRV records ordered by target, then port, priority and weight. */
  public static final Comparator<SRVRecord> SRV_ORDER =
      Comparator.comparing((SRVRecord r) -> hostName(r.getTarget()))
          .thenComparingInt(SRVRecord::getPort)
          .thenComparingInt(SRVRecord::getPriority)
          .thenComparingInt(SRVRecord::getWeight);

  private Answers() {}

  /** An absolute name as Erlang returns it: without the trailing dot. */
  public static String hostName(Name name) {
    return name.toString(true);
  }

  /** The address of an A or AAAA record, if it is one. */
  public static Optional<InetAddress> address(Record r) {
    if (r instanceof ARecord a) {
      return Optional.of(a.getAddress());
    }
    if (r instanceof AAAARecord a) {
      try {
        // built as Inet6Address so that an IPv4-mapped address stays IPv6, as it is in the record
        return Optional.of(Inet6Address.getByAddress(null, a.rdataToWireCanonical(), -1));
      } catch (UnknownHostException e) {
        return Optional.of(a.getAddress());
      }
    }
    return Optional.empty();
  }

  /** The distinct addresses of the A/AAAA records among {@code records}, in {@link Addresses#ORDER}. */
  public static List<InetAddress> addresses(List<Record> records) {
    return records.stream().map(Answers::address).flatMap(Optional::stream).distinct().sorted(Addresses.ORDER).toList();
  }

  /** The distinct addresses of the A/AAAA records owned by {@code owner} (case-insensitive, RFC 4343). */
  public static List<InetAddress> addressesOf(Name owner, List<Record> records) {
    return addresses(records.stream().filter(r -> r.getName().equals(owner)).toList());
  }

  /** The SRV records among {@code records}, deduplicated and sorted (answers are sets). */
  public static List<SRVRecord> srv(List<Record> records) {
    // keyed by the record data: linear in the answer's size (thousands of targets are a real case)
    Map<String, SRVRecord> distinct = new LinkedHashMap<>();
    for (Record r : records) {
      if (r instanceof SRVRecord s) {
        distinct.putIfAbsent(s.rdataToString(), s);
      }
    }
    List<SRVRecord> out = new ArrayList<>(distinct.values());
    out.sort(SRV_ORDER);
    return out;
  }

  /** The PTR targets among {@code records}, without trailing dots, sorted and distinct. */
  public static List<String> ptrNames(List<Record> records) {
    return records.stream().filter(r -> r instanceof PTRRecord).map(r -> hostName(((PTRRecord) r).getTarget()))
        .distinct().sorted().toList();
  }
}
