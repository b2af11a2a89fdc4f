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
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A quiet line on stderr while a wait lasts longer than about a second: {@code asking 10.96.0.10
 * over TCP… 3 s}, counted from the start of the busy spell, redrawn in place each quarter second
 * and erased as soon as nothing is waited for any more (and when closed), so that nothing of it
 * stays on the screen or mixes with output. Only on a terminal: {@link #forStderr} returns a
 * listener that shows nothing in a pipe, with {@code --quiet}, with {@code TERM=dumb} or for JSON.
 * The waits are a DNS server's reply ({@code asking 10.96.0.10 over TCP}) and the Kubernetes API
 * server's answer ({@code asking the API server https://10.0.0.1:6443}). A full-screen view (join's
 * live view) gets the same text through {@link #inView} and shows it among its own lines.
 */
public final class ProgressLine implements WaitDisplay {

  /** How long a wait lasts before the line appears. */
  static final Duration DELAY = Duration.ofSeconds(1);

  /** A pause shorter than this between two waits (a retry) keeps counting from the first. */
  private static final Duration SPELL_GAP = Duration.ofSeconds(1);

  /** Shows the line's text; an empty text erases it. */
  private final Consumer<String> surface;
  private final LongSupplier nanos;
  private final ScheduledExecutorService ticker;
  private final Map<Object, String> waits = new LinkedHashMap<>();
  private long spellStart;
  private long idleSince = Long.MIN_VALUE;
  private boolean shown;
  private boolean closed;

  ProgressLine(PrintWriter err, LongSupplier nanos, boolean tick) {
    this(onStderr(err), nanos, tick);
  }

  ProgressLine(Consumer<String> surface, LongSupplier nanos, boolean tick) {
    this.surface = surface;
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
   * A progress text for a view that owns the screen (join's live view): {@code show} gets the text
   * while a wait lasts past the delay, and an empty text when it is over; nothing with
   * {@code quiet}.
   */
  public static WaitDisplay inView(Consumer<String> show, boolean quiet) {
    if (quiet) {
      return WaitDisplay.NONE;
    }
    return new ProgressLine(show, System::nanoTime, true);
  }

  /** Draws the text at the start of the current stderr line, erasing what was there; empty erases. */
  private static Consumer<String> onStderr(PrintWriter err) {
    return text -> {
      err.print(text.isEmpty() ? "\r\u001b[K" : "\r" + text + "\u001b[K");
      err.flush();
    };
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
  public Wait waiting(InetSocketAddress server, Transport transport, String name) {
    return started("asking " + server(server) + " over " + transport.name());
  }

  @Override
  public Wait asking(String server, String call) {
    return started("asking the API server " + apiServer(server));
  }

  private synchronized Wait started(String label) {
    if (closed) {
      return () -> { };
    }
    long now = nanos.getAsLong();
    if (waits.isEmpty() && (idleSince == Long.MIN_VALUE || now - idleSince > SPELL_GAP.toNanos())) {
      spellStart = now;
    }
    Object token = new Object();
    waits.put(token, label);
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
    surface.accept(label + more + "\u2026 " + TimeUnit.NANOSECONDS.toSeconds(elapsed) + " s");
    shown = true;
  }

  private void erase() {
    if (shown) {
      surface.accept("");
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

  /** The API server's URL as shown: no user part (a kubeconfig may carry a password there), no trailing slash. */
  static String apiServer(String url) {
    String shown = url;
    try {
      java.net.URI u = new java.net.URI(url);
      if (u.getRawUserInfo() != null && u.getHost() != null) {
        shown = new java.net.URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
      }
    } catch (java.net.URISyntaxException notAUri) {
      int at = url.lastIndexOf('@');
      int scheme = url.indexOf("://");
      shown = at > scheme && scheme >= 0 ? url.substring(0, scheme + 3) + url.substring(at + 1) : url;
    }
    return shown.endsWith("/") ? shown.substring(0, shown.length() - 1) : shown;
  }

  private static String server(InetSocketAddress a) {
    String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
    if (a.getPort() == 53) {
      return host;
    }
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }
}
