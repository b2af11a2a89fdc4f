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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
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
 * TCP responder nothing listens on TCP, so a TCP connection is refused.
 */
public final class FakeDnsServer implements AutoCloseable {

  /** Produces the raw reply to a query, or {@code null} for none. */
  @FunctionalInterface
  public interface Responder extends Function<Message, byte[]> {}

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final AtomicInteger queries = new AtomicInteger();

  private FakeDnsServer(DatagramSocket udp, ServerSocket tcp) {
    this.udp = udp;
    this.tcp = tcp;
  }

  /** Starts serving: {@code udpResponder} on UDP and, when not {@code null}, {@code tcpResponder} on TCP. */
  public static FakeDnsServer start(Responder udpResponder, Responder tcpResponder) {
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
        FakeDnsServer server = new FakeDnsServer(udp, tcp);
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
      m.getHeader().setRcode(rcode);
      m.addRecord(q.getQuestion(), Section.QUESTION);
      return m.toWire();
    };
  }

  /** Answers one A record, 192.0.2.1, for any A question. */
  public static Responder oneAddress() {
    return q -> answer(q, Rcode.NOERROR, false).toWire();
  }

  private static Message answer(Message q, int rcode, boolean tc) {
    Message m = new Message(q.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setFlag(Flags.AA);
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
      while (!udp.isClosed()) {
        try {
          DatagramPacket p = new DatagramPacket(buf, buf.length);
          udp.receive(p);
          queries.incrementAndGet();
          byte[] reply = responder.apply(new Message(java.util.Arrays.copyOf(p.getData(), p.getLength())));
          if (reply != null) {
            udp.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
          }
        } catch (SocketException closed) {
          return;
        } catch (IOException e) {
          // an unparsable query: ignore it, as a server would
        }
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
          byte[] reply = responder.apply(new Message(query));
          if (reply != null) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeShort(reply.length);
            out.write(reply);
            out.flush();
          }
        } catch (SocketException closed) {
          if (tcp.isClosed()) {
            return;
          }
        } catch (IOException e) {
          // the client went away: wait for the next one
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
