package dev.clusterctl.erlang.dist;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The initiating side of the version-6 distribution handshake
 * (<a href="https://www.erlang.org/doc/apps/erts/erl_dist_protocol.html#distribution-handshake">spec</a>),
 * run as a hidden node. It records what it learns as it goes, so that a failure at a later
 * step still reports the status and the name the node announced for itself.
 */
final class Handshake {

  /** Largest status message accepted ({@code 's'} plus a short word). */
  static final int MAX_STATUS = 256;
  /** Largest challenge accepted: 19 fixed bytes, a node name, and room for trailing bytes. */
  static final int MAX_CHALLENGE = 2048;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final PeerChannel channel;
  private final String ourName;
  private final long ourCreation;

  private HandshakeStatus status;
  private String announcedName;
  private long peerFlags;
  private long peerCreation;
  private CookieCheck cookie = CookieCheck.NOT_TESTED;

  Handshake(PeerChannel channel, String ourName, long ourCreation) {
    this.channel = channel;
    this.ourName = ourName;
    this.ourCreation = ourCreation;
  }

  /**
   * Runs the handshake: up to the challenge without a cookie, to the ack with one. Returns true
   * when the connection is up (status ok and cookie accepted).
   */
  boolean run(Optional<Cookie> withCookie) throws IOException {
    sendName();
    readStatus();
    if (!status.proceeds()) {
      return false;
    }
    long challenge = readChallenge();
    if (withCookie.isEmpty()) {
      return false;
    }
    return replyAndAck(withCookie.get(), challenge);
  }

  private void sendName() throws IOException {
    byte[] name = ourName.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + 2 + name.length);
    b.put((byte) 'N').putLong(DistFlags.PROBE).putInt((int) ourCreation).putShort((short) name.length).put(name);
    channel.writeHandshakeFrame(b.array());
  }

  private void readStatus() throws IOException {
    byte[] msg = channel.readHandshakeFrame(MAX_STATUS, "waiting for the node's status");
    if (msg[0] != 's') {
      throw new DistProtocolException(
          "expected a status message ('s') from the node, got byte " + (msg[0] & 0xFF) + describe(msg));
    }
    String statusText = new String(msg, 1, msg.length - 1, StandardCharsets.ISO_8859_1);
    status =
        HandshakeStatus.fromWire(statusText)
            .orElseThrow(() -> new DistProtocolException("unknown handshake status '" + EpmdClient.printable(statusText) + "'"));
    if (status == HandshakeStatus.ALIVE) {
      // Answering "true" would make the node drop its existing connection from a node of our
      // name; a probe must never disturb a running cluster, so it always answers "false".
      channel.writeHandshakeFrame("sfalse".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private long readChallenge() throws IOException {
    byte[] msg = channel.readHandshakeFrame(MAX_CHALLENGE, "waiting for the node's challenge");
    if (msg[0] == 'n') {
      throw new DistProtocolException(
          "the node answered with a version-5 challenge ('n'): it runs OTP 22 or older, which this probe does not speak");
    }
    if (msg[0] != 'N') {
      throw new DistProtocolException(
          "expected a challenge ('N') from the node, got byte " + (msg[0] & 0xFF) + describe(msg));
    }
    if (msg.length < 19) {
      throw new DistProtocolException("challenge too short: " + msg.length + " bytes, at least 19 expected");
    }
    ByteBuffer b = ByteBuffer.wrap(msg, 1, msg.length - 1);
    peerFlags = b.getLong();
    long challenge = b.getInt() & 0xFFFFFFFFL;
    peerCreation = b.getInt() & 0xFFFFFFFFL;
    int nlen = b.getShort() & 0xFFFF;
    if (nlen > b.remaining()) {
      throw new DistProtocolException(
          "challenge announces a " + nlen + "-byte node name but holds only " + b.remaining() + " bytes");
    }
    announcedName = new String(msg, b.position(), nlen, StandardCharsets.UTF_8);
    return challenge;
  }

  private boolean replyAndAck(Cookie c, long challenge) throws IOException {
    long mine = RANDOM.nextInt() & 0xFFFFFFFFL;
    ByteBuffer reply = ByteBuffer.allocate(1 + 4 + 16);
    reply.put((byte) 'r').putInt((int) mine).put(c.digest(challenge));
    channel.writeHandshakeFrame(reply.array());
    byte[] ack;
    try {
      ack = channel.readHandshakeFrame(MAX_STATUS, "waiting for the node's challenge ack");
    } catch (EOFException | SocketException e) {
      // The node closes without a word when our digest does not match its cookie
      // (it logs "Connection attempt from node ... rejected. Invalid challenge reply.").
      cookie = CookieCheck.REJECTED;
      return false;
    }
    if (ack[0] != 'a' || ack.length != 17) {
      throw new DistProtocolException(
          "expected a challenge ack ('a' and 16 bytes) from the node, got byte " + (ack[0] & 0xFF) + describe(ack));
    }
    byte[] digest = new byte[16];
    System.arraycopy(ack, 1, digest, 0, 16);
    if (!MessageDigest.isEqual(digest, c.digest(mine))) {
      throw new DistProtocolException("the node's challenge ack does not match our cookie");
    }
    cookie = CookieCheck.ACCEPTED;
    return true;
  }

  private static String describe(byte[] msg) {
    return " (" + msg.length + "-byte message)";
  }

  /** The status the node answered, when it got that far. */
  Optional<HandshakeStatus> status() {
    return Optional.ofNullable(status);
  }

  /** The name the node announced for itself in its challenge, when it got that far. */
  Optional<String> announcedName() {
    return Optional.ofNullable(announcedName);
  }

  /** The node's capability flags from its challenge (0 before it). */
  long peerFlags() {
    return peerFlags;
  }

  /** The node's creation from its challenge (0 before it). */
  long peerCreation() {
    return peerCreation;
  }

  /** The cookie result so far. */
  CookieCheck cookie() {
    return cookie;
  }
}
