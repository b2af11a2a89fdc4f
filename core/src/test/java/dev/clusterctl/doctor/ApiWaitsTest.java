package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.dns.WaitListener;
import dev.clusterctl.error.UnreachableException;
import dev.clusterctl.gather.ApiInputs;
import dev.clusterctl.gather.ApiSource;
import dev.clusterctl.gather.ApiWaitListener;
import dev.clusterctl.gather.DnsWhere;
import dev.clusterctl.gather.KubeApi;
import dev.clusterctl.gather.KubeTarget;
import dev.clusterctl.testing.MockCluster;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor tells the listeners in its {@link ApiInputs} about every wait for the API server and
 * for the DNS servers it asks, as each starts and ends, and the diagnosis is unchanged.
 */
class ApiWaitsTest {

  @TempDir Path dir;

  private final List<String> heard = Collections.synchronizedList(new ArrayList<>());

  private final ApiWaitListener apiWaits = (server, call) -> {
    heard.add("start api " + server + " " + call);
    return () -> heard.add("end api " + server + " " + call);
  };

  private final WaitListener dnsWaits = (server, transport, name) -> {
    heard.add("start dns " + server.getPort() + " " + transport);
    return () -> heard.add("end dns " + server.getPort() + " " + transport);
  };

  @Test
  void everyApiCallAndDnsLookupIsHeardStartingAndEnding() throws Exception {
    InetSocketAddress closed = new InetSocketAddress("127.0.0.1", 9);
    try (MockCluster c = ApiDoctorTest.cluster("srv-deployment", 0)) {
      ApiInputs plain = ApiDoctorTest.inputs("srv-deployment", DnsWhere.nameservers(List.of(closed)));
      ApiInputs listened = new ApiInputs(plain.sysConfig(), plain.vmArgs(), plain.releaseEnv(), plain.releaseDir(), false, 4,
          plain.dns(), plain.progress(), dnsWaits, apiWaits);
      KubeApi api = new KubeApi(c.client(), "payments", KubeApi.DEFAULT_TIMEOUT, List.of(), apiWaits);
      String server = api.server();
      var observed = Doctor.diagnose(ApiSource.of(api, listened), ApiDoctorTest.ALL);
      var unheard = Doctor.diagnose(ApiSource.of(new KubeApi(c.client(), "payments"), plain), ApiDoctorTest.ALL);

      assertThat(ApiDoctorTest.configChecks(observed)).isEqualTo(ApiDoctorTest.configChecks(unheard));
      assertThat(heard).contains("start api " + server + " list services", "end api " + server + " list services",
          "start api " + server + " get configmaps/coredns", "end api " + server + " get configmaps/coredns");
      assertThat(heard).anyMatch(h -> h.equals("start dns 9 UDP"));
      for (String kind : List.of("api", "dns")) {
        long starts = heard.stream().filter(h -> h.startsWith("start " + kind)).count();
        long ends = heard.stream().filter(h -> h.startsWith("end " + kind)).count();
        assertThat(starts).as(kind + " waits heard").isPositive();
        assertThat(ends).as("every " + kind + " wait ends").isEqualTo(starts);
      }
    }
  }

  @Test
  void aHungApiServerIsHeardUntilTheTimeoutEndsTheWait() throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (!silent.isClosed()) {
          try {
            held.add(silent.accept());
          } catch (java.io.IOException e) {
            return;
          }
        }
      }, "silent-api");
      acceptor.setDaemon(true);
      acceptor.start();
      Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
          apiVersion: v1
          kind: Config
          clusters:
          - name: hung
            cluster:
              server: http://127.0.0.1:%d
          users:
          - name: me
            user:
              token: sha256~wait-test-token
          contexts:
          - name: hung
            context: {cluster: hung, user: me, namespace: payments}
          current-context: hung
          """.formatted(silent.getLocalPort()));
      KubeTarget target = new KubeTarget(Optional.of(kubeconfig.toString()), Optional.empty(), Optional.empty());
      try (KubeApi api = KubeApi.connect(target, Duration.ofSeconds(1), apiWaits)) {
        assertThatThrownBy(() -> api.require("list", "services", "payments",
            () -> api.client().services().inNamespace("payments").list().getItems()))
            .isInstanceOf(UnreachableException.class).hasMessageContaining("did not answer list services within 1 s");
        assertThat(heard).containsExactly("start api " + api.server() + " list services", "end api " + api.server() + " list services");
        assertThat(api.server()).contains("127.0.0.1:" + silent.getLocalPort());
      }
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
