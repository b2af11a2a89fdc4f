package dev.clusterctl.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clusterctl.erlang.NodeName;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.testing.RealServers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The verdict of node-host-matches-dns against a real distribution handshake: a real node is
 * started under the name the simulation says the pod gives itself (EPMD-less, on 127.0.0.2), and
 * a real client node dials the name its peers derive (that host mapped to 127.0.0.2). Erlang
 * answers {@code pong} exactly when the simulation says the names match.
 */
class RealHandshakeTest {

  static final String COOKIE = "doctor-test-cookie";

  @ParameterizedTest
  @CsvSource({"srv-statefulset, pong", "srv-deployment, pong", "broken/srv-no-endpoint-pod-names, pang"})
  void aRealNodeAnswersThePeerDerivedNameOnlyWhenTheNamesMatch(String example, String expected) throws Exception {
    Path erl = RealServers.require("erl", "erlang-base");
    ClusterModel model = RealResolverDerivationTest.model(example);
    PeerRow row = Expectation.simulate(model).rows().get(0);
    assertThat(row.matches()).isEqualTo(expected.equals("pong"));
    int port = freePort();
    Process node = new ProcessBuilder(erl.toString(), "-name", row.self().name(), "-setcookie", COOKIE,
        "-erl_epmd_port", Integer.toString(port), "-start_epmd", "false",
        "-kernel", "inet_dist_use_interface", "{127,0,0,2}", "-noshell", "-noinput", "+Bd", "-env", "ERL_CRASH_DUMP_SECONDS", "0")
        .redirectErrorStream(true)
        .start();
    try {
      awaitListening("127.0.0.2", port, node);
      String peerHost = NodeName.parse(row.peersUse()).host();
      String eval = "inet_db:set_lookup([file]), inet_db:add_host({127,0,0,2}, [\"" + peerHost + "\"]), "
          + "io:format(\"~p~n\", [net_adm:ping(list_to_atom(\"" + row.peersUse() + "\"))]), halt().";
      Process client = new ProcessBuilder(erl.toString(), "-name", "doctor-probe@127.0.0.1", "-hidden", "-setcookie", COOKIE,
          "-erl_epmd_port", Integer.toString(port), "-start_epmd", "false",
          "-kernel", "inet_dist_use_interface", "{127,0,0,1}", "-noshell", "-noinput", "+Bd", "-env", "ERL_CRASH_DUMP_SECONDS", "0", "-eval", eval)
          .redirectErrorStream(true)
          .start();
      String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(out.strip().lines().reduce((a, b) -> b).orElse("")).as(out).isEqualTo(expected);
    } finally {
      node.destroy();
      if (!node.waitFor(10, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
  }

  private static void awaitListening(String host, int port, Process node) {
    await("the node listening on " + host + ":" + port).atMost(Duration.ofSeconds(30)).until(() -> {
      if (!node.isAlive()) {
        throw new AssertionError("erl exited: " + new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), 200);
        return true;
      } catch (IOException notYet) {
        return false;
      }
    });
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.2", 0));
      return s.getLocalPort();
    }
  }

}
