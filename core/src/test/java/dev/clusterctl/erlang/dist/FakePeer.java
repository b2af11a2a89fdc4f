package dev.clusterctl.erlang.dist;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process peer on 127.0.0.1 that plays a script on every connection: the unit tests use it
 * to send what real nodes never do (short reads, oversized frames, garbage, stalls).
 */
final class FakePeer implements AutoCloseable {

  /** What the peer does with one accepted connection. */
  interface Script {
    void play(DataInputStream in, DataOutputStream out) throws Exception;
  }

  private final ServerSocket server;
  private final Thread acceptor;
  private final CopyOnWriteArrayList<Socket> sockets = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();

  FakePeer(Script script) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    acceptor = new Thread(() -> acceptLoop(script), "fake-peer-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop(Script script) {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        sockets.add(s);
        Thread t = new Thread(() -> serve(s, script));
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s, Script script) {
    maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    try (s) {
      script.play(new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()));
    } catch (Exception e) {
      if (!s.isClosed()) {
        failures.add(e);
      }
    } finally {
      open.decrementAndGet();
    }
  }

  int port() {
    return server.getLocalPort();
  }

  /** The most connections this peer served at the same time. */
  int maxConcurrentConnections() {
    return maxOpen.get();
  }

  /** Exceptions the script threw (assertions on what the probe sent). */
  java.util.List<Throwable> failures() {
    return failures;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }

  // --- helpers for scripts ---

  /** Reads a u16-framed handshake message. */
  static byte[] readHandshake(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  /** Writes a u16-framed handshake message. */
  static void writeHandshake(DataOutputStream out, byte[] payload) throws IOException {
    out.writeShort(payload.length);
    out.write(payload);
    out.flush();
  }

  /** The challenge message {@code 'N' | flags | challenge | creation | nlen | name}. */
  static byte[] challenge(String name, long challenge) {
    byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(19 + n.length);
    b.put((byte) 'N').putLong(DistFlags.PROBE | DistFlags.PUBLISHED).putInt((int) challenge).putInt(7)
        .putShort((short) n.length).put(n);
    return b.array();
  }

  /** Sleeps, ignoring interruption (the probe side closes the socket to end a stalled script). */
  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
