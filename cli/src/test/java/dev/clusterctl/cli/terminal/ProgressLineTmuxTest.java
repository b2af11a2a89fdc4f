package dev.clusterctl.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clusterctl.cli.Main;
import dev.clusterctl.testing.RealServers;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resolve} and {@code join} against a DNS server that never answers (a bound UDP socket
 * nobody reads) and {@code doctor} against an API server that accepts and never answers, in a real
 * terminal (tmux): the progress line appears after a second, counts, and is gone when the wait
 * ends; in a pipe and with {@code --quiet} it never appears; {@code join --watch} shows it inside
 * its live view.
 */
class ProgressLineTmuxTest {

  @TempDir Path tmp;

  private Path tmux;
  private String session;
  private DatagramSocket silent;

  @BeforeEach
  void silentServer() throws Exception {
    tmux = RealServers.require("tmux", "tmux");
    silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    session = "clusterctl-progress-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
  }

  @AfterEach
  void stop() throws Exception {
    silent.close();
    if (session != null) {
      tmux("kill-session", "-t", session);
    }
  }

  /** A resolve against the silent server, through a launcher script (the class path is too long to type). */
  private String resolve(String extra) throws Exception {
    Path launcher = tmp.resolve("clusterctl");
    if (!Files.exists(launcher)) {
      Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
          + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' " + Main.class.getName() + " \"$@\"\n");
      Files.setPosixFilePermissions(launcher, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return launcher + " resolve @127.0.0.1:" + silent.getLocalPort() + " ledger.example. --timeout 3s --tries 1 " + extra;
  }

  @Test
  void onATerminalTheLineCountsAndIsErasedWhenTheWaitEnds() throws Exception {
    start("sh");
    type("PS1='$ '; clear");
    type(resolve("") + "; echo done-$?");
    String asking = "asking 127.0.0.1:" + silent.getLocalPort() + " over UDP\u2026 ";
    awaitScreen(s -> s.contains(asking + "1 s"));
    awaitScreen(s -> s.contains(asking + "2 s"));
    awaitScreen(s -> s.contains("done-3"));
    String after = screen();
    assertThat(after).doesNotContain("asking").contains("no DNS server answered");
  }

  @Test
  void inAPipeOrWithQuietThereIsNone() throws Exception {
    Path log = tmp.resolve("pipe.txt");
    start("sh");
    type("PS1='$ '; clear");
    type(resolve("2>&1 | cat > " + log) + "; " + resolve("--quiet") + "; echo done-$?");
    awaitScreen(s -> s.contains("done-3"));
    assertThat(screen()).doesNotContain("asking");
    assertThat(Files.readString(log)).contains("no DNS server answered").doesNotContain("asking").doesNotContain("\u001b[K");
  }

  /** A TCP port on loopback that accepts and never answers: a hung API server. */
  private int silentApi() throws Exception {
    java.net.ServerSocket api = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    hung.add(api);
    Thread acceptor = new Thread(() -> {
      while (!api.isClosed()) {
        try {
          hung.add(api.accept());
        } catch (java.io.IOException e) {
          return;
        }
      }
    }, "silent-api");
    acceptor.setDaemon(true);
    acceptor.start();
    return api.getLocalPort();
  }

  private final List<AutoCloseable> hung = new java.util.concurrent.CopyOnWriteArrayList<>();

  @AfterEach
  void stopApi() throws Exception {
    for (AutoCloseable c : hung) {
      c.close();
    }
  }

  /** A doctor against the hung API server (through the launcher {@link #resolve} writes). */
  private String doctor(int port, String extra) throws Exception {
    Path kubeconfig = tmp.resolve("kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: hung
          cluster:
            server: http://127.0.0.1:%d
        users:
        - name: me
          user:
            token: sha256~progress-test-token
        contexts:
        - name: hung
          context: {cluster: hung, user: me, namespace: payments}
        current-context: hung
        """.formatted(port));
    resolve("");
    return tmp.resolve("clusterctl") + " doctor --kubeconfig " + kubeconfig + " --timeout 3s " + extra;
  }

  @Test
  void doctorWaitingOnAHungApiServerShowsTheLineThenErasesIt() throws Exception {
    int port = silentApi();
    start("sh");
    type("PS1='$ '; clear");
    type(doctor(port, "") + "; echo done-$?");
    String asking = "asking the API server http://127.0.0.1:" + port + "\u2026 ";
    awaitScreen(s -> s.contains(asking + "1 s"));
    awaitScreen(s -> s.contains(asking + "2 s"));
    awaitScreen(s -> s.contains("done-3"));
    assertThat(screen()).doesNotContain("asking").contains("did not answer list services within 3 s");
  }

  @Test
  void doctorInAPipeOrWithQuietDrawsNothing() throws Exception {
    int port = silentApi();
    Path log = tmp.resolve("doctor-pipe.txt");
    start("sh");
    type("PS1='$ '; clear");
    type(doctor(port, "2>&1 | cat > " + log) + "; " + doctor(port, "--quiet") + "; echo done-$?");
    awaitScreen(s -> s.contains("done-3"));
    assertThat(screen()).doesNotContain("asking");
    assertThat(Files.readString(log)).contains("did not answer list services").doesNotContain("asking").doesNotContain("\u001b[K");
  }

  @Test
  void joinWaitingOnASilentServerShowsTheLineThenErasesIt() throws Exception {
    start("sh");
    type("PS1='$ '; clear");
    resolve("");
    type(tmp.resolve("clusterctl") + " join @127.0.0.1:" + silent.getLocalPort() + " ledger.example. --basename ledger"
        + " --timeout 3s --tries 1; echo done-$?");
    String asking = "asking 127.0.0.1:" + silent.getLocalPort() + " over UDP\u2026 ";
    awaitScreen(s -> s.contains(asking + "2 s"));
    awaitScreen(s -> s.contains("done-3"));
    assertThat(screen()).doesNotContain("asking").contains("no server responded");
  }

  @Test
  void joinWatchShowsTheWaitInsideItsLiveViewWithoutTearingIt() throws Exception {
    start("sh");
    type("PS1='$ '; clear");
    resolve("");
    type(tmp.resolve("clusterctl") + " join @127.0.0.1:" + silent.getLocalPort() + " ledger.example. --basename ledger --watch"
        + " --timeout 4s --tries 1; echo done-$?");
    String asking = "asking 127.0.0.1:" + silent.getLocalPort() + " over UDP\u2026 ";
    awaitScreen(s -> s.contains(asking + "2 s") && s.contains("keys: r refresh now, q quit"));
    // row by row (JLine's redraw fills rows to the last column, which -J would take for wrapped lines)
    List<String> lines = rows().lines().map(String::strip).toList();
    List<String> waitLines = lines.stream().filter(l -> l.contains("asking")).toList();
    assertThat(waitLines).as("one wait line, on a line of its own").hasSize(1);
    assertThat(waitLines.get(0)).startsWith("asking");
    int at = lines.indexOf(waitLines.get(0));
    assertThat(lines.get(at - 2)).as("the view's header, two lines above").startsWith("join --watch: ");
    assertThat(lines).contains("keys: r refresh now, q quit");
    tmux("send-keys", "-t", session, "q");
    awaitScreen(s -> s.contains("done-"));
    assertThat(screen()).doesNotContain("asking");
  }

  private void start(String command) throws Exception {
    assertThat(tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "30", "env TERM=xterm " + command)).isZero();
  }

  private void type(String text) throws Exception {
    tmux("send-keys", "-t", session, "-l", text);
    tmux("send-keys", "-t", session, "Enter");
  }

  private String screen() throws Exception {
    Process p = new ProcessBuilder(tmux.toString(), "capture-pane", "-p", "-J", "-t", session).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private String rows() throws Exception {
    Process p = new ProcessBuilder(tmux.toString(), "capture-pane", "-p", "-t", session).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private void awaitScreen(Predicate<String> shown) throws Exception {
    AtomicReference<String> last = new AtomicReference<>("");
    try {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
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
