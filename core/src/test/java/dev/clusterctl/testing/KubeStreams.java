package dev.clusterctl.testing;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.fabric8.mockwebserver.internal.WebSocketMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.xbill.DNS.Message;

/**
 * The two streaming protocols of the Kubernetes API, spoken by fabric8's mock server.
 *
 * <p><b>exec</b> ({@code v4.channel.k8s.io}): every WebSocket frame is binary, its first byte the
 * channel: 1 stdout, 2 stderr, 3 the error channel, which carries one {@code Status} as JSON when
 * the command ends ({@code Success}, or {@code Failure} with reason {@code NonZeroExitCode} and the
 * exit code as a cause, or another reason such as {@code InternalError} when the runtime could not
 * start the command). These are scripted with the mock's WebSocket expectations
 * ({@link #exec}).
 *
 * <p><b>port-forward</b> ({@code portforward.k8s.io} over WebSocket): per forwarded port a data
 * channel (0) and an error channel (1); the server opens each with a frame holding the port number
 * (two bytes, little endian), then relays the bytes of the TCP stream to and from the pod as
 * frames on channel 0; an error is text on channel 1. {@link #dnsPortForward} answers the DNS
 * messages the client sends through the stream (two-byte length prefix, as DNS over TCP) with a
 * function, so the client's random query ids are answered as a real CoreDNS would.
 */
public final class KubeStreams {

  private KubeStreams() {}

