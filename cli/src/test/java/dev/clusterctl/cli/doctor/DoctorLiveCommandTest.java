package dev.clusterctl.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.Cli;
import dev.clusterctl.testing.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clusterctl doctor} against the API: the kubeconfig conventions, exit codes and no credential in any output. */
class DoctorLiveCommandTest {

  static final Path EXAMPLES = Path.of("..", "docs", "examples");
  static final String TOKEN = "sha256~s3cr3t-t0ken-never-printed";

  static Path kubeconfig(Path dir, String server) throws Exception {
    Path f = dir.resolve("kubeconfig");
    Files.writeString(f, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
        users:
        - name: me
          user:
            token: %s
        contexts:
        - name: mock
          context:
            cluster: mock
            user: me
            namespace: payments
        current-context: mock
        """.formatted(server, TOKEN));
    return f;
  }

  static String[] args(Path kubeconfig, String example, String... more) {
    Path config = EXAMPLES.resolve(example).resolve("config");
    String[] base = {"doctor", "--kubeconfig", kubeconfig.toString(), "--sys-config", config.resolve("sys.config").toString(),
        "--vm-args", config.resolve("vm.args.src").toString()};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void reportsFromTheApiWithTheContextsNamespaceAndNoToken(@TempDir Path dir) throws Exception {
    try (MockCluster c = MockCluster.start()) {
      c.apply(EXAMPLES.resolve("broken/srv-no-subdomain"));
      c.runControllers(0);
      c.corednsPods(Instant.parse("2026-11-21T09:00:00Z"));
      Cli.Result r = Cli.run(args(kubeconfig(dir, c.url()), "broken/srv-no-subdomain", "--verbose"));
      assertThat(r.exit()).as(r.err()).isEqualTo(1);
      assertThat(r.out()).contains("pod-fqdn").contains("computed from the spec (no --exec)").contains("API " + c.url());
      assertThat(r.out() + r.err()).doesNotContain(TOKEN).doesNotContain("s3cr3t");
      Cli.Result json = Cli.run(args(kubeconfig(dir, c.url()), "broken/srv-no-subdomain", "-o", "json"));
      assertThat(json.out()).contains("\"id\" : \"pod-fqdn\"").doesNotContain(TOKEN);
    }
  }

  @Test
  void unreachableApiIsOneLineAndExit3(@TempDir Path dir) throws Exception {
    int port = MockCluster.freePort();
    Cli.Result r = Cli.run(args(kubeconfig(dir, "http://127.0.0.1:" + port), "srv-deployment"));
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo("clusterctl: Kubernetes API http://127.0.0.1:" + port + "/ cannot be reached: connection refused");
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.err()).doesNotContain(TOKEN);
  }

  @Test
  void unknownContextIsBadInput(@TempDir Path dir) throws Exception {
    Cli.Result r = Cli.run(args(kubeconfig(dir, "http://127.0.0.1:1"), "srv-deployment", "--context", "nope"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--context nope").doesNotContain(TOKEN);
  }

  @Test
  void namespaceOptionOverridesTheContext(@TempDir Path dir) throws Exception {
    try (MockCluster c = MockCluster.start()) {
      c.apply(EXAMPLES.resolve("srv-deployment"));
      c.runControllers(0);
      Cli.Result r = Cli.run(args(kubeconfig(dir, c.url()), "srv-deployment", "-n", "elsewhere"));
      assertThat(r.out()).as(r.err()).contains("0 objects in namespace elsewhere");
    }
  }

  @Test
  void apiOptionsAreRefusedWithFiles() {
    Cli.Result r = Cli.run("doctor", "-f", EXAMPLES.resolve("srv-deployment").toString(), "--exec");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--exec");
  }
}
