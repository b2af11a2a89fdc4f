package dev.clusterctl.dns;

import dev.clusterctl.time.Deadline;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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

/**
 * A {@link DnsClient} that answers from a script of synthetic dnsjava messages, for unit tests.
 * Time is not spent: once the scripted replies of a conversation are read, the next read fails at
 * once as if its wait had run out. Every question sent and the wait it was given are recorded.
 */
class ScriptedClient implements DnsClient {

  /** What the script does for one question: the reply, or {@code null} for silence; may throw (a closed port…). */
  interface Reply {
    Message reply(Message query) throws IOException;
  }

  /** Several replies in one conversation, in order (e.g. a forged one before the real one). */
  interface Replies {
    List<byte[]> replies(Message query) throws IOException;
  }

  /** A script that also sees the server and transport. */
  interface ServerScript {
    Message reply(Message query, InetSocketAddress server, Transport transport) throws IOException;
  }

  private final Map<String, Replies> script = new HashMap<>();
  private final ServerScript byServer;
  final List<String> sent = Collections.synchronizedList(new ArrayList<>());
  final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

  ScriptedClient() {
    this.byServer = null;
  }

  ScriptedClient(ServerScript byServer) {
    this.byServer = byServer;
  }

  /** Scripts the reply to {@code name type} over {@code transport} ({@code null}: both). */
  ScriptedClient on(String name, int type, Transport transport, Reply reply) {
    script.put(key(name, type, transport), q -> {
      Message m = reply.reply(q);
      return m == null ? List.of() : List.of(m.toWire());
    });
    return this;
  }

  ScriptedClient on(String name, int type, Reply reply) {
    return on(name, type, null, reply);
  }

  /** Scripts several replies in one conversation for {@code name type} over both transports. */
  ScriptedClient onMany(String name, int type, Replies replies) {
    script.put(key(name, type, null), replies);
    return this;
  }

  @Override
  public Conversation send(Message query, InetSocketAddress server, Transport transport, Deadline deadline)
      throws IOException {
    Record q = query.getQuestion();
    String name = q.getName().toString();
    sent.add(server.getPort() + " " + transport + " " + name + " " + Type.string(q.getType()));
    waits.add(Duration.ofMillis(deadline.remainingMillis()));
    List<byte[]> replies;
    if (byServer != null) {
      Message m = byServer.reply(query, server, transport);
      replies = m == null ? List.of() : List.of(m.toWire());
    } else {
      Replies r = script.get(key(name, q.getType(), transport));
      if (r == null) {
        r = script.get(key(name, q.getType(), null));
      }
      replies = r == null ? List.of(rcode(query, Rcode.NXDOMAIN).toWire()) : r.replies(query);
    }
    List<byte[]> queue = new ArrayList<>(replies);
    return new Conversation() {
      @Override
      public byte[] receive(Deadline d) throws IOException {
        if (queue.isEmpty()) {
          throw new SocketTimeoutException();
        }
        return queue.remove(0);
      }

      @Override
      public void close() {}
    };
  }

  /** The waits given, in milliseconds, rounded to the nearest 10 ms (they are read a moment after they start). */
  List<Long> waitsMillis() {
    synchronized (waits) {
      return waits.stream().map(d -> Math.round(d.toMillis() / 10.0) * 10).toList();
    }
  }

  private static String key(String name, int type, Transport t) {
    return name.toLowerCase() + "/" + Type.string(type) + "/" + t;
  }

  /** A response to {@code query} with {@code rcode} and the given answer and additional records (RD copied, as servers do). */
  static Message response(Message query, int rcode, List<Record> answers, List<Record> additional) {
    Message m = new Message(query.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    if (query.getHeader().getFlag(Flags.RD)) {
      m.getHeader().setFlag(Flags.RD);
    }
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

  static Reply silence() {
    return q -> null;
  }

  static Name name(String s) {
    try {
      return Name.fromString(s, Name.root);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
