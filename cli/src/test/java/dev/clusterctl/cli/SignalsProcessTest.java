package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clusterctl.testing.RealServers;
import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals against the packaged launcher: SIGINT and SIGTERM end {@code resolve}, {@code doctor}
 * and {@code join --watch} within a second whatever they wait on, with exit 130 or 143 and one
 * line (a watch: its summary, once); the launcher exec's the JVM on every run, a command's first
 * one (which writes the class-data archive) included; and in {@code clusterctl shell} (tmux),
 * Ctrl-C brings the prompt back within a second and nothing of the cancelled command appears.
 */
class SignalsProcessTest {

  @TempDir Path dir;

  private final List<AutoCloseable> open = new ArrayList<>();
  private String session;
  private Path tmux;

  @AfterEach
  void close() throws Exception {
    if (session != null) {
      new ProcessBuilder(tmux.toString(), "kill-session", "-t", session).start().waitFor(10, TimeUnit.SECONDS);
    }
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** A UDP port that takes questions and never answers; counts what it got. */
  private final AtomicInteger questions = new AtomicInteger();

  private String silentDns() throws IOException {
    DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    open.add(s);
    Thread t = new Thread(() -> {
      byte[] buf = new byte[4096];
      while (!s.isClosed()) {
        try {
          s.receive(new DatagramPacket(buf, buf.length));
          questions.incrementAndGet();
        } catch (IOException e) {
          return;
        }
      }
    }, "silent-dns");
    t.setDaemon(true);
    t.start();
    return "127.0.0.1:" + s.getLocalPort();
  }

  /** A TCP port that accepts and never answers (a hung API server). */
  private final AtomicInteger accepted = new AtomicInteger();

  private int silentTcp() throws IOException {
    ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    List<Socket> held = new CopyOnWriteArrayList<>();
    open.add(s);
    open.add(() -> {
      for (Socket x : held) {
        x.close();
      }
    });
    Thread t = new Thread(() -> {
      while (!s.isClosed()) {
        try {
          held.add(s.accept());
          accepted.incrementAndGet();
        } catch (IOException e) {
          return;
        }
      }
    }, "silent-api");
    t.setDaemon(true);
    t.start();
    return s.getLocalPort();
  }

  private static Path launcher() {
    Path l = Path.of(System.getProperty("clusterctl.launcher", "target/clusterctl")).toAbsolutePath();
    assertThat(l).as("the launcher is built by the package phase").isExecutable();
    return l;
  }

  /** The launcher in a directory of its own without build-time archives: every command's first run writes one. */
  private Path firstRunLauncher() throws IOException {
    Path built = launcher();
    Path home = dir.resolve("release/bin");
    Files.createDirectories(home);
    Files.copy(built, home.resolve("clusterctl"));
    home.resolve("clusterctl").toFile().setExecutable(true);
    Files.createSymbolicLink(home.resolve("clusterctl-cli.jar"), built.resolveSibling("clusterctl-cli.jar"));
    Files.createSymbolicLink(home.resolve("lib"), built.resolveSibling("lib"));
    return home.resolve("clusterctl");
  }

  private record Started(Process process, File out, File err) {}

  private Started start(Path launcher, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    File out = dir.resolve("out-" + System.nanoTime()).toFile();
    File err = dir.resolve("err-" + System.nanoTime()).toFile();
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out).redirectError(err);
    pb.environment().put("NO_COLOR", "1");
    pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    pb.environment().put("HOME", dir.toString());
    return new Started(pb.start(), out, err);
  }

