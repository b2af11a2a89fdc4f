package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.testing.FakeKubectl;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterctl doctor} as a separate process: real stdin, real exit codes. Runs the packaged
 * launcher {@code cli/target/clusterctl} when it exists, else the same main class on this test's
 * class path (as the launcher does), so a clean {@code verify} still runs these.
 */
class DoctorProcessTest {

  record Run(int exit, String out, String err) {}

  static List<String> command() {
    Path launcher = DoctorCommandTest.REPO.resolve("cli/target/clusterctl");
    if (Files.isExecutable(launcher) && launcherIsFresh()) {
      return new ArrayList<>(List.of(launcher.toString()));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
  }

  /** True when the packaged jars are newer than every compiled class (a stale launcher would test old code). */
  static boolean launcherIsFresh() {
    try {
      Path jar = DoctorCommandTest.REPO.resolve("cli/target/clusterctl-cli.jar");
      Path coreJar = DoctorCommandTest.REPO.resolve("cli/target/lib/clusterctl-core-0.1.0-SNAPSHOT.jar");
      if (!Files.exists(jar) || !Files.exists(coreJar)) {
        return false;
      }
      long packaged = Math.min(Files.getLastModifiedTime(jar).toMillis(), Files.getLastModifiedTime(coreJar).toMillis());
      for (String classes : List.of("cli/target/classes", "core/target/classes")) {
        try (var walk = Files.walk(DoctorCommandTest.REPO.resolve(classes))) {
          for (Path p : walk.filter(Files::isRegularFile).toList()) {
            if (Files.getLastModifiedTime(p).toMillis() > packaged) {
              return false;
            }
          }
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static Run run(byte[] stdin, String... args) throws IOException, InterruptedException {
    return run(Map.of(), stdin, args);
  }

  /** Runs clusterctl with {@code env} added to this process's environment. */
  static Run run(Map<String, String> env, byte[] stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = command();
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("NO_COLOR", "1");
    pb.environment().putAll(env);
    Process p = pb.start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("clusterctl finished").isTrue();
    return new Run(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(InputStream s) {
    try {
      return s.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  static byte[] manifestsOf(String example) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (var files = Files.list(DoctorCommandTest.EXAMPLES.resolve(example))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        sb.append(Files.readString(f)).append("---\n");
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void stdinPipelineWithReleaseFilesExitsZeroForAGoodSetUp() throws Exception {
    String cfg = DoctorCommandTest.example("srv-statefulset") + File.separator + "config" + File.separator;
    Run r = run(manifestsOf("srv-statefulset"), "doctor", "-f", "-", "--sys-config", cfg + "sys.config", "--vm-args", cfg + "vm.args.src");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("<stdin>").contains("PASS  node-host-matches-dns").contains("ledger@ledger-0.ledger-dist.payments.svc.cluster.local");
  }

  @Test
  void stdinPipelineExitsOneForABrokenSetUpAndTwoForGarbage() throws Exception {
    String cfg = DoctorCommandTest.example("broken/srv-no-endpoint-pod-names") + File.separator + "config" + File.separator;
    Run broken = run(manifestsOf("broken/srv-no-endpoint-pod-names"), "doctor", "-f", "-", "--sys-config", cfg + "sys.config", "--vm-args", cfg + "vm.args.src", "-o", "json");
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.out()).contains("\"schemaVersion\" : 2").contains("\"verdict\" : \"fail\"");

    Run garbage = run("kind: [unclosed\n".getBytes(StandardCharsets.UTF_8), "doctor", "-f", "-");
    assertThat(garbage.exit()).isEqualTo(2);
    assertThat(garbage.out()).isEmpty();
    assertThat(garbage.err()).startsWith("clusterctl: <stdin>: line ").doesNotContain("Exception");
  }

  @Test
  void stdinGivenTwiceIsOneLineAndExitTwo() throws Exception {
    Run r = run(manifestsOf("srv-statefulset"), "doctor", "-f", "-", "-f", "-");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).isEqualTo("clusterctl: '-' (stdin) given twice: standard input can be read only once");
  }

  /** {@code -k} end to end with a fake {@code kubectl} first on PATH: runs wherever the tests run, kubectl installed or not. */
  @Test
  void kustomizationIsRenderedWithTheKubectlOnPath(@TempDir Path dir) throws Exception {
    Path kubectl = FakeKubectl.rendering(dir);
    Path k = Files.createDirectories(dir.resolve("overlay"));
    DoctorCommandTest.copyExample("srv-statefulset", k);
    Files.writeString(k.resolve("kustomization.yaml"), "resources:\n- service.yaml\n- statefulset.yaml\n");
    String path = kubectl.getParent() + File.pathSeparator + System.getenv("PATH");
    Run r = run(Map.of("PATH", path), new byte[0], "doctor", "-k", k.toString(),
        "--sys-config", k.resolve("config/sys.config").toString(), "--vm-args", k.resolve("config/vm.args.src").toString());
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("-k " + k + " (2 objects)").contains("PASS  node-host-matches-dns");
    assertThat(FakeKubectl.lastArguments(kubectl)).isEqualTo("kustomize " + k);
  }
}
