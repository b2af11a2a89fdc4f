package dev.clusterctl.cli.terminal;

import dev.clusterctl.dns.Transport;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A quiet line on stderr while a wait lasts longer than about a second: {@code asking 10.96.0.10
 * over TCP… 3 s}, counted from the start of the busy spell, redrawn in place each quarter second
 * and erased as soon as nothing is waited for any more (and when closed), so that nothing of it
 * stays on the screen or mixes with output. Only on a terminal: {@link #forStderr} returns a
 * listener that shows nothing in a pipe, with {@code --quiet}, with {@code TERM=dumb} or for JSON.
 */
public final class ProgressLine implements WaitDisplay {

  /** How long a wait lasts before the line appears. */
  static final Duration DELAY = Duration.ofSeconds(1);

  /** A pause shorter than this between two waits (a retry) keeps counting from the first. */
  private static final Duration SPELL_GAP = Duration.ofSeconds(1);

  private final PrintWriter err;
  private final LongSupplier nanos;
  private final ScheduledExecutorService ticker;
  private final Map<Object, String> waits = new LinkedHashMap<>();
  private long spellStart;
  private long idleSince = Long.MIN_VALUE;
  private boolean shown;
  private boolean closed;

  ProgressLine(PrintWriter err, LongSupplier nanos, boolean tick) {
    this.err = err;
    this.nanos = nanos;
    if (tick) {
      this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "clusterctl-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    } else {
      this.ticker = null;
    }
  }

  /**
   * A progress line on {@code err} when stderr is a terminal and nothing opts out ({@code quiet},
   * {@code TERM=dumb}, machine-readable output); else a listener that shows nothing.
   */
  public static WaitDisplay forStderr(PrintWriter err, boolean quiet, boolean machineOutput, Map<String, String> env) {
    if (quiet || machineOutput || "dumb".equals(env.get("TERM")) || !stderrIsATerminal()) {
      return WaitDisplay.NONE;
    }
    return new ProgressLine(err, System::nanoTime, true);
  }

  /**
   * True when stdin and stdout are a terminal (there is a console) and stderr is one too: on Linux
   * read from {@code /proc/self/fd/2}; where that cannot be read, the console decides.
   */
  static boolean stderrIsATerminal() {
    if (System.console() == null) {
      return false;
    }
    Path fd = Path.of("/proc/self/fd/2");
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception unknown) {
      return true;
    }
  }

  @Override
  public synchronized Wait waiting(InetSocketAddress server, Transport transport, String name) {
    if (closed) {
      return () -> { };
    }
    long now = nanos.getAsLong();
    if (waits.isEmpty() && (idleSince == Long.MIN_VALUE || now - idleSince > SPELL_GAP.toNanos())) {
      spellStart = now;
    }
    Object token = new Object();
    waits.put(token, "asking " + server(server) + " over " + transport.name());
    return () -> ended(token);
  }

  private synchronized void ended(Object token) {
    waits.remove(token);
    if (waits.isEmpty()) {
      idleSince = nanos.getAsLong();
      erase();
    }
  }

  /** Redraws the line (called every quarter second). */
  synchronized void tick() {
    if (closed || waits.isEmpty()) {
      return;
    }
    long elapsed = nanos.getAsLong() - spellStart;
    if (elapsed < DELAY.toNanos()) {
      return;
    }
    String label = waits.values().iterator().next();
    String more = waits.size() > 1 ? " (+" + (waits.size() - 1) + " more)" : "";
    err.print("\r" + label + more + "\u2026 " + TimeUnit.NANOSECONDS.toSeconds(elapsed) + " s\u001b[K");
    err.flush();
    shown = true;
  }

  private void erase() {
    if (shown) {
      err.print("\r\u001b[K");
      err.flush();
      shown = false;
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ticker != null) {
      ticker.shutdownNow();
    }
    waits.clear();
    erase();
  }

  private static String server(InetSocketAddress a) {
    String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
    if (a.getPort() == 53) {
      return host;
    }
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }
}
