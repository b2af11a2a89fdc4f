package dev.clusterctl.dns;

import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * One candidate name asked for one record type: every exchange with every server, and the
 * response that settled it (if any).
 *
 * @param name the absolute name asked (with a trailing dot)
 * @param type the dnsjava {@link Type} asked
 * @param status what the candidate came to
 * @param exchanges every question sent for it, in order
 * @param response the response that settled it, if a server gave one
 */
public record Attempt(
    String name, int type, Status status, List<Exchange> exchanges, Optional<Message> response) {

  /** Copies the exchange list. */
  public Attempt {
    exchanges = List.copyOf(exchanges);
  }

  /** The record type as text ({@code A}, {@code SRV}, …). */
  public String typeName() {
    return Type.string(type);
  }

  /** The answer records of the asked type (CNAMEs on the way are left out). */
  public List<Record> records() {
    return response.map(m -> m.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList())
        .orElse(List.of());
  }

  /** The records of the additional section (e.g. the A records of SRV targets, RFC 2782). */
  public List<Record> additional() {
    return response.map(m -> m.getSection(Section.ADDITIONAL)).orElse(List.of());
  }

  /** True when a UDP answer came back truncated (TC) and the question was asked again over TCP. */
  public boolean retriedOverTcp() {
    for (int i = 0; i + 1 < exchanges.size(); i++) {
      Exchange e = exchanges.get(i);
      if (e.transport() == Transport.UDP && e.truncated()
          && exchanges.get(i + 1).transport() == Transport.TCP
          && exchanges.get(i + 1).server().equals(e.server())) {
        return true;
      }
    }
    return false;
  }

  /** The exchange whose response settled this attempt, if any. */
  public Optional<Exchange> answeredBy() {
    if (response.isEmpty() || exchanges.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(exchanges.get(exchanges.size() - 1));
  }
}