  /** The path fabric8 asks for an exec of {@code command} in {@code container} with stdout (and stderr when asked). */
  public static String execPath(String ns, String pod, String container, List<String> command, boolean stderr) {
    String cmd = command.stream().map(c -> "command=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return "/api/v1/namespaces/" + ns + "/pods/" + pod + "/exec?" + cmd + "&container=" + container + "&stdout=true" + (stderr ? "&stderr=true" : "");
  }

  /** One frame on {@code channel}. */
  public static WebSocketMessage frame(int channel, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[body.length + 1];
    b[0] = (byte) channel;
    System.arraycopy(body, 0, b, 1, body.length);
    return new WebSocketMessage(b);
  }

  /** stdout. */
  public static WebSocketMessage stdout(String text) {
    return frame(1, text);
  }

  /** stderr. */
  public static WebSocketMessage stderr(String text) {
    return frame(2, text);
  }

  /** The status a command that exited 0 ends with. */
  public static WebSocketMessage success() {
    return frame(3, "{\"metadata\":{},\"status\":\"Success\"}");
  }

  /** The status the kubelet sends for a command that exited with {@code code}. */
  public static WebSocketMessage exitCode(int code, List<String> command) {
    return frame(3, "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit code: error executing command "
        + command + ", exit code " + code + "\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"" + code + "\"}]}}");
  }

  /** The status for a command the container runtime cannot start: the executable is not in the image. */
  public static WebSocketMessage notFound(String executable) {
    String msg = "OCI runtime exec failed: exec failed: unable to start container process: exec: \\\"" + executable
        + "\\\": executable file not found in $PATH: unknown";
    return frame(3, "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"" + msg + "\",\"reason\":\"InternalError\",\"details\":{\"causes\":[{\"message\":\""
        + msg + "\"}]},\"code\":500}");
  }

  /** Scripts an exec: the upgrade is accepted and {@code frames} are sent at once, then the socket closes. */
  public static void exec(MockCluster c, String path, WebSocketMessage... frames) {
    c.server().expect().get().withPath(path).andUpgradeToWebSocket().open((Object[]) frames).done().always();
  }

  /**
   * A request handler for {@link MockCluster#start(Function)}: every exec is upgraded to a
   * WebSocket on which nothing is ever sent, and which is never closed: a stream that stalls.
   */
  public static Function<RecordedRequest, MockResponse> stallingExecs() {
    return request -> request.getPath() != null && request.getPath().matches("/api/v1/namespaces/[^/]+/pods/[^/]+/exec\\?.*")
        ? new MockResponse().withWebSocketUpgrade(new WebSocketListener() { })
        : null;
  }

  /** Scripts an exec whose upgrade is accepted and which then closes with nothing sent, not even a status. */
  public static void execClosesSilently(MockCluster c, String path) {
    c.server().expect().get().withPath(path).andUpgradeToWebSocket().open().done().always();
  }

  /** The upgrade refused with 403, as the API server refuses it without {@code create pods/exec}. */
  public static void execForbidden(MockCluster c, String path, String ns) {
    c.server().expect().get().withPath(path).andReturn(403,
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"pods \\\"x\\\" is forbidden: User \\\"dev\\\" cannot create resource \\\"pods/exec\\\" in API group \\\"\\\" in the namespace \\\""
            + ns + "\\\"\",\"reason\":\"Forbidden\",\"details\":{\"kind\":\"pods\"},\"code\":403}").always();
  }

  /** What a port-forward does with the stream. */
  public enum Forward {
    /** Relays DNS messages to the answering function. */
    ANSWER,
    /** Opens the channels and then says nothing: the stream stalls. */
    STALL,
    /** Opens the channels, then reports an error on the error channel (as when nothing listens on the port in the pod). */
    ERROR
  }

  /**
   * A request handler for {@link MockCluster#start(Function)}: port-forwards to {@code pod} in
   * kube-system on port 53 are upgraded to a WebSocket that behaves as {@code mode} says, answering
   * DNS queries with {@code dns}; {@code forwards} counts the upgrades.
   */
  public static Function<RecordedRequest, MockResponse> dnsPortForward(Forward mode, UnaryOperator<Message> dns, AtomicInteger forwards) {
    return request -> {
      String path = request.getPath();
      if (path == null || !path.matches("/api/v1/namespaces/kube-system/pods/[^/]+/portforward\\?ports=53")) {
        return null;
      }
      forwards.incrementAndGet();
      return new MockResponse().withWebSocketUpgrade(new PortForwardListener(mode, dns));
    };
  }

  /** The server end of one port-forward of port 53. */
  private static final class PortForwardListener extends WebSocketListener {
    private final Forward mode;
    private final UnaryOperator<Message> dns;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    PortForwardListener(Forward mode, UnaryOperator<Message> dns) {
      this.mode = mode;
      this.dns = dns;
    }

    @Override
    public void onOpen(WebSocket ws, io.fabric8.mockwebserver.http.Response response) {
      ws.send(new byte[] {0, 53, 0});
      ws.send(new byte[] {1, 53, 0});
      if (mode == Forward.ERROR) {
        ws.send(("\u0001an error occurred forwarding 53 -> 53: error forwarding port 53 to pod 0123abcd, uid : failed to execute portforward in network namespace"
            + " \"/var/run/netns/cni-1\": failed to connect to localhost:53 inside namespace: connection refused").getBytes(StandardCharsets.UTF_8));
      }
    }

    @Override
    public void onMessage(WebSocket ws, io.fabric8.mockwebserver.http.ByteString bytes) {
      onMessage(ws, bytes.toByteArray());
    }

    @Override
    public void onMessage(WebSocket ws, byte[] frame) {
      if (mode != Forward.ANSWER || frame.length < 2 || frame[0] != 0) {
        return;
      }
      synchronized (pending) {
        pending.write(frame, 1, frame.length - 1);
        byte[] all = pending.toByteArray();
        int at = 0;
        while (all.length - at >= 2) {
          int len = ((all[at] & 0xff) << 8) | (all[at + 1] & 0xff);
          if (all.length - at - 2 < len) {
            break;
          }
          byte[] query = java.util.Arrays.copyOfRange(all, at + 2, at + 2 + len);
          at += 2 + len;
          answer(ws, query);
        }
        pending.reset();
        pending.write(all, at, all.length - at);
      }
    }

    private void answer(WebSocket ws, byte[] query) {
      Message reply;
      try {
        reply = dns.apply(new Message(query));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (reply == null) {
        return;
      }
      byte[] wire = reply.toWire();
      byte[] out = new byte[wire.length + 3];
      out[0] = 0;
      out[1] = (byte) (wire.length >> 8);
      out[2] = (byte) wire.length;
      System.arraycopy(wire, 0, out, 3, wire.length);
      ws.send(out);
    }
  }
}
