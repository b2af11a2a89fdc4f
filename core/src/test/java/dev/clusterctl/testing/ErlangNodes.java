package dev.clusterctl.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Real Erlang nodes for tests, started from Debian's {@code erl} on loopback.
 *
 * <p>EPMD-less nodes ({@code -erl_epmd_port P -start_epmd false}) all listen on one fixed port
 * {@link #distPort()}, each bound to its own loopback address 127.0.0.x with
 * {@code -kernel inet_dist_use_interface}, as several pods of one release would; one EPMD of our
 * own runs on a free port ({@code ERL_EPMD_PORT}) for nodes that register with it. Everything is
 * started as a child process and stopped by its process id in {@link #close()}; each node's
 * output goes to a log file in {@link #dir()}.
 *
 * <p>Start nodes with {@link #start}/{@link #startWithEpmd} (which return at once) and then
 * {@link #awaitReady} them together: starting a VM takes about a second, so tests start all they
 * need in parallel.
 */
public final class ErlangNodes implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final Path erl;
  private final Path dir;
  private final int distPort;
  private final List<Process> processes = Collections.synchronizedList(new ArrayList<>());
  private Integer epmdPort;

  /** A started node: its name, the address it listens on, and its process. */
  public record Node(String name, String ip, Process process, Path log, boolean viaEpmd) {
    /** The part of the name before {@code @}. */
    public String alive() {
      return name.substring(0, name.indexOf('@'));
    }
  }

  private ErlangNodes(Path erl, Path dir, int distPort) {
    this.erl = erl;
    this.dir = dir;
    this.distPort = distPort;
  }

  /** A harness with a fresh free distribution port; skips the test when {@code erl} is missing. */
  public static ErlangNodes create() throws IOException {
    Path erl = RealServers.require("erl", "erlang-base");
    return new ErlangNodes(erl, Files.createTempDirectory("clusterctl-erl-"), freePort());
  }

  /** The fixed distribution port every EPMD-less node listens on. */
  public int distPort() {
    return distPort;
  }

  /** The folder holding the nodes' log files. */
  public Path dir() {
    return dir;
  }

  /**
   * Starts an EPMD-less node named {@code name} bound to {@code ip} (127.0.0.x) with
   * {@code cookie}; {@code eval} (may be null) runs at start-up ({@code -eval}).
   */
  public Node start(String name, String ip, String cookie, String eval) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        erl.toString(), "-name", name, "-setcookie", cookie,
        "-erl_epmd_port", Integer.toString(distPort), "-start_epmd", "false",
        "-kernel", "inet_dist_use_interface", tuple(ip),
        "-noshell", "-noinput"));
    if (eval != null) {
      cmd.add("-eval");
      cmd.add(eval);
    }
    return launch(name, ip, cmd, null, false);
  }

  /** Starts a node {@code name} on 127.0.0.1 that registers with this harness's own EPMD. */
  public Node startWithEpmd(String name, String cookie) throws IOException {
    int port = epmdPort();
    List<String> cmd = List.of(
        erl.toString(), "-name", name, "-setcookie", cookie, "-start_epmd", "false",
        "-kernel", "inet_dist_use_interface", tuple("127.0.0.1"), "-noshell", "-noinput");
    return launch(name, "127.0.0.1", cmd, port, true);
  }

  /** The port of this harness's own EPMD, started on first use (never the default 4369). */
  public synchronized int epmdPort() throws IOException {
    if (epmdPort == null) {
      int port = freePort();
      Path epmd = erl.resolveSibling("epmd");
      String program = Files.isExecutable(epmd) ? epmd.toString() : "epmd";
      ProcessBuilder pb = new ProcessBuilder(program, "-port", Integer.toString(port), "-address", "127.0.0.1");
      pb.redirectErrorStream(true).redirectOutput(dir.resolve("epmd.log").toFile());
      processes.add(pb.start());
      waitForPort(new InetSocketAddress("127.0.0.1", port), "epmd");
      epmdPort = port;
    }
    return epmdPort;
  }

  private Node launch(String name, String ip, List<String> cmd, Integer epmd, boolean viaEpmd) throws IOException {
    Path log = dir.resolve(name.replace('@', '_') + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("ERL_EPMD_PORT");
    if (epmd != null) {
      pb.environment().put("ERL_EPMD_PORT", Integer.toString(epmd));
    }
    pb.environment().put("HOME", dir.toString());
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    processes.add(p);
    return new Node(name, ip, p, log, viaEpmd);
  }

  /** Waits until every node listens (EPMD-less: its port accepts; with EPMD: it is registered). */
  public void awaitReady(Node... nodes) throws IOException {
    for (Node n : nodes) {
      if (n.viaEpmd()) {
        waitForEpmdRegistration(n);
      } else {
        waitForPort(new InetSocketAddress(n.ip(), distPort), n.name() + " (log " + n.log() + ")");
      }
    }
  }

  private void waitForEpmdRegistration(Node n) throws IOException {
    Path epmd = erl.resolveSibling("epmd");
    try {
      await().atMost(READY_TIMEOUT).until(() -> {
        ProcessBuilder pb = new ProcessBuilder(Files.isExecutable(epmd) ? epmd.toString() : "epmd", "-names");
        pb.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.SECONDS);
        return out.contains("name " + n.alive() + " at port");
      });
    } catch (ConditionTimeoutException e) {
      throw new IOException(n.name() + " did not register with EPMD in " + READY_TIMEOUT + " (log " + n.log() + ")", e);
    }
  }

  private static void waitForPort(InetSocketAddress address, String what) throws IOException {
    try {
      await().atMost(READY_TIMEOUT).until(() -> {
        try (Socket s = new Socket()) {
          s.connect(address, 500);
          return true;
        } catch (IOException notYet) {
          return false;
        }
      });
    } catch (ConditionTimeoutException e) {
      throw new IOException(what + " did not listen on " + address + " within " + READY_TIMEOUT, e);
    }
  }

  /** Stops one node (SIGTERM, then SIGKILL) by its process id. */
  public void stop(Node n) {
    stopProcess(n.process());
  }

  private static void stopProcess(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Stops every process this harness started, by process id. */
  @Override
  public void close() {
    List<Process> all;
    synchronized (processes) {
      all = new ArrayList<>(processes);
    }
    Collections.reverse(all);
    all.forEach(Process::destroy);
    all.forEach(ErlangNodes::stopProcess);
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary folder of logs is harmless
    }
  }

  /** A free TCP port on loopback, as the kernel hands one out. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static String tuple(String ip) {
    return "{" + ip.replace('.', ',') + "}";
  }
}
