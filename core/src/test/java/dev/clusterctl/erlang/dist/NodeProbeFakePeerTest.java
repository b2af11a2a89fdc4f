package dev.clusterctl.erlang.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.erlang.term.Atom;
import dev.clusterctl.erlang.term.IntTerm;
import dev.clusterctl.erlang.term.ListTerm;
import dev.clusterctl.erlang.term.Pid;
import dev.clusterctl.erlang.term.Term;
import dev.clusterctl.erlang.term.Tuple;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Protocol edge cases against in-process fake peers: each ends in a clear per-peer result, never a hang. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NodeProbeFakePeerTest {

  private static final String NAME = "app@127.0.0.1";
  private static final Cookie SECRET = Cookie.of("sesame");

  private static ProbeResult probe(FakePeer peer, ProbeOptions options) {
    try (NodeProbe p = new NodeProbe(options)) {
      return p.probe(ProbeTarget.of(NAME).withPort(peer.port()));
    }
  }

  private static ProbeOptions fast() {
    return ProbeOptions.defaults().withTimeout(Duration.ofMillis(700));
  }

  /** Plays a well-behaved node up to the challenge, the way OTP does. */
  private static long playUpToChallenge(DataInputStream in, DataOutputStream out, String announce) throws Exception {
    byte[] sendName = FakePeer.readHandshake(in);
    assertThat((char) sendName[0]).isEqualTo('N');
    long flags = ByteBuffer.wrap(sendName, 1, 8).getLong();
    assertThat(flags & DistFlags.PUBLISHED).as("the probe stays hidden").isZero();
    assertThat(flags & DistFlags.MANDATORY_OTP25).isEqualTo(DistFlags.MANDATORY_OTP25);
    FakePeer.writeHandshake(out, "sok".getBytes(StandardCharsets.US_ASCII));
    long challenge = 0xFEDCBA98L; // above 2^31: the digest must use the unsigned decimal
    FakePeer.writeHandshake(out, FakePeer.challenge(announce, challenge));
    return challenge;
  }

  /** Plays a node with cookie {@code cookie} through the ack; returns false when it rejected the probe. */
  private static boolean playFullHandshake(DataInputStream in, DataOutputStream out, Cookie cookie) throws Exception {
    long challenge = playUpToChallenge(in, out, NAME);
    byte[] reply = FakePeer.readHandshake(in);
    assertThat((char) reply[0]).isEqualTo('r');
    long theirs = ByteBuffer.wrap(reply, 1, 4).getInt() & 0xFFFFFFFFL;
    byte[] digest = java.util.Arrays.copyOfRange(reply, 5, 21);
    if (!MessageDigest.isEqual(digest, cookie.digest(challenge))) {
      return false;
    }
    ByteArrayOutputStream ack = new ByteArrayOutputStream();
    ack.write('a');
    ack.write(cookie.digest(theirs));
    FakePeer.writeHandshake(out, ack.toByteArray());
    return true;
  }

  @Test
  void shortReadsAreReassembled() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          ByteArrayOutputStream all = new ByteArrayOutputStream();
          DataOutputStream d = new DataOutputStream(all);
          FakePeer.writeHandshake(d, "sok".getBytes(StandardCharsets.US_ASCII));
          FakePeer.writeHandshake(d, FakePeer.challenge(NAME, 42));
          for (byte b : all.toByteArray()) { // one byte per TCP segment
            out.write(b);
            out.flush();
            FakePeer.sleep(2);
          }
          in.read();
        })) {
      ProbeResult r = probe(peer, fast().withTimeout(Duration.ofSeconds(5)));
      assertThat(r.error()).isEmpty();
      assertThat(r.status()).contains(HandshakeStatus.OK);
      assertThat(r.announcedName()).contains(NAME);
      assertThat(r.verdict()).isEqualTo(Verdict.REACHABLE);
    }
  }

  @Test
  void cookieDigestIsAcceptedByAPeerWithTheSameCookie() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          assertThat(playFullHandshake(in, out, SECRET)).isTrue();
          in.read();
        })) {
      ProbeResult r = probe(peer, fast().withCookie(SECRET));
      assertThat(r.cookie()).isEqualTo(CookieCheck.ACCEPTED);
      assertThat(r.verdict()).isEqualTo(Verdict.JOINABLE);
      assertThat(peer.failures()).isEmpty();
    }
  }

  @Test
  void aPeerThatClosesAfterTheDigestRejectedTheCookie() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> playFullHandshake(in, out, Cookie.of("other")))) {
      ProbeResult r = probe(peer, fast().withCookie(SECRET));
      assertThat(r.cookie()).isEqualTo(CookieCheck.REJECTED);
      assertThat(r.error()).isEmpty();
      assertThat(r.verdict()).isEqualTo(Verdict.COOKIE_REJECTED);
    }
  }

  @Test
  void oversizedHandshakeFrameIsAProtocolError() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          out.writeShort(65535);
          out.write(new byte[100]);
          out.flush();
          in.read();
        })) {
      ProbeResult r = probe(peer, fast());
      assertThat(r.error()).get().extracting(ProbeError::kind).isEqualTo(ProbeError.Kind.PROTOCOL);
      assertThat(r.error().get().message())
          .isEqualTo("node at 127.0.0.1:" + peer.port()
              + ": not an Erlang node (bad handshake): oversized handshake message waiting for the node's status: 65535 bytes announced, at most 256 expected");
      assertThat(r.verdict()).isEqualTo(Verdict.PROTOCOL_ERROR);
    }
  }

  @Test
  void garbageIsAProtocolErrorNamingWhatWasExpected() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          FakePeer.writeHandshake(out, "xyz".getBytes(StandardCharsets.US_ASCII));
          in.read();
        })) {
      ProbeResult r = probe(peer, fast());
      assertThat(r.error().get().kind()).isEqualTo(ProbeError.Kind.PROTOCOL);
      assertThat(r.error().get().message()).endsWith("expected a status message ('s') from the node, got byte 120 (3-byte message)");
    }
  }

  @Test
  void anHttpServerOnThePortIsAProtocolError() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        })) {
      ProbeResult r = probe(peer, fast());
      assertThat(r.error().get().kind()).isEqualTo(ProbeError.Kind.PROTOCOL);
      assertThat(r.error().get().message()).contains("oversized handshake message waiting for the node's status");
    }
  }

  @Test
  void unknownStatusIsAProtocolError() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          FakePeer.writeHandshake(out, "sweird\u0001".getBytes(StandardCharsets.ISO_8859_1));
          in.read();
        })) {
      ProbeResult r = probe(peer, fast());
      assertThat(r.error().get().message()).endsWith("unknown handshake status 'weird?'");
    }
  }

  @Test
  void notAllowedIsReportedAsTheNodesAnswer() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          FakePeer.writeHandshake(out, "snot_allowed".getBytes(StandardCharsets.US_ASCII));
        })) {
      ProbeResult r = probe(peer, fast());
      assertThat(r.status()).contains(HandshakeStatus.NOT_ALLOWED);
      assertThat(r.error()).isEmpty();
      assertThat(r.verdict()).isEqualTo(Verdict.NOT_ALLOWED);
    }
  }

  @Test
  void aliveIsAnsweredFalseSoTheExistingConnectionStays() throws Exception {
    java.util.concurrent.BlockingQueue<String> answers = new java.util.concurrent.LinkedBlockingQueue<>();
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          FakePeer.writeHandshake(out, "salive".getBytes(StandardCharsets.US_ASCII));
          answers.add(new String(FakePeer.readHandshake(in), StandardCharsets.US_ASCII));
        })) {
      ProbeResult r = probe(peer, fast());
      assertThat(r.status()).contains(HandshakeStatus.ALIVE);
      assertThat(r.verdict()).isEqualTo(Verdict.BUSY);
      assertThat(answers.poll(5, TimeUnit.SECONDS)).isEqualTo("sfalse");
    }
  }

  @Test
  void stallMidHandshakeTimesOutNamingTheStep() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          FakePeer.writeHandshake(out, "sok".getBytes(StandardCharsets.US_ASCII));
          in.read(); // never sends the challenge
        })) {
      ProbeResult r = probe(peer, fast());
      assertThat(r.status()).contains(HandshakeStatus.OK);
      assertThat(r.error().get().kind()).isEqualTo(ProbeError.Kind.TIMEOUT);
      assertThat(r.error().get().message())
          .isEqualTo("node at 127.0.0.1:" + peer.port() + ": timed out after 700 ms waiting for the node's challenge");
      assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
    }
  }

  @Test
  void aTricklingPeerIsBoundedByThePerPeerBudget() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          out.writeShort(200);
          for (int i = 0; i < 10_000; i++) { // a byte every 50 ms: each read succeeds, the whole never ends
            out.write('s');
            out.flush();
            FakePeer.sleep(50);
          }
        })) {
      ProbeResult r = probe(peer, fast());
      assertThat(r.error().get().kind()).isEqualTo(ProbeError.Kind.TIMEOUT);
      assertThat(r.error().get().message()).contains("waiting for the node's status");
    }
  }

  @Test
  void truncatedChallengeIsAProtocolError() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          FakePeer.writeHandshake(out, "sok".getBytes(StandardCharsets.US_ASCII));
          byte[] c = FakePeer.challenge(NAME, 1);
          c[17] = 0x7F; // name length far beyond the message
          FakePeer.writeHandshake(out, c);
          in.read();
        })) {
      ProbeResult r = probe(peer, fast());
      assertThat(r.error().get().message()).contains("challenge announces a 32525-byte node name but holds only 13 bytes");
    }
  }

  @Test
  void closeMidMessageIsReportedWithHowMuchArrived() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          FakePeer.writeHandshake(out, "sok".getBytes(StandardCharsets.US_ASCII));
          out.writeShort(40);
          out.write(new byte[] {'N', 0, 0});
          out.flush();
        })) {
      ProbeResult r = probe(peer, fast());
      assertThat(r.error().get().kind()).isEqualTo(ProbeError.Kind.CLOSED);
      assertThat(r.error().get().message())
          .endsWith("connection closed by the peer waiting for the node's challenge (after 3 of 40 bytes)");
    }
  }

  @Test
  void anOldVersion5ChallengeIsNamedAsSuch() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          FakePeer.writeHandshake(out, "sok".getBytes(StandardCharsets.US_ASCII));
          FakePeer.writeHandshake(out, new byte[] {'n', 0, 5, 0, 0, 0, 0, 1, 2, 3, 4, 'a', '@', 'b'});
          in.read();
        })) {
      ProbeResult r = probe(peer, fast());
      assertThat(r.error().get().message()).contains("version-5 challenge");
    }
  }

  @Test
  void epmdNotRegisteredAndEpmdGarbage() throws Exception {
    try (FakePeer epmd = new FakePeer((in, out) -> {
          byte[] req = FakePeer.readHandshake(in);
          assertThat(new String(req, StandardCharsets.US_ASCII)).isEqualTo("zapp");
          out.write(new byte[] {'w', 1});
          out.flush();
        });
        NodeProbe p = new NodeProbe(fast().withEpmdPort(epmd.port()))) {
      ProbeResult r = p.probe(ProbeTarget.of(NAME));
      assertThat(r.verdict()).isEqualTo(Verdict.NOT_REGISTERED);
      assertThat(r.error().get().message())
          .isEqualTo("EPMD at 127.0.0.1:" + epmd.port() + ": no node named 'app' is registered");
      assertThat(epmd.failures()).isEmpty();
    }
    try (FakePeer epmd = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          out.write("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        });
        NodeProbe p = new NodeProbe(fast().withEpmdPort(epmd.port()))) {
      ProbeResult r = p.probe(ProbeTarget.of(NAME));
      assertThat(r.error().get().kind()).isEqualTo(ProbeError.Kind.PROTOCOL);
      assertThat(r.error().get().message()).endsWith("not an EPMD reply: first byte 83, expected 119");
    }
  }

  @Test
  void epmdPortIsUsedForTheHandshake() throws Exception {
    try (FakePeer node = new FakePeer((in, out) -> {
          playUpToChallenge(in, out, NAME);
          in.read();
        });
        FakePeer epmd = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          ByteBuffer b = ByteBuffer.allocate(14 + 3 + 2);
          b.put((byte) 'w').put((byte) 0).putShort((short) node.port()).put((byte) 77).put((byte) 0)
              .putShort((short) 6).putShort((short) 6).putShort((short) 3).put("app".getBytes(StandardCharsets.US_ASCII))
              .putShort((short) 0);
          out.write(b.array());
          out.flush();
        });
        NodeProbe p = new NodeProbe(fast().withEpmdPort(epmd.port()))) {
      ProbeResult r = p.probe(ProbeTarget.of(NAME));
      assertThat(r.portSource()).isEqualTo(PortSource.EPMD);
      assertThat(r.port()).hasValue(node.port());
      assertThat(r.epmd().get()).isEqualTo(new EpmdEntry(node.port(), false, 0, 6, 6, "app"));
      assertThat(r.verdict()).isEqualTo(Verdict.REACHABLE);
    }
  }

  @Test
  void rexAnswersTicksSkipsOtherFramesAndReadsTheReply() throws Exception {
    List<Boolean> tickAnswered = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (FakePeer peer = new FakePeer((in, out) -> {
          assertThat(playFullHandshake(in, out, SECRET)).isTrue();
          int len = in.readInt();
          byte[] req = new byte[len];
          in.readFully(req);
          EtfDecoder d = new EtfDecoder(req, 1, req.length);
          Tuple ctl = (Tuple) d.readVersionedTerm();
          assertThat(ctl.get(0)).isEqualTo(IntTerm.of(6));
          assertThat(ctl.get(3)).isEqualTo(new Atom("rex"));
          Tuple msg = (Tuple) d.readVersionedTerm();
          Pid from = (Pid) msg.get(0);
          assertThat(msg.get(1)).isEqualTo(Tuple.of(new Atom("call"), new Atom("erlang"), new Atom("nodes"),
              ListTerm.NIL, new Atom("user")));
          out.writeInt(0); // a tick
          out.flush();
          tickAnswered.add(in.readInt() == 0);
          writeSend(out, Tuple.of(IntTerm.of(2), new Atom(""), from), Tuple.of(new Atom("other"), new Atom("noise")));
          writeSend(out, Tuple.of(IntTerm.of(2), new Atom(""), from),
              Tuple.of(new Atom("rex"), ListTerm.of(List.of(new Atom("b@10.0.0.2"), new Atom("c@10.0.0.3")))));
          in.read();
        })) {
      ProbeResult r = probe(peer, fast().withCookie(SECRET).withListNodes(true));
      assertThat(r.nodes()).contains(List.of("b@10.0.0.2", "c@10.0.0.3"));
      assertThat(r.verdict()).isEqualTo(Verdict.JOINABLE);
      assertThat(tickAnswered).containsExactly(true);
      assertThat(peer.failures()).isEmpty();
    }
  }

  @Test
  void anOversizedFrameAfterTheHandshakeFailsOnlyTheRpc() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          playFullHandshake(in, out, SECRET);
          in.readFully(new byte[in.readInt()]);
          out.writeInt(Integer.MAX_VALUE);
          out.flush();
          in.read();
        })) {
      ProbeResult r = probe(peer, fast().withCookie(SECRET).withListNodes(true));
      assertThat(r.verdict()).isEqualTo(Verdict.JOINABLE);
      assertThat(r.nodes()).isEmpty();
      assertThat(r.nodesError().get().kind()).isEqualTo(ProbeError.Kind.PROTOCOL);
      assertThat(r.nodesError().get().message())
          .contains("oversized frame waiting for the answer to rpc erlang:nodes/0: 2147483647 bytes announced");
    }
  }

  @Test
  void manyStallingPeersAreProbedConcurrently() throws Exception {
    int n = 8;
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          in.read();
        });
        NodeProbe p = new NodeProbe(fast().withTimeout(Duration.ofMillis(1500)).withConcurrency(n))) {
      List<ProbeTarget> targets = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        targets.add(ProbeTarget.of("app" + i + "@127.0.0.1").withPort(peer.port()));
      }
      List<ProbeResult> rs = p.probeAll(targets);
      assertThat(rs).extracting(ProbeResult::expectedName).containsExactlyElementsOf(
          targets.stream().map(ProbeTarget::expectedName).toList());
      assertThat(rs).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT));
      assertThat(peer.maxConcurrentConnections()).isEqualTo(n);
      assertThat(p.mostConcurrentProbes()).isEqualTo(n);
    }
  }

  @Test
  void concurrencyIsBounded() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          in.read();
        });
        NodeProbe p = new NodeProbe(fast().withTimeout(Duration.ofMillis(600)).withConcurrency(2))) {
      List<ProbeTarget> targets = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        targets.add(ProbeTarget.of("app" + i + "@127.0.0.1").withPort(peer.port()));
      }
      assertThat(p.probeAll(targets)).hasSize(6).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT));
      // counted by the prober: the peer sees a closed connection only a moment after the prober closed it
      assertThat(p.mostConcurrentProbes()).isEqualTo(2);
    }
  }

  @Test
  void unknownHostIsOneLine() {
    try (NodeProbe p = new NodeProbe(fast())) {
      ProbeResult r = p.probe(ProbeTarget.of("app@no-such-host.invalid").withPort(1));
      assertThat(r.error().get().kind()).isIn(ProbeError.Kind.UNKNOWN_HOST, ProbeError.Kind.TIMEOUT);
      assertThat(r.verdict()).isIn(Verdict.UNREACHABLE, Verdict.TIMEOUT);
    }
  }

  private static void writeSend(DataOutputStream out, Term control, Term message) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(112);
    b.write(EtfEncoder.encode(control));
    b.write(EtfEncoder.encode(message));
    out.writeInt(b.size());
    out.write(b.toByteArray());
    out.flush();
  }
}
