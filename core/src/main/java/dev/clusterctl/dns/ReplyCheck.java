package dev.clusterctl.dns;

import java.util.Optional;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Decides what one reply is, against the query it should answer (RFC 5452 section 9.1: the same
 * message ID, and a question section holding our name, type and class), in the order the mode's
 * resolver checks it:
 *
 * <ul>
 *   <li>Erlang ({@code inet_res:decode_answer}): the message is decoded first; a response with an
 *       error rcode is taken as that error as it is; only a NOERROR response is checked for the
 *       ID ({@code badid}), the QR bit and opcode ({@code unknown}) and the question
 *       ({@code noquery}, names compared case-insensitively, {@code inet_db:eq_domains}).
 *   <li>glibc ({@code send_dg}): the ID is checked on the header before anything else, then the
 *       question of every reply except a FORMERR without one ({@code res_queriesmatch}).
 * </ul>
 */
final class ReplyCheck {

  private ReplyCheck() {}

  /**
   * What a reply is.
   *
   * @param kind {@link Outcome.Kind#RESPONSE} or why it is not one
   * @param message the decoded message, when it could be decoded
   * @param description one line saying what it was, for a reply that is not the response
   */
  record Verdict(Outcome.Kind kind, Optional<Message> message, String description) {}

  /** Checks {@code wire} against {@code query} by the rules of {@code mode}. */
  static Verdict check(byte[] wire, Message query, ResolverMode mode) {
    int asked = query.getHeader().getID();
    if (mode == ResolverMode.LIBC) {
      if (wire.length < 12) {
        return undecodable("a reply of " + wire.length + " bytes, shorter than a DNS header");
      }
      int id = ((wire[0] & 0xff) << 8) | (wire[1] & 0xff);
      if (id != asked) {
        return wrongId(id, asked);
      }
    }
    Message m;
    try {
      m = new Message(wire);
    } catch (Exception e) {
      return undecodable(describe(e));
    }
    int rcode = m.getRcode();
    if (mode == ResolverMode.ERLANG && rcode != Rcode.NOERROR) {
      // inet_res takes an error response as it comes, ID and question unchecked
      return new Verdict(Outcome.Kind.RESPONSE, Optional.of(m), "");
    }
    if (m.getHeader().getID() != asked) {
      return wrongId(m.getHeader().getID(), asked);
    }
    if (!m.getHeader().getFlag(Flags.QR)) {
      return new Verdict(Outcome.Kind.NOT_A_RESPONSE, Optional.of(m),
          "the packet received is not a DNS response (QR bit unset)");
    }
    if (m.getHeader().getOpcode() != query.getHeader().getOpcode()) {
      return new Verdict(Outcome.Kind.NOT_A_RESPONSE, Optional.of(m),
          "a response with opcode " + Opcode.string(m.getHeader().getOpcode()) + " to a standard query");
    }
    boolean formerrWithoutQuestion = rcode == Rcode.FORMERR && m.getSection(Section.QUESTION).isEmpty();
    if (!formerrWithoutQuestion && !sameQuestion(m, query)) {
      return new Verdict(Outcome.Kind.WRONG_QUESTION, Optional.of(m),
          "a reply to another question: " + questionText(m) + " (asked " + questionText(query) + ")");
    }
    return new Verdict(Outcome.Kind.RESPONSE, Optional.of(m), "");
  }

  /** True when {@code reply} holds exactly one question, equal to the query's (name case-insensitively, type, class). */
  static boolean sameQuestion(Message reply, Message query) {
    var questions = reply.getSection(Section.QUESTION);
    if (questions.size() != 1) {
      return false;
    }
    Record ours = query.getQuestion();
    Record theirs = questions.get(0);
    return theirs.getName().equals(ours.getName()) && theirs.getType() == ours.getType()
        && theirs.getDClass() == ours.getDClass();
  }

  /**
   * One line in words for a message dnsjava could not decode; never {@code null} nor a class name.
   * A name longer than 255 octets (RFC 1035 3.1) is named as such.
   */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NameTooLongException) {
        return "a name in the reply is longer than 255 octets (RFC 1035 3.1)";
      }
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return "the reply is not a valid DNS message";
    }
    return m;
  }

  private static String questionText(Message m) {
    var questions = m.getSection(Section.QUESTION);
    if (questions.isEmpty()) {
      return "no question";
    }
    Record q = questions.get(0);
    return q.getName() + " " + Type.string(q.getType()) + (questions.size() > 1 ? " and " + (questions.size() - 1) + " more" : "");
  }

  private static Verdict undecodable(String why) {
    return new Verdict(Outcome.Kind.UNDECODABLE, Optional.empty(), why);
  }

  private static Verdict wrongId(int got, int asked) {
    return new Verdict(Outcome.Kind.WRONG_ID, Optional.empty(),
        "a reply with the wrong message ID (expected " + asked + ", got " + got + ")");
  }
}
