package dev.clusterctl.dns;

import java.util.List;
import java.util.Optional;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
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
 * @param outOfTime true when the operation's deadline ended it: a wait cut short, or servers and
 *     rounds left unasked
 */
public record Attempt(
    String name, int type, Status status, List<Exchange> exchanges, Optional<Message> response, boolean outOfTime) {

  /** Copies the exchange list. */
  public Attempt {
    exchanges = List.copyOf(exchanges);
  }

  /** An attempt that the deadline did not end (the form of earlier versions). */
  public Attempt(String name, int type, Status status, List<Exchange> exchanges, Optional<Message> response) {
    this(name, type, status, exchanges, response, false);
  }

  /** The record type as text ({@code A}, {@code SRV}, …). */
  public String typeName() {
    return Type.string(type);
  }

  /**
   * The answer records of the asked type owned by the asked name or by the end of its CNAME chain
   * (records of other owners are not answers: see {@link #ignored()}).
   */
  public List<Record> records() {
    return chain().map(AnswerChain::records).orElse(List.of());
  }

  /** The CNAME records the answer went through from the asked name, in order; empty when it answered directly. */
  public List<CNAMERecord> cnames() {
    return chain().map(AnswerChain::cnames).orElse(List.of());
  }

  /**
   * True when the answer came through at least one CNAME ({@code inet_res} then returns the chain's
   * names as the hostent's aliases, which libcluster's Kubernetes.DNS does not expect).
   */
  public boolean viaCname() {
    return !cnames().isEmpty();
  }

  /** The name the records belong to, without trailing dot: the end of the CNAME chain, or the asked name. */
  public String canonicalName() {
    return chain().map(c -> Answers.hostName(c.canonical())).orElse(DomainNames.withoutTrailingDot(name));
  }

  /** Why the CNAME chain stops without records (a loop, several CNAMEs at one name), when it does. */
  public Optional<String> chainProblem() {
    return chain().flatMap(AnswerChain::problem);
  }

  /**
   * The answer records that are not answers: owned by names neither asked nor on the CNAME chain,
   * or not of class IN. {@code inet_res:getbyname} ignores them; {@code --verbose} shows them.
   */
  public List<Record> ignored() {
    return chain().map(AnswerChain::ignored).orElse(List.of());
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
    if (response.isEmpty()) {
      return Optional.empty();
    }
    for (int i = exchanges.size() - 1; i >= 0; i--) {
      if (exchanges.get(i).status().isResponse()) {
        return Optional.of(exchanges.get(i));
      }
    }
    return Optional.empty();
  }

  private Optional<AnswerChain> chain() {
    if (response.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AnswerChain.of(response.get(), Name.fromString(name, Name.root), type));
    } catch (TextParseException e) {
      return Optional.empty();
    }
  }
}
