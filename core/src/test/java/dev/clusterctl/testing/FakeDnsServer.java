package dev.clusterctl.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A tiny in-process DNS server on a loopback port for the faults BIND cannot be made to produce:
 * a server that never answers, one that sends garbage or an answer with the wrong message ID, a
 * truncated UDP answer whose TCP retry fails.
 *
 * <p>Each transport gets a {@link Responder}: given the parsed query, the bytes to send back, or
 * {@code null} to send nothing (UDP) or to close the connection without a word (TCP). Without a
 * TCP responder nothing listens on TCP, so a TCP connection is refused. A {@link Behaviour} adds
 * what a responder cannot say: a TCP answer dripped a byte at a time, UDP replies sent from
 * another port. Every query that arrives is logged with its time ({@link #arrivals()}).
 */
public final class FakeDnsServer implements AutoCloseable {

  /** Produces the raw reply to a query, or {@code null} for none. */
  @FunctionalInterface
  public interface Responder extends Function<Message, byte[]> {}

  /**
   * How the server sends what its responders produce.
   *
   * @param tcpDripPerByte when not null, each byte of a TCP reply (length prefix included) is sent
   *     alone, this long after the previous one
   * @param udpFromAnotherPort true to send UDP replies from another socket (another source port)
   */
  public record Behaviour(Duration tcpDripPerByte, boolean udpFromAnotherPort) {
    /** Replies sent at once, from the port asked. */
    public static final Behaviour PLAIN = new Behaviour(null, false);
  }

  /**
   * One query as it arrived.
   *
   * @param nanos when ({@link System#nanoTime})
   * @param transport {@code udp} or {@code tcp}
   * @param id the message ID
   * @param question the question as {@code name TYPE}
   */
  public record Arrival(long nanos, String transport, int id, String question) {}

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Behaviour behaviour;
  private final AtomicInteger queries = new AtomicInteger();
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

  private FakeDnsServer(DatagramSocket udp, ServerSocket tcp, Behaviour behaviour) {
    this.udp = udp;
    this.tcp = tcp;
    this.behaviour = behaviour;
  }

  /** Starts serving: {@code udpResponder} on UDP and, when not {@code null}, {@code tcpResponder} on TCP. */
  public static FakeDnsServer start(Responder udpResponder, Responder tcpResponder) {
    return start(udpResponder, tcpResponder, Behaviour.PLAIN);
  }

  /** Starts serving as {@link #start(Responder, Responder)}, sending replies as {@code behaviour} says. */
  public static FakeDnsServer start(Responder udpResponder, Responder tcpResponder, Behaviour behaviour) {
    // The OS picks a free UDP port; the same number may be taken for TCP (a connection of an
    // earlier test still holds it), so try a few ports before giving up.
    BindException lastClash = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServerSocket tcp = null;
        if (tcpResponder != null) {
          tcp = new ServerSocket();
          tcp.setReuseAddress(true);
          try {
            tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.getLocalPort()));
          } catch (BindException clash) {
            tcp.close();
            udp.close();
            lastClash = clash;
            continue;
          }
        }
        FakeDnsServer server = new FakeDnsServer(udp, tcp, behaviour);
        server.serveUdp(udpResponder);
        if (tcp != null) {
          server.serveTcp(tcpResponder);
        }
        return server;
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the fake DNS server", e);
      }
    }
    throw new IllegalStateException("cannot start the fake DNS server: no port free for both UDP and TCP", lastClash);
  }


  /** Never answers. */
  public static Responder silent() {
    return q -> null;
  }

  /** Answers with the query's message ID followed by bytes that are not a DNS message. */
  public static Responder garbage() {
    return q -> {
      byte[] junk = "\u0081\u0080 this is not DNS".getBytes(StandardCharsets.ISO_8859_1);
      byte[] reply = new byte[2 + junk.length];
      reply[0] = (byte) (q.getHeader().getID() >> 8);
      reply[1] = (byte) q.getHeader().getID();
      System.arraycopy(junk, 0, reply, 2, junk.length);
      return reply;
    };
  }

  /** Answers correctly (one A record, 192.0.2.1) but with a message ID one off the query's. */
  public static Responder wrongId() {
    return q -> {
      Message m = answer(q, Rcode.NOERROR, false);
      m.getHeader().setID((q.getHeader().getID() + 1) & 0xffff);
      return m.toWire();
    };
  }

  /** Answers with the TC bit set and an empty answer section, as a server does when the answer does not fit. */
  public static Responder truncated() {
    return q -> answer(q, Rcode.NOERROR, true).toWire();
  }

  /** Answers with response code {@code rcode} and no records. */
  public static Responder rcode(int rcode) {
    return q -> {
      Message m = new Message(q.getHeader().getID());
      m.getHeader().setFlag(Flags.QR);
      copyRd(q, m);
      m.getHeader().setRcode(rcode);
      m.addRecord(q.getQuestion(), Section.QUESTION);
      return m.toWire();
    };
  }

  /** Answers one A record, 192.0.2.1, for any A question. */
  public static Responder oneAddress() {
    return q -> answer(q, Rcode.NOERROR, false).toWire();
  }

  /**
   * Answers one A record for another name than asked ({@code elsewhere.invalid.}), the question
   * section naming that other name too: a reply to another question (RFC 5452 section 9.1).
   */
  public static Responder wrongQuestion() {
    return q -> {
      Message other = new Message(q.getHeader().getID());
      other.getHeader().setFlag(Flags.QR);
      other.getHeader().setFlag(Flags.AA);
      copyRd(q, other);
      Name elsewhere = Name.fromConstantString("elsewhere.invalid.");
      other.addRecord(Record.newRecord(elsewhere, q.getQuestion().getType(), DClass.IN), Section.QUESTION);
      other.addRecord(new ARecord(elsewhere, DClass.IN, 30, new byte[] {(byte) 192, 0, 2, 66}), Section.ANSWER);
      return other.toWire();
    };
  }

  /**
   * Answers our question with NOERROR, but the one A record in the answer section is owned by
   * another name ({@code intruder.invalid.}, 192.0.2.66): a record that is not an answer.
   */
  public static Responder foreignOwner() {
    return q -> {
      Message m = answer(q, Rcode.NOERROR, true);
      m.getHeader().unsetFlag(Flags.TC);
      m.addRecord(new ARecord(Name.fromConstantString("intruder.invalid."), DClass.IN, 30,
          new byte[] {(byte) 192, 0, 2, 66}), Section.ANSWER);
      return m.toWire();
    };
  }

  /**
   * Answers our question with one A record whose owner name is 321 octets long (five labels of 63
   * letters), over the 255 octets a DNS name may have (RFC 1035 3.1); written byte by byte, as no
   * DNS library builds such a name.
   */
  public static Responder longOwnerName() {
    return q -> {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      java.io.DataOutputStream o = new java.io.DataOutputStream(b);
      try {
        o.writeShort(q.getHeader().getID());
        o.writeShort(0x8180);
        o.writeShort(1);
        o.writeShort(1);
        o.writeShort(0);
        o.writeShort(0);
        o.write(q.getQuestion().getName().toWire());
        o.writeShort(q.getQuestion().getType());
        o.writeShort(DClass.IN);
        for (int i = 0; i < 5; i++) {
          o.write(63);
          o.write("a".repeat(63).getBytes(StandardCharsets.US_ASCII));
        }
        o.write(0);
        o.writeShort(1);
        o.writeShort(DClass.IN);
        o.writeInt(30);
        o.writeShort(4);
        o.write(new byte[] {(byte) 192, 0, 2, 1});
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return b.toByteArray();
    };
  }

  /**
   * Answers an SRV question with {@code n} records whose targets are {@code t0.example.},
   * {@code t1.example.} … (no addresses in the additional section, so each target needs a
   * follow-up), and any other question not at all.
   */
  public static Responder srvTargetsThenSilence(int n) {
    return q -> {
      if (q.getQuestion().getType() != org.xbill.DNS.Type.SRV) {
        return null;
      }
      Message m = answer(q, Rcode.NOERROR, true);
      m.getHeader().unsetFlag(Flags.TC);
      for (int i = 0; i < n; i++) {
        m.addRecord(new org.xbill.DNS.SRVRecord(q.getQuestion().getName(), DClass.IN, 30, 0, 1, 39135,
            Name.fromConstantString("t" + i + ".example.")), Section.ANSWER);
      }
      return m.toWire();
    };
  }

  /** Answers {@code first} for the first {@code n} queries, then {@code then}. */
  public static Responder firstThen(int n, Responder first, Responder then) {
    AtomicInteger seen = new AtomicInteger();
    return q -> seen.incrementAndGet() <= n ? first.apply(q) : then.apply(q);
  }

  private static void copyRd(Message q, Message m) {
    if (q.getHeader().getFlag(Flags.RD)) {
      m.getHeader().setFlag(Flags.RD);
    }
  }

  private static Message answer(Message q, int rcode, boolean tc) {
    Message m = new Message(q.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setFlag(Flags.AA);
    copyRd(q, m);
    m.getHeader().setRcode(rcode);
    if (tc) {
      m.getHeader().setFlag(Flags.TC);
    }
    Record question = q.getQuestion();
    m.addRecord(question, Section.QUESTION);
    if (!tc) {
      m.addRecord(new ARecord(question.getName(), DClass.IN, 30, new byte[] {(byte) 192, 0, 2, 1}), Section.ANSWER);
    }
    return m;
  }

  private void serveUdp(Responder responder) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[65535];
      try (DatagramSocket other = behaviour.udpFromAnotherPort()
          ? new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)) : null) {
        while (!udp.isClosed()) {
          try {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            udp.receive(p);
            queries.incrementAndGet();
            Message query = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
            log("udp", query);
            byte[] reply = responder.apply(query);
            if (reply != null) {
              (other != null ? other : udp).send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
            }
          } catch (SocketException closed) {
            return;
          } catch (IOException e) {
            // an unparsable query: ignore it, as a server would
          }
        }
      } catch (SocketException e) {
        // no second socket: nothing served
      }
    }, "fake-dns-udp");
    t.setDaemon(true);
    t.start();
  }

  private void serveTcp(Responder responder) {
    Thread t = new Thread(() -> {
      while (!tcp.isClosed()) {
        try (Socket s = tcp.accept()) {
          queries.incrementAndGet();
          DataInputStream in = new DataInputStream(s.getInputStream());
          byte[] query = new byte[in.readUnsignedShort()];
          in.readFully(query);
          Message parsed = new Message(query);
          log("tcp", parsed);
          byte[] reply = responder.apply(parsed);
          if (reply != null) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            byte[] framed = new byte[reply.length + 2];
            framed[0] = (byte) (reply.length >> 8);
            framed[1] = (byte) reply.length;
            System.arraycopy(reply, 0, framed, 2, reply.length);
            if (behaviour.tcpDripPerByte() == null) {
              out.write(framed);
              out.flush();
            } else {
              for (byte x : framed) {
                out.write(x);
                out.flush();
                Thread.sleep(behaviour.tcpDripPerByte().toMillis());
                if (tcp.isClosed()) {
                  break;
                }
              }
            }
          }
        } catch (SocketException closed) {
          if (tcp.isClosed()) {
            return;
          }
        } catch (IOException e) {
          // the client went away: wait for the next one
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "fake-dns-tcp");
    t.setDaemon(true);
    t.start();
  }

  /** The port (UDP, and TCP when served). */
  public int port() {
    return udp.getLocalPort();
  }

  /** The server's address. */
  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
  }

  /** The server as written on a command line: {@code 127.0.0.1:port}. */
  public String hostPort() {
    return "127.0.0.1:" + port();
  }

  /** How many queries arrived so far (UDP datagrams and TCP connections). */
  public int queries() {
    return queries.get();
  }

  /** Every query that arrived so far, in order. */
  public List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  /**
   * When each query arrived, in milliseconds after {@code originNanos} ({@link System#nanoTime}), for
   * comparing retry schedules.
   */
  public List<Long> arrivalMillis(long originNanos) {
    return arrivals.stream().map(a -> (a.nanos() - originNanos) / 1_000_000).toList();
  }

  private void log(String transport, Message query) {
    Record q = query.getQuestion();
    arrivals.add(new Arrival(System.nanoTime(), transport, query.getHeader().getID(),
        q == null ? "(none)" : q.getName() + " " + org.xbill.DNS.Type.string(q.getType())));
  }

  /** Stops serving. */
  @Override
  public void close() {
    udp.close();
    if (tcp != null) {
      try {
        tcp.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
