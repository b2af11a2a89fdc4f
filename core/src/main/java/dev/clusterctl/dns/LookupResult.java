package dev.clusterctl.dns;

import java.util.List;
import java.util.Optional;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A name looked up for one record type, with every candidate tried.
 *
 * @param query the name as given
 * @param type the dnsjava {@link Type} asked
 * @param mode the search rules used
 * @param attempts the candidates tried, in order; the last one settled the lookup
 * @param notes remarks about how the lookup was made, one line each (e.g. resolv.conf options
 *     that Erlang's {@code inet_res} ignores)
 */
public record LookupResult(String query, int type, SearchMode mode, List<Attempt> attempts, List<String> notes) {

  /** Copies the lists. */
  public LookupResult {
    attempts = List.copyOf(attempts);
    notes = List.copyOf(notes);
  }

  /** A lookup without notes (the form of earlier versions). */
  public LookupResult(String query, int type, SearchMode mode, List<Attempt> attempts) {
    this(query, type, mode, attempts, List.of());
  }

  /** The record type as text ({@code A}, {@code SRV}, …). */
  public String typeName() {
    return Type.string(type);
  }

  /** The attempt that returned records, if one did. */
  public Optional<Attempt> found() {
    return attempts.stream().filter(a -> a.status() == Status.NOERROR).findFirst();
  }

  /** The records of the asked type from the successful attempt (empty when none succeeded). */
  public List<Record> records() {
    return found().map(Attempt::records).orElse(List.of());
  }

  /** True when the records found came through a CNAME (see {@link Attempt#viaCname()}). */
  public boolean viaCname() {
    return found().map(Attempt::viaCname).orElse(false);
  }

  /** The CNAME records the found answer went through, in order (empty when none, or nothing found). */
  public List<CNAMERecord> cnames() {
    return found().map(Attempt::cnames).orElse(List.of());
  }

  /** Every answer record of every attempt that was not taken as an answer (see {@link Attempt#ignored()}). */
  public List<Record> ignoredRecords() {
    return attempts.stream().flatMap(a -> a.ignored().stream()).toList();
  }

  /** True when the operation's deadline ended the lookup before its rules had run their course. */
  public boolean outOfTime() {
    return attempts.stream().anyMatch(a -> a.outOfTime() || a.status() == Status.NOT_ASKED);
  }

  /**
   * What the lookup came to: {@link Status#NOERROR} when records were found, otherwise the status
   * of the last candidate a server responded to (as Erlang reports the last reason), otherwise
   * (no server responded at all) the last candidate's failure.
   */
  public Status status() {
    if (found().isPresent()) {
      return Status.NOERROR;
    }
    for (int i = attempts.size() - 1; i >= 0; i--) {
      if (attempts.get(i).status().isResponse()) {
        return attempts.get(i).status();
      }
    }
    return attempts.isEmpty() ? Status.NETWORK_ERROR : attempts.get(attempts.size() - 1).status();
  }

  /** True when not a single server gave a DNS response for any candidate (timeouts, closed ports, garbage, not asked). */
  public boolean noServerResponded() {
    return attempts.stream().noneMatch(a -> a.status().isResponse());
  }

  /** True when any candidate's UDP answer was truncated and asked again over TCP. */
  public boolean retriedOverTcp() {
    return attempts.stream().anyMatch(Attempt::retriedOverTcp);
  }

  /**
   * One line saying why no server responded, e.g. {@code 127.0.0.1:53 udp: no answer within 2000 ms};
   * the distinct failures (and truncated UDP answers) of the exchanges, in order.
   */
  public String failureSummary() {
    if (attempts.stream().allMatch(a -> a.status() == Status.NOT_ASKED)) {
      return attempts.isEmpty() ? "no server to ask" : "not asked: the time for the lookups ran out first";
    }
    return attempts.stream()
        .flatMap(a -> a.exchanges().stream())
        .filter(e -> !e.status().isResponse() || e.truncated())
        .map(e -> e.serverText() + " " + e.transport().id() + ": "
            + (e.status().isResponse() ? "answer truncated, retrying over tcp" : e.detail()))
        .distinct()
        .reduce((x, y) -> x + "; " + y)
        .orElse("no server to ask");
  }
}
