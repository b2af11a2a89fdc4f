package dev.clusterctl.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.xbill.DNS.Message;
import org.xbill.DNS.WireParseException;

/**
 * The network {@link DnsClient}: one blocking socket per question, messages encoded and decoded
 * by dnsjava's {@link Message}. No EDNS is added (as Erlang's {@code inet_res} and glibc ask by
 * default), so UDP answers are limited to 512 bytes (RFC 1035 4.2.1); TCP messages carry the
 * two-byte length prefix (RFC 1035 4.2.2). No background thread is started.
 *
 * <p>A UDP datagram with another message ID is not the answer (RFC 5452 section 9.1): it is
 * skipped and the wait goes on; when only such datagrams arrived, the failure says so.
 */
public final class SocketDnsClient implements DnsClient {

  private static final int MAX_UDP = 65535;

  @Override
  public Message send(Message query, InetSocketAddress server, Transport transport, Duration timeout)
      throws IOException {
    return transport == Transport.TCP ? tcp(query, server, timeout) : udp(query, server, timeout);
  }

  private static Message udp(Message query, InetSocketAddress server, Duration timeout) throws IOException {
    byte[] wire = query.toWire();
    int id = query.getHeader().getID();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.connect(server);
      socket.send(new DatagramPacket(wire, wire.length));
      byte[] buf = new byte[MAX_UDP];
      int wrongId = -1;
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          throw timeout(wrongId, id);
        }
        socket.setSoTimeout((int) Math.max(1, left));
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
          socket.receive(p);
        } catch (SocketTimeoutException e) {
          throw timeout(wrongId, id);
        }
        if (p.getLength() >= 2) {
          int got = ((buf[0] & 0xff) << 8) | (buf[1] & 0xff);
          if (got != id) {
            wrongId = got;
            continue;
          }
        }
        return parse(buf, p.getLength());
      }
    }
  }

  private static IOException timeout(int wrongId, int id) {
    if (wrongId >= 0) {
      return new WireParseException("only answers with the wrong message ID arrived (expected " + id + ", got " + wrongId + ")");
    }
    return new SocketTimeoutException("no answer");
  }

  private static Message tcp(Message query, InetSocketAddress server, Duration timeout) throws IOException {
    byte[] wire = query.toWire();
    int millis = (int) Math.max(1, timeout.toMillis());
    try (Socket socket = new Socket()) {
      socket.connect(server, millis);
      socket.setSoTimeout(millis);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeShort(wire.length);
      out.write(wire);
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int length;
      try {
        length = in.readUnsignedShort();
      } catch (EOFException e) {
        throw new EOFException("the server closed the TCP connection without answering");
      }
      byte[] buf = new byte[length];
      try {
        in.readFully(buf);
      } catch (EOFException e) {
        throw new EOFException("the TCP answer ended after fewer than the " + length + " bytes announced");
      }
      return parse(buf, length);
    }
  }

  private static Message parse(byte[] buf, int length) throws WireParseException {
    byte[] data = length == buf.length ? buf : java.util.Arrays.copyOf(buf, length);
    try {
      return new Message(data);
    } catch (WireParseException e) {
      throw e;
    } catch (IOException e) {
      throw new WireParseException(e.getMessage());
    }
  }
}
