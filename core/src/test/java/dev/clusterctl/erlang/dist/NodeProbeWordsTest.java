package dev.clusterctl.erlang.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every way a probe of one peer can stop becomes a row in words: what the peer did and at which
 * step, never a Java class name or the text of an exception this package did not write, and within
 * the per-peer budget.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NodeProbeWordsTest {

  private static final String CLASS_NAME = "\\b(java|javax|sun|dev\\.clusterctl)\\.[a-z]|[A-Za-z]+(Exception|Error)\\b";
  private static final Duration BUDGET = Duration.ofMillis(700);
  /** Above the per-peer budget: a busy shared machine's scheduler, never a sleep of the test. */
  private static final Duration SLACK = Duration.ofSeconds(2);

  private static ProbeResult timedProbe(int port) {
    long start = System.nanoTime();
    try (NodeProbe p = new NodeProbe(ProbeOptions.defaults().withTimeout(BUDGET).withCookie(Cookie.of("sesame")))) {
      ProbeResult r = p.probe(ProbeTarget.of("app@127.0.0.1").withPort(port));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BUDGET.plus(SLACK));
      r.error().ifPresent(e -> assertThat(e.message()).doesNotContainPattern(CLASS_NAME).doesNotContain("sesame"));
      return r;
    }
  }

  @Test
  void aClosedPortIsConnectionRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ProbeResult r = timedProbe(port);
    assertThat(r.error().get().kind()).isEqualTo(ProbeError.Kind.CONNECTION_REFUSED);
    assertThat(r.error().get().message()).isEqualTo("node at 127.0.0.1:" + port + ": connection refused");
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
  }

  @Test
  void aPeerThatResetsDuringTheHandshakeIsNamed() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = server.accept()) {
          FakePeer.readHandshake(new DataInputStream(s.getInputStream()));
          s.setSoLinger(true, 0); // close with a RST, as a crashed or firewalled peer does
        } catch (IOException e) {
          // the probe went away first
        }
      });
      t.setDaemon(true);
      t.start();
      ProbeResult r = timedProbe(server.getLocalPort());
      assertThat(r.error().get().kind()).isEqualTo(ProbeError.Kind.CLOSED);
      assertThat(r.error().get().message()).matches(
          "node at 127\\.0\\.0\\.1:\\d+: connection (reset|closed) by the peer (during the handshake|waiting for the node's status)");
      assertThat(r.verdict()).isEqualTo(Verdict.PROTOCOL_ERROR);
    }
  }

  @Test
  void somethingThatIsNotAnErlangNodeSaysSo() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          out.write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          in.read();
        })) {
      ProbeResult r = timedProbe(peer.port());
      assertThat(r.error().get().kind()).isEqualTo(ProbeError.Kind.PROTOCOL);
      assertThat(r.error().get().message()).contains(": not an Erlang node (bad handshake): ");
    }
  }

  @Test
  void aStallingPeerTimesOutWithinTheBudget() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> in.readAllBytes())) {
      ProbeResult r = timedProbe(peer.port());
      assertThat(r.error().get().kind()).isEqualTo(ProbeError.Kind.TIMEOUT);
      assertThat(r.error().get().message()).endsWith(": timed out after 700 ms waiting for the node's status");
    }
  }

  @Test
  void aCookieThePeerRefusesIsRejectedNotAnError() throws Exception {
    try (FakePeer peer = new FakePeer((in, out) -> {
          FakePeer.readHandshake(in);
          FakePeer.writeHandshake(out, "sok".getBytes(StandardCharsets.US_ASCII));
          FakePeer.writeHandshake(out, FakePeer.challenge("app@127.0.0.1", 42));
          FakePeer.readHandshake(in); // the digest; a node with another cookie hangs up without a word
        })) {
      ProbeResult r = timedProbe(peer.port());
      assertThat(r.verdict()).isEqualTo(Verdict.COOKIE_REJECTED);
      assertThat(r.error()).isEmpty();
    }
  }

  /** The rare paths, one per kind of failure the JDK or a decoder can raise, with a message that must not leak. */
  @Test
  void everyFailureIsWordsNeverTheExceptionsOwnText() {
    String leak = "java.lang.Whatever: sun.nio.ch.Internal";
    record Case(NodeProbe.Step step, Throwable e, ProbeError.Kind kind, String words) {}
    List<Case> cases = List.of(
        new Case(NodeProbe.Step.CONNECTING, new ConnectException("Connection refused"), ProbeError.Kind.CONNECTION_REFUSED, "connection refused"),
        new Case(NodeProbe.Step.CONNECTING, new ConnectException("Connection timed out"), ProbeError.Kind.TIMEOUT,
            "timed out after 700 ms connecting"),
        new Case(NodeProbe.Step.CONNECTING, new SocketTimeoutException("Connect timed out"), ProbeError.Kind.TIMEOUT,
            "timed out after 700 ms connecting"),
        new Case(NodeProbe.Step.HANDSHAKE, new SocketException("Connection reset"), ProbeError.Kind.CLOSED,
            "connection reset by the peer during the handshake"),
        new Case(NodeProbe.Step.HANDSHAKE, new SocketException("Broken pipe"), ProbeError.Kind.CLOSED,
            "connection closed by the peer during the handshake"),
        new Case(NodeProbe.Step.CONNECTING, new SocketException("Network is unreachable"), ProbeError.Kind.NO_ROUTE, "network unreachable"),
        new Case(NodeProbe.Step.EPMD, new EOFException(), ProbeError.Kind.CLOSED,
            "connection closed by the peer asking EPMD for the node's port"),
        new Case(NodeProbe.Step.HANDSHAKE, new IOException(leak), ProbeError.Kind.IO, "network error during the handshake"),
        new Case(NodeProbe.Step.HANDSHAKE, new IllegalArgumentException(leak), ProbeError.Kind.PROTOCOL,
            "not an Erlang node (bad handshake): the peer sent bytes that cannot be read during the handshake"),
        new Case(NodeProbe.Step.EPMD, new BufferUnderflowException(), ProbeError.Kind.PROTOCOL,
            "not EPMD (bad reply): the peer sent bytes that cannot be read asking EPMD for the node's port"),
        new Case(NodeProbe.Step.RPC, new StackOverflowError(), ProbeError.Kind.PROTOCOL,
            "bad distribution message: the peer sent bytes that cannot be read during rpc erlang:nodes/0"),
        new Case(NodeProbe.Step.RESOLVING, new IllegalStateException(leak), ProbeError.Kind.IO,
            "the probe failed resolving the host (a bug in clusterctl: please report it)"));
    for (Case c : cases) {
      ProbeError e = NodeProbe.describe("node at 10.0.0.5:4370", c.step(), c.e(), BUDGET.toMillis());
      assertThat(e.kind()).as("%s", c).isEqualTo(c.kind());
      assertThat(e.message()).as("%s", c).isEqualTo("node at 10.0.0.5:4370: " + c.words());
      assertThat(e.message()).doesNotContainPattern(CLASS_NAME).doesNotContain("Whatever").doesNotContain("Internal");
    }
  }
}
