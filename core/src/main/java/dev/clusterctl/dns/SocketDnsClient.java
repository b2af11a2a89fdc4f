package dev.clusterctl.dns;

import dev.clusterctl.time.Deadline;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import org.xbill.DNS.Message;

/**
 * The network {@link DnsClient}: one non-blocking NIO channel and {@link Selector} per question,
 * so that every wait ends at its deadline, whatever the server does (a TCP answer dripped a byte
 * at a time ends at the deadline, not after a timeout per read), and at once when the thread is
 * interrupted ({@link Selector#select(long)} returns when its thread is interrupted; no polling).
 * No EDNS is added (as Erlang's {@code inet_res} and glibc ask by default), so UDP answers are
 * limited to 512 bytes (RFC 1035 4.2.1); TCP messages carry the two-byte length prefix (RFC 1035
 * 4.2.2). UDP sockets are connected, so datagrams from any other address or port are dropped by the
 * kernel, as {@code inet_res} drops them. No background thread is started.
 *
 * <p>Hand-written rather than dnsjava's {@code SimpleResolver}/{@code NioClient}: those share one
 * selector thread per JVM, check the reply themselves and hide every reply they drop, while the
 * resolver here must see each reply to apply the node's own rules to it.
 */
public final class SocketDnsClient implements DnsClient {

  private static final int MAX_MESSAGE = 65535;

  @Override
  public Conversation send(Message query, InetSocketAddress server, Transport transport, Deadline deadline)
      throws IOException {
    byte[] wire = query.toWire();
    return transport == Transport.TCP ? Tcp.open(server, wire, deadline) : Udp.open(server, wire);
  }

  /** Waits on {@code selector} until something is ready, the deadline passes or the thread is interrupted. */
  private static void await(Selector selector, Deadline deadline, String arrived) throws IOException {
    long ms = deadline.remainingMillis();
    if (ms == 0) {
      throw new SocketTimeoutException(arrived);
    }
    selector.select(ms);
    selector.selectedKeys().clear();
    if (Thread.currentThread().isInterrupted()) {
      throw new ClosedByInterruptException();
    }
  }

  private static void closeQuietly(SelectableChannel channel, Selector selector) {
    try {
      if (selector != null) {
        selector.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
    try {
      channel.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** One datagram out, datagrams back from the connected server. */
  private static final class Udp implements Conversation {
    private final DatagramChannel channel;
    private final Selector selector;
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_MESSAGE);

    private Udp(DatagramChannel channel, Selector selector) {
      this.channel = channel;
      this.selector = selector;
    }

    static Udp open(InetSocketAddress server, byte[] wire) throws IOException {
      DatagramChannel channel = DatagramChannel.open();
      Selector selector = null;
      try {
        channel.configureBlocking(false);
        channel.connect(server);
        selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        if (channel.write(ByteBuffer.wrap(wire)) != wire.length) {
          throw new IOException("the question could not be sent (no buffer space)");
        }
        return new Udp(channel, selector);
      } catch (IOException | RuntimeException e) {
        closeQuietly(channel, selector);
        throw e;
      }
    }

    @Override
    public byte[] receive(Deadline deadline) throws IOException {
      while (true) {
        buffer.clear();
        int n = channel.read(buffer);
        if (n > 0) {
          return Arrays.copyOf(buffer.array(), n);
        }
        await(selector, deadline, null);
      }
    }

    @Override
    public void close() {
      closeQuietly(channel, selector);
    }
  }

  /** A TCP connection: the question with its length prefix out, length-prefixed messages back. */
  private static final class Tcp implements Conversation {
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;

    private Tcp(SocketChannel channel, Selector selector, SelectionKey key) {
      this.channel = channel;
      this.selector = selector;
      this.key = key;
    }

    static Tcp open(InetSocketAddress server, byte[] wire, Deadline deadline) throws IOException {
      SocketChannel channel = SocketChannel.open();
      Selector selector = null;
      try {
        channel.configureBlocking(false);
        selector = Selector.open();
        SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
        if (!channel.connect(server)) {
          while (!channel.finishConnect()) {
            await(selector, deadline, "the TCP connection was not accepted");
          }
        }
        ByteBuffer out = ByteBuffer.allocate(2 + wire.length);
        out.putShort((short) wire.length).put(wire).flip();
        key.interestOps(SelectionKey.OP_WRITE);
        while (out.hasRemaining()) {
          channel.write(out);
          if (out.hasRemaining()) {
            await(selector, deadline, "the question could not be sent");
          }
        }
        key.interestOps(SelectionKey.OP_READ);
        return new Tcp(channel, selector, key);
      } catch (IOException | RuntimeException e) {
        closeQuietly(channel, selector);
        throw e;
      }
    }

    @Override
    public byte[] receive(Deadline deadline) throws IOException {
      ByteBuffer length = ByteBuffer.allocate(2);
      fill(length, deadline, -1);
      int size = length.getShort(0) & 0xffff;
      ByteBuffer body = ByteBuffer.allocate(size);
      fill(body, deadline, size);
      return body.array();
    }

    /** Reads until {@code buffer} is full, by {@code deadline}; {@code announced} is the message length ({@code -1} while reading it). */
    private void fill(ByteBuffer buffer, Deadline deadline, int announced) throws IOException {
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer);
        if (n < 0) {
          throw new EOFException(announced < 0 && buffer.position() == 0
              ? "the server closed the TCP connection without answering"
              : "the TCP answer ended after fewer than the " + Math.max(announced, 2) + " bytes announced");
        }
        if (n == 0) {
          await(selector, deadline, announced < 0
              ? (buffer.position() == 0 ? null : "only part of the answer's length arrived")
              : buffer.position() + " of the " + announced + " bytes announced arrived");
        }
      }
    }

    @Override
    public void close() {
      key.cancel();
      closeQuietly(channel, selector);
    }
  }
}
