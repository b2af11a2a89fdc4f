package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clusterctl shell} as a separate process whose stdin is a pipe, not a terminal. */
class ShellProcessTest {

  @Test
  void aPipedShellRunsItsCommandsWithoutJLinesTerminalWarning(@TempDir Path config) throws Exception {
    List<String> cmd = DoctorProcessTest.command();
    cmd.add("shell");
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("XDG_CONFIG_HOME", config.toString());
    Process p = pb.start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    try (var in = p.getOutputStream()) {
      in.write("--version\nexit\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("shell finished").isTrue();
    assertThat(out.join()).contains("clusterctl ");
    assertThat(err.join()).doesNotContain("WARNING").doesNotContain("Unable to create a system terminal");
    assertThat(p.exitValue()).isZero();
  }

  private static String read(java.io.InputStream s) {
    try {
      return new String(s.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
