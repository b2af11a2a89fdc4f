package dev.clusterctl.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** A {@link DnsClient} that answers from a script of synthetic dnsjava messages, for unit tests. */
class ScriptedClient implements DnsClient {

  /** What the script does for one question. */
  interface Reply {
    Message reply(Message query) throws IOException;
  }

  private final Map<String, Reply> script = new HashMap<>();
  final List<String> sent = new ArrayList<>();

  /** Scripts the reply to {@code name type} over {@code transport} ({@code null}: both) from {@code server} ({@code null}: any). */
  ScriptedClient on(String name, int type, Transport transport, Reply reply) {
    script.put(key(name, type, transport), reply);
    return this;
  }

  ScriptedClient on(String name, int type, Reply reply) {
    return on(name, type, null, reply);
  }

  @Override
  public Message send(Message query, InetSocketAddress server, Transport transport, Duration timeout) throws IOException {
    Record q = query.getQuestion();
    String name = q.getName().toString();
    sent.add(server.getPort() + " " + transport + " " + name + " " + Type.string(q.getType()));
    Reply r = script.get(key(name, q.getType(), transport));
    if (r == null) {
      r = script.get(key(name, q.getType(), null));
    }
    if (r == null) {
      return rcode(query, Rcode.NXDOMAIN);
    }
    return r.reply(query);
  }

  private static String key(String name, int type, Transport t) {
    return name.toLowerCase() + "/" + Type.string(type) + "/" + t;
  }

  /** A response to {@code query} with {@code rcode} and the given answer and additional records. */
  static Message response(Message query, int rcode, List<Record> answers, List<Record> additional) {
    Message m = new Message(query.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setRcode(rcode);
    m.addRecord(query.getQuestion(), Section.QUESTION);
    answers.forEach(r -> m.addRecord(r, Section.ANSWER));
    additional.forEach(r -> m.addRecord(r, Section.ADDITIONAL));
    return m;
  }

  static Message rcode(Message query, int rcode) {
    return response(query, rcode, List.of(), List.of());
  }

  static Reply answer(Record... records) {
    return q -> response(q, Rcode.NOERROR, List.of(records), List.of());
  }

  static Reply answerWithAdditional(List<Record> answers, List<Record> additional) {
    return q -> response(q, Rcode.NOERROR, answers, additional);
  }

  static Reply truncated() {
    return q -> {
      Message m = rcode(q, Rcode.NOERROR);
      m.getHeader().setFlag(Flags.TC);
      return m;
    };
  }

  static Reply code(int rcode) {
    return q -> rcode(q, rcode);
  }

  static Name name(String s) {
    try {
      return Name.fromString(s, Name.root);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
