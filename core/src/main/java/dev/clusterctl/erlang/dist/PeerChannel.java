package dev.clusterctl.erlang.dist;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One TCP connection to a peer (EPMD or a node) bounded by an absolute deadline: every read waits
 * at most until the deadline, so a peer that stalls or trickles bytes cannot hold the probe
 * longer than its timeout. Reads say what they were waiting for, which ends up in the one-line
 * error.
 */
final class PeerChannel implements Closeable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final long deadlineNanos;
  private final long timeoutMs;

  private PeerChannel(Socket socket, long deadlineNanos, long timeoutMs) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.deadlineNanos = deadlineNanos;
    this.timeoutMs = timeoutMs;
  }

  /** Connects to {@code address} before {@code deadlineNanos} ({@link System#nanoTime()} based). */
  static PeerChannel connect(InetSocketAddress address, long deadlineNanos, long timeoutMs) throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(address, remainingMs(deadlineNanos, timeoutMs, "connecting"));
      return new PeerChannel(s, deadlineNanos, timeoutMs);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** The local address of the connection (used as the host part of the probe's own node name). */
  java.net.InetAddress localAddress() {
    return socket.getLocalAddress();
  }

  private static int remainingMs(long deadlineNanos, long timeoutMs, String waitingFor) throws SocketTimeoutException {
    long ms = (deadlineNanos - System.nanoTime()) / 1_000_000L;
    if (ms <= 0) {
      throw new SocketTimeoutException("timed out after " + timeoutMs + " ms " + waitingFor);
    }
    return (int) Math.min(ms, Integer.MAX_VALUE);
  }

  /** Reads exactly {@code n} bytes; EOF and timeouts name {@code waitingFor}. */
  byte[] readFully(int n, String waitingFor) throws IOException {
    byte[] b = new byte[n];
    int off = 0;
    while (off < n) {
      socket.setSoTimeout(remainingMs(deadlineNanos, timeoutMs, waitingFor));
      int r;
      try {
        r = in.read(b, off, n - off);
      } catch (SocketTimeoutException e) {
        throw new SocketTimeoutException("timed out after " + timeoutMs + " ms " + waitingFor);
      }
      if (r < 0) {
        throw new EOFException(
            "connection closed by the peer " + waitingFor
                + (off > 0 ? " (after " + off + " of " + n + " bytes)" : ""));
      }
      off += r;
    }
    return b;
  }

  /** Reads whatever the peer sends until it closes, at most {@code max} bytes. */
  byte[] readToEnd(int max, String waitingFor) throws IOException {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    while (true) {
      socket.setSoTimeout(remainingMs(deadlineNanos, timeoutMs, waitingFor));
      int r;
      try {
        r = in.read(chunk);
      } catch (SocketTimeoutException e) {
        throw new SocketTimeoutException("timed out after " + timeoutMs + " ms " + waitingFor);
      }
      if (r < 0) {
        return buf.toByteArray();
      }
      if (buf.size() + r > max) {
        throw new DistProtocolException("more than " + max + " bytes " + waitingFor);
      }
      buf.write(chunk, 0, r);
    }
  }

  /** Reads a handshake message ({@code Len:u16 | payload}) of at most {@code max} bytes. */
  byte[] readHandshakeFrame(int max, String waitingFor) throws IOException {
    byte[] len = readFully(2, waitingFor);
    int n = ((len[0] & 0xFF) << 8) | (len[1] & 0xFF);
    if (n == 0) {
      throw new DistProtocolException("empty handshake message " + waitingFor);
    }
    if (n > max) {
      throw new DistProtocolException(
          "oversized handshake message " + waitingFor + ": " + n + " bytes announced, at most " + max + " expected");
    }
    return readFully(n, waitingFor);
  }

  /** Reads a connected-state frame ({@code Len:u32 | payload}); a tick is an empty array. */
  byte[] readFrame(int max, String waitingFor) throws IOException {
    byte[] len = readFully(4, waitingFor);
    long n = ((len[0] & 0xFFL) << 24) | ((len[1] & 0xFFL) << 16) | ((len[2] & 0xFFL) << 8) | (len[3] & 0xFFL);
    if (n > max) {
      throw new DistProtocolException(
          "oversized frame " + waitingFor + ": " + n + " bytes announced, at most " + max + " accepted");
    }
    return n == 0 ? new byte[0] : readFully((int) n, waitingFor);
  }

  /** Writes {@code payload} prefixed with its length as a u16 (handshake framing). */
  void writeHandshakeFrame(byte[] payload) throws IOException {
    byte[] frame = new byte[payload.length + 2];
    frame[0] = (byte) (payload.length >>> 8);
    frame[1] = (byte) payload.length;
    System.arraycopy(payload, 0, frame, 2, payload.length);
    write(frame);
  }

  /** Writes {@code payload} prefixed with its length as a u32 (connected framing). */
  void writeFrame(byte[] payload) throws IOException {
    byte[] frame = new byte[payload.length + 4];
    int n = payload.length;
    frame[0] = (byte) (n >>> 24);
    frame[1] = (byte) (n >>> 16);
    frame[2] = (byte) (n >>> 8);
    frame[3] = (byte) n;
    System.arraycopy(payload, 0, frame, 4, n);
    write(frame);
  }

  /** Writes raw bytes. */
  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a socket we are done with; nothing to report
    }
  }
}