  /** Sends {@code signal} with kill(1), as a supervisor would, and returns how long the process took to end. */
  private static Duration signal(Started s, String signal) throws Exception {
    long sent = System.nanoTime();
    assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(s.process().pid())).start().waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(s.process().waitFor(20, TimeUnit.SECONDS)).as("the process ends after SIG%s", signal).isTrue();
    return Duration.ofNanos(System.nanoTime() - sent);
  }

  private static String read(File f) throws IOException {
    return Files.readString(f.toPath(), StandardCharsets.UTF_8);
  }

  @Test
  void ctrlCStopsResolveWaitingOnASilentServerWithinASecond() throws Exception {
    String dns = silentDns();
    Started s = start(launcher(), "resolve", "@" + dns, "ledger.payments.example.", "--timeout", "60s", "--tries", "1");
    await().atMost(Duration.ofSeconds(30)).until(() -> questions.get() > 0);
    Duration took = signal(s, "INT");
    assertThat(s.process().exitValue()).isEqualTo(130);
    assertThat(took).isLessThan(Duration.ofSeconds(1));
    assertThat(read(s.err()).lines().toList()).containsExactly("clusterctl: interrupted");
    assertThat(read(s.out())).isEmpty();
  }

  @Test
  void sigtermReachesTheJvmOnACommandsFirstRunAndEndsItWith143() throws Exception {
    String dns = silentDns();
    Path launcher = firstRunLauncher();
    Started s = start(launcher, "resolve", "@" + dns, "ledger.payments.example.", "--timeout", "60s", "--tries", "1");
    await().atMost(Duration.ofSeconds(30)).until(() -> questions.get() > 0);
    // exec: the process the launcher was started as is the JVM itself, which writes the archive at exit
    assertThat(s.process().info().command().orElse("")).endsWith("java");
    assertThat(s.process().info().arguments().map(List::of).orElse(List.of()))
        .anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
    Duration took = signal(s, "TERM");
    assertThat(s.process().exitValue()).isEqualTo(143);
    assertThat(took).isLessThan(Duration.ofSeconds(1));
    assertThat(read(s.err()).lines().toList()).containsExactly("clusterctl: terminated");

    // an interrupted first run leaves no archive; a run that does its work leaves one for the next
    Started ok = start(launcher, "resolve", "--help");
    assertThat(ok.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    Started bad = start(launcher, "resolve", "@127.0.0.1:1", "x.example.", "--timeout", "200ms", "--tries", "1");
    assertThat(bad.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(bad.process().exitValue()).isEqualTo(3);
    Path cache = dir.resolve("cache/clusterctl");
    try (var files = Files.list(cache)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsa"))).isEmpty();
    }
    Started works = start(launcher, "doctor", "-f", Path.of(System.getProperty("clusterctl.repo", ".."), "docs/examples/srv-deployment").toAbsolutePath().toString());
    assertThat(works.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(works.process().exitValue()).as(read(works.err())).isZero();
    Started again = start(launcher, "doctor", "--list-checks");
    assertThat(again.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    try (var files = Files.list(cache)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("cds-\\d+-doctor\\.jsa"))
          .noneMatch(n -> n.contains("resolve") && n.endsWith(".jsa"));
    }
  }

  @Test
  void sigtermStopsDoctorWaitingOnAHungApiWithinASecond() throws Exception {
    int port = silentTcp();
    Path kubeconfig = dir.resolve("kubeconfig");
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
            token: sha256~signal-test-token
        contexts:
        - name: hung
          context: {cluster: hung, user: me, namespace: payments}
        current-context: hung
        """.formatted(port));
    Started s = start(launcher(), "doctor", "--kubeconfig", kubeconfig.toString(), "--timeout", "60s");
    await().atMost(Duration.ofSeconds(30)).until(() -> accepted.get() > 0);
    Duration took = signal(s, "TERM");
    assertThat(s.process().exitValue()).isEqualTo(143);
    assertThat(took).isLessThan(Duration.ofSeconds(1));
    assertThat(read(s.err()).lines().toList()).containsExactly("clusterctl: terminated");
  }

  @Test
  void ctrlCStopsAWatchMidRefreshWithinASecondAndTheSummaryComesOnce() throws Exception {
    String dns = silentDns();
    Started s = start(launcher(), "join", "--watch", "-o", "jsonl", "--basename", "ledger", "@" + dns, "ledger.payments.example.",
        "--timeout", "60s", "--tries", "1");
    await().atMost(Duration.ofSeconds(30)).until(() -> questions.get() > 0);
    Duration took = signal(s, "INT");
    assertThat(s.process().exitValue()).isEqualTo(130);
    assertThat(took).isLessThan(Duration.ofSeconds(1));
    String err = read(s.err());
    assertThat(err.lines().filter(l -> l.startsWith("clusterctl: watched ")).count()).as(err).isEqualTo(1);
    assertThat(read(s.out()).lines().filter(l -> l.contains("\"event\":\"stopped\"")).count()).isEqualTo(1);
  }

  @Test
  void ctrlCInTheShellBringsThePromptBackWithinASecondAndNothingOfTheCommandFollows() throws Exception {
    tmux = RealServers.require("tmux", "tmux");
    String dns = silentDns();
    session = "clusterctl-signals-" + ProcessHandle.current().pid();
    assertThat(new ProcessBuilder(tmux.toString(), "new-session", "-d", "-s", session, "-x", "160", "-y", "40",
        "env XDG_CONFIG_HOME=" + dir.resolve("config") + " XDG_CACHE_HOME=" + dir.resolve("cache") + " NO_COLOR=1 TERM=xterm-256color "
            + launcher() + " shell 2>&1").start().waitFor(10, TimeUnit.SECONDS)).isTrue();
    awaitScreen(s -> s.contains("clusterctl>"), Duration.ofSeconds(30));

    // a lookup that would print "no DNS server answered" 3 s after it started
    keys("-l", "resolve @" + dns + " ledger.payments.example. --timeout 3s --tries 1");
    keys("Enter");
    await().atMost(Duration.ofSeconds(30)).until(() -> questions.get() > 0);
    long pressed = System.nanoTime();
    keys("C-c");
    awaitScreen(s -> s.contains("[exit 130]") && s.strip().endsWith("clusterctl>"), Duration.ofSeconds(1));
    assertThat(Duration.ofNanos(System.nanoTime() - pressed)).isLessThan(Duration.ofSeconds(1));
    // past the moment the lookup would have ended and printed: nothing of it ever shows
    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
        .until(() -> !screen().contains("no DNS server answered"));

    // join --watch inside the shell, stopped in the middle of a refresh that waits on the silent server
    int before = questions.get();
    keys("-l", "join --watch --basename ledger @" + dns + " ledger.payments.example. --timeout 60s --tries 1");
    keys("Enter");
    await().atMost(Duration.ofSeconds(30)).until(() -> questions.get() > before);
    pressed = System.nanoTime();
    keys("C-c");
    awaitScreen(s -> s.split("\\[exit 130]", -1).length == 3 && s.strip().endsWith("clusterctl>"), Duration.ofSeconds(1));
    assertThat(Duration.ofNanos(System.nanoTime() - pressed)).isLessThan(Duration.ofSeconds(1));
    assertThat(screen().split("clusterctl: watched ", -1).length).isEqualTo(2);
    keys("-l", "exit");
    keys("Enter");
  }

  @Test
  void sigtermToTheShellDuringAJoinWatchEndsTheShellWith143() throws Exception {
    tmux = RealServers.require("tmux", "tmux");
    String dns = silentDns();
    session = "clusterctl-term-" + ProcessHandle.current().pid();
    assertThat(new ProcessBuilder(tmux.toString(), "new-session", "-d", "-s", session, "-x", "160", "-y", "40",
        "env XDG_CONFIG_HOME=" + dir.resolve("config") + " XDG_CACHE_HOME=" + dir.resolve("cache")
            + " NO_COLOR=1 TERM=xterm-256color " + launcher() + " shell; echo \"[shell exited $?]\"; exec sleep 60").start().waitFor(10, TimeUnit.SECONDS)).isTrue();
    awaitScreen(s -> s.contains("clusterctl>"), Duration.ofSeconds(30));

    // Ctrl-C in the watch still ends only the watch: the shell stays
    keys("-l", "join --watch --basename ledger @" + dns + " ledger.payments.example. --timeout 60s --tries 1");
    keys("Enter");
    await().atMost(Duration.ofSeconds(30)).until(() -> questions.get() > 0);
    keys("C-c");
    awaitScreen(s -> s.contains("[exit 130]") && s.strip().endsWith("clusterctl>"), Duration.ofSeconds(1));

    // SIGTERM, as a supervisor sends it, in the middle of a refresh: the watch and the shell end
    int before = questions.get();
    keys("-l", "join --watch --basename ledger @" + dns + " ledger.payments.example. --timeout 60s --tries 1");
    keys("Enter");
    await().atMost(Duration.ofSeconds(30)).until(() -> questions.get() > before);
    // the pane runs sh, which waits for the shell (the launcher execs the JVM) and then prints its exit status
    long sh = Long.parseLong(tmuxFormat("#{pane_pid}"));
    ProcessHandle jvm = ProcessHandle.of(sh).orElseThrow().children().findFirst().orElseThrow();
    long sent = System.nanoTime();
    assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(jvm.pid())).start().waitFor(10, TimeUnit.SECONDS)).isTrue();
    // within the stop grace (0.9 s) the command has unwound; the shell ends with it
    jvm.onExit().get(10, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(1));
    awaitScreen(s -> s.contains("[shell exited "), Duration.ofSeconds(10));
    String screen = screen();
    assertThat(screen).contains("[shell exited 143]");
    assertThat(screen.split("clusterctl: watched ", -1).length).as(screen).isEqualTo(3); // one summary per watch
    assertThat(screen).doesNotContain("[exit 143]").doesNotContain("interrupted\nclusterctl: terminated")
        .doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b");
  }

  private String tmuxFormat(String format) throws Exception {
    Process p = new ProcessBuilder(tmux.toString(), "display-message", "-p", "-t", session, format).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private void keys(String... keys) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(tmux.toString(), "send-keys", "-t", session));
    cmd.addAll(List.of(keys));
    assertThat(new ProcessBuilder(cmd).start().waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  private String screen() throws Exception {
    Process p = new ProcessBuilder(tmux.toString(), "capture-pane", "-p", "-t", session).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private void awaitScreen(Predicate<String> shown, Duration within) throws Exception {
    AtomicReference<String> last = new AtomicReference<>("");
    try {
      await().pollInterval(Duration.ofMillis(50)).atMost(within).until(() -> {
        last.set(screen());
        return shown.test(last.get());
      });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("the terminal never showed what was expected within " + within + "; it shows:\n" + last.get(), e);
    }
  }
}
