package dev.clusterctl.cli.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clusterctl.testing.RealServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clusterctl shell} from the built launcher in a real terminal (tmux), typed into key by key. */
class ShellTmuxIT {

  @TempDir Path tmp;

  private Path tmux;
  private String session;

  @AfterEach
  void kill() throws Exception {
    if (session != null) {
      tmux("kill-session", "-t", session);
    }
  }

  @Test
  void tabCompletesCtrlCKeepsTheShellAndHistoryIsKept() throws Exception {
    tmux = RealServers.require("tmux", "tmux");
    Path launcher = Path.of(System.getProperty("clusterctl.target", "target"), "clusterctl").toAbsolutePath();
    session = "clusterctl-it-" + ProcessHandle.current().pid();
    Path config = tmp.resolve("config");
    assertThat(tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40",
        "env XDG_CONFIG_HOME=" + config + " NO_COLOR=1 " + launcher + " shell")).isZero();
    awaitScreen(s -> s.contains("clusterctl>"));

    tmux("send-keys", "-t", session, "-l", "comp");
    tmux("send-keys", "-t", session, "Tab");
    awaitScreen(s -> s.contains("clusterctl> completion"));
    tmux("send-keys", "-t", session, "-l", "f");  // TAB added the space after "completion"
    tmux("send-keys", "-t", session, "Tab");
    awaitScreen(s -> s.contains("clusterctl> completion fish"));
    tmux("send-keys", "-t", session, "C-c");          // drops the line, not the shell
    awaitScreen(s -> s.split("clusterctl>", -1).length == 3);   // a fresh prompt under the dropped line
    tmux("send-keys", "-t", session, "-l", "--", "--version");
    tmux("send-keys", "-t", session, "Enter");
    awaitScreen(s -> s.contains("Java "));
    tmux("send-keys", "-t", session, "-l", "exit");
    tmux("send-keys", "-t", session, "Enter");
    Path history = config.resolve("clusterctl/history");
    await("the shell to save its history").atMost(Duration.ofSeconds(20)).until(() -> Files.exists(history));
    assertThat(Files.readString(history)).contains("--version").doesNotContain("completion fish");
  }

  @Test
  void joinWatchDrawsItsLiveViewOnTheShellsTerminalAndQOrCtrlCEndOnlyTheWatch() throws Exception {
    tmux = RealServers.require("tmux", "tmux");
    Path launcher = Path.of(System.getProperty("clusterctl.target", "target"), "clusterctl").toAbsolutePath();
    session = "clusterctl-it-join-" + ProcessHandle.current().pid();
    assertThat(tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "40",
        "env XDG_CONFIG_HOME=" + tmp.resolve("config") + " NO_COLOR=1 TERM=xterm-256color " + launcher + " shell 2>&1")).isZero();
    awaitScreen(s -> s.contains("clusterctl>"));
    // a closed loopback port as the DNS server: every refresh fails fast, and the view says so
    String watch = "join --watch --interval 1s --timeout 200ms --tries 1 --basename ledger @127.0.0.1:1 ledger.payments.example.";
    tmux("send-keys", "-t", session, "-l", watch);
    tmux("send-keys", "-t", session, "Enter");
    awaitScreen(s -> s.contains("keys: r refresh now, q quit") && s.contains("lookup failed"));
    assertThat(screen()).doesNotContain("WARNING").doesNotContain("Unable to create a system terminal").doesNotContain("\"event\"");
    tmux("send-keys", "-t", session, "q");
    awaitScreen(s -> s.contains("[exit 1]") && s.trim().endsWith("clusterctl>"));
    assertThat(screen()).containsPattern("(?m)^clusterctl: watched \\d+ refreshes");

    tmux("send-keys", "-t", session, "-l", watch);
    tmux("send-keys", "-t", session, "Enter");
    awaitScreen(s -> s.split("keys: r refresh now, q quit", -1).length == 3);
    tmux("send-keys", "-t", session, "C-c");
    awaitScreen(s -> s.contains("[exit 130]") && s.trim().endsWith("clusterctl>"));
    // the second run asked only its own server: nothing of the first run's arguments is left over
    assertThat(screen()).doesNotContain("via 127.0.0.1:1, 127.0.0.1:1");
    tmux("send-keys", "-t", session, "-l", "exit");
    tmux("send-keys", "-t", session, "Enter");
  }

  private String screen() throws Exception {
    Process p = new ProcessBuilder(tmux.toString(), "capture-pane", "-p", "-t", session).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private void awaitScreen(Predicate<String> shown) throws Exception {
    AtomicReference<String> last = new AtomicReference<>("");
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        last.set(screen());
        return shown.test(last.get());
      });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("the terminal never showed what was expected; it shows:\n" + last.get(), e);
    }
  }

  private int tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(tmux.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }
}
