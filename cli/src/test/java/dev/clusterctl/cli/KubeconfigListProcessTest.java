package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code KUBECONFIG} listing several files, as a process reads it from its environment: a merged
 * kubeconfig that cannot be used is exit 2 with one line naming the file and the field, before
 * any connection (so well inside {@code --timeout}), and no credential on stdout or stderr.
 */
class KubeconfigListProcessTest {

  static final String TOKEN = "sha256~l1st-t0ken-NEVER-printed";
  /** The API timeout given; the refusal comes before any connection, so far inside it. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  /** A cold JVM on a shared 2-core machine. */
  static final Duration SLACK = Duration.ofSeconds(10);

  @TempDir Path dir;

  private record Ran(int exit, String out, String err, Duration took) {}

  private Ran doctor(Path... files) throws Exception {
    Path config = DoctorCommandTest.REPO.resolve("docs/examples/srv-deployment/config");
    List<String> cmd = DoctorProcessTest.command();
    cmd.addAll(List.of("doctor", "--sys-config", config.resolve("sys.config").toString(),
        "--vm-args", config.resolve("vm.args.src").toString(), "--timeout", TIMEOUT.toSeconds() + "s"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("KUBECONFIG", String.join(File.pathSeparator, java.util.Arrays.stream(files).map(Path::toString).toList()));
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("NO_COLOR", "1");
    pb.environment().remove("KUBERNETES_SERVICE_HOST");
    File out = dir.resolve("out").toFile();
    File err = dir.resolve("err").toFile();
    pb.redirectOutput(out).redirectError(err);
    long start = System.nanoTime();
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new Ran(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8), took);
  }

  private static void refused(Ran r, String line) {
    assertThat(r.exit()).as("stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.took()).isLessThan(TIMEOUT.plus(SLACK));
    List<String> lines = r.err().lines().toList();
    assertThat(lines).as(r.err()).hasSize(1);
    assertThat(lines.get(0)).isEqualTo("clusterctl: " + line)
        .doesNotContainPattern("\\b(java|javax|io\\.fabric8)\\.[a-z]|[A-Za-z]+(Exception|Error)\\b");
    for (String part : List.of(TOKEN, TOKEN.substring(0, 12), TOKEN.substring(12))) {
      assertThat(r.out()).doesNotContain(part);
      assertThat(r.err()).doesNotContain(part);
    }
  }

  private Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  private static final String CONTEXT = """
      clusters:
      - name: c
        cluster:
          server: https://127.0.0.1:1
      contexts:
      - name: dev
        context:
          cluster: c
          user: me
      """;

  @Test
  void aCurrentContextNamingNoContextInAnyFileIsExit2() throws Exception {
    Path first = file("first", "current-context: staging\n");
    Path second = file("second", "current-context: dev\n" + CONTEXT + "users:\n- name: me\n  user:\n    token: " + TOKEN + "\n");
    refused(doctor(first, second), "KUBECONFIG " + first + ": current-context 'staging' names no context in any of the KUBECONFIG files");
  }

  @Test
  void aMissingTokenFileInTheSecondFileIsExit2() throws Exception {
    Path first = file("first", "current-context: dev\n" + CONTEXT);
    Path second = file("creds/second", "users:\n- name: me\n  user:\n    tokenFile: token\n");
    refused(doctor(first, second),
        "KUBECONFIG " + second + ": user 'me': tokenFile " + dir.resolve("creds/token") + ": no such file");
  }

  @Test
  void aBinaryFileInTheListIsExit2() throws Exception {
    Path first = file("first", "current-context: dev\n" + CONTEXT + "users:\n- name: me\n  user:\n    token: " + TOKEN + "\n");
    Path binary = dir.resolve("binary");
    Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2, (byte) 0xff});
    refused(doctor(first, binary), "KUBECONFIG " + binary + ": not a kubeconfig (a binary file)");
  }
}
