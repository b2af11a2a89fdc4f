package dev.clusterctl.dns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * The records of an answer section that answer the question, as {@code inet_res:getbyname} takes
 * them ({@code inet_db:res_hostent_by_domain}): records of the asked type and class IN owned by the
 * asked name, or by the name a chain of CNAMEs from it leads to (RFC 1034 3.6.2, owner names
 * compared case-insensitively, RFC 4343). Every other answer record is ignored and kept aside.
 *
 * <p>Hand-written: dnsjava's {@code Lookup} follows CNAMEs but asks again for each link and hides
 * the records it did not use, while what the node does with one response is what matters here.
 *
 * @param question the asked name
 * @param cnames the CNAME records followed, in order (empty when the name answered directly)
 * @param records the records of the asked type at the end of the chain
 * @param ignored the answer records owned by names neither asked nor on the chain, or not of class IN
 * @param problem why the chain stops short, when it does (a CNAME loop, several CNAMEs at one name)
 */
record AnswerChain(Name question, List<CNAMERecord> cnames, List<Record> records, List<Record> ignored,
    Optional<String> problem) {

  /** Follows the chain from {@code question} through the answer section of {@code response} for {@code type}. */
  static AnswerChain of(Message response, Name question, int type) {
    List<Record> answers = response.getSection(Section.ANSWER);
    List<CNAMERecord> cnames = new ArrayList<>();
    Set<Name> visited = new HashSet<>();
    Name current = question;
    visited.add(current);
    String problem = null;
    List<Record> found = List.of();
    while (true) {
      Name at = current;
      found = answers.stream().filter(r -> r.getDClass() == DClass.IN && r.getType() == type && r.getName().equals(at))
          .toList();
      if (!found.isEmpty()) {
        break;
      }
      List<CNAMERecord> next = answers.stream()
          .filter(r -> r.getDClass() == DClass.IN && r instanceof CNAMERecord && r.getName().equals(at))
          .map(r -> (CNAMERecord) r).toList();
      if (next.isEmpty()) {
        break;
      }
      if (next.stream().map(CNAMERecord::getTarget).distinct().count() > 1) {
        problem = "several CNAMEs at " + Answers.hostName(at) + " (inet_res takes none of them)";
        break;
      }
      CNAMERecord link = next.get(0);
      if (!visited.add(link.getTarget())) {
        problem = "a CNAME loop back to " + Answers.hostName(link.getTarget());
        cnames.add(link);
        break;
      }
      cnames.add(link);
      current = link.getTarget();
    }
    Set<Name> chain = new HashSet<>(visited);
    List<Record> ignored = answers.stream()
        .filter(r -> r.getDClass() != DClass.IN || !chain.contains(r.getName()))
        .toList();
    return new AnswerChain(question, List.copyOf(cnames), List.copyOf(found), ignored, Optional.ofNullable(problem));
  }

  /** The name the records belong to: the last CNAME's target, or the asked name. */
  Name canonical() {
    return cnames.isEmpty() ? question : cnames.get(cnames.size() - 1).getTarget();
  }
}
