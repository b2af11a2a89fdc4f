package dev.clusterctl.cli.render.join;

import dev.clusterctl.watch.JoinWatch;
import dev.clusterctl.watch.Mesh;
import dev.clusterctl.watch.PeerReport;
import dev.clusterctl.watch.WatchEvent;
import dev.clusterctl.watch.WatchListener;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.NonBlockingReader;

/**
 * The terminal view of {@code join --watch}: the peer table redrawn in place, the last events
 * below it, and keys {@code r} (refresh now) and {@code q} (quit).
 */
public final class LiveView implements WatchListener, AutoCloseable {

  private static final int EVENT_LINES = 8;
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final Terminal terminal;
  private final JoinText text;
  private final Display display;
  private final Attributes saved;
  private final Deque<String> events = new ArrayDeque<>();
  private List<PeerReport> peers = List.of();
  private Optional<Mesh> mesh = Optional.empty();
  private String header = "starting…";
  private String status = "";
  private String waiting = "";
  private boolean stale;
  private Thread keys;
  private volatile boolean quit;

  /** Takes over {@code terminal} (raw mode, until {@link #close()}), colouring when {@code color}. */
  public LiveView(Terminal terminal, boolean color) {
    this.terminal = terminal;
    this.text = new JoinText(color);
    this.display = new Display(terminal, false);
    this.saved = terminal.enterRawMode();
  }

  /** Starts reading keys: {@code r} refreshes now, {@code q} (or Ctrl-C in raw mode) stops {@code watch}. */
  public void listenForKeys(JoinWatch watch) {
    keys = new Thread(() -> {
      NonBlockingReader reader = terminal.reader();
      while (!quit) {
        try {
          int c = reader.read(200);
          if (c == 'r' || c == 'R') {
            watch.refreshNow();
          } else if (c == 'q' || c == 'Q' || c == 3 || c == NonBlockingReader.EOF) {
            quit = true;
            watch.stop();
          }
        } catch (IOException e) {
          return;
        }
      }
    }, "clusterctl-keys");
    keys.setDaemon(true);
    keys.start();
  }

  /** True when the user pressed {@code q}. */
  public boolean quitByKey() {
    return quit;
  }

  @Override
  public synchronized void on(WatchEvent e) {
    String time = CLOCK.format(e.at());
    if (e instanceof WatchEvent.Started s) {
      header = "join --watch: " + s.source() + ", every " + s.interval().toMillis() + " ms";
    } else if (e instanceof WatchEvent.Joined j) {
      event(time + " joined " + j.peer().nodeName() + " (" + j.peer().verdict().id() + ")");
    } else if (e instanceof WatchEvent.Left l) {
      event(time + " left " + l.last().nodeName());
    } else if (e instanceof WatchEvent.StateChanged c) {
      event(time + " " + c.after().nodeName() + ": " + c.before().verdict().id() + " -> " + c.after().verdict().id());
    } else if (e instanceof WatchEvent.LookupFailed f) {
      stale = true;
      event(time + " lookup failed: " + f.message() + "; retry in " + f.retryIn().toMillis() + " ms");
      status = "STALE: last lookup failed (" + f.status() + "), showing the last known peers";
    } else if (e instanceof WatchEvent.LookupRecovered r) {
      event(time + " lookup answers again after " + r.failures() + " failure(s)");
    } else if (e instanceof WatchEvent.Refreshed r) {
      stale = false;
      peers = r.peers();
      mesh = r.mesh();
      status = "refresh " + r.refresh() + " at " + time + ": " + r.joinable() + " of " + r.peers().size()
          + " joinable; next in " + r.next().toMillis() + " ms";
    } else if (e instanceof WatchEvent.Stopped s) {
      status = text.summary(s.summary());
    }
    redraw();
  }

  /**
   * Shows {@code text} (a long wait inside the refresh: {@code asking 10.96.0.10 over UDP… 3 s})
   * on the line under the status, or clears it when empty: the view owns the screen, so a wait is
   * drawn among its lines, never over them.
   */
  public synchronized void waiting(String text) {
    waiting = text;
    redraw();
  }

  private void event(String line) {
    events.addLast(line);
    while (events.size() > EVENT_LINES) {
      events.removeFirst();
    }
  }

  private void redraw() {
    List<String> lines = new ArrayList<>();
    lines.add(header);
    lines.add(status);
    lines.add(waiting);
    lines.addAll(peers.isEmpty() ? List.of("(no peers)") : text.table(peers));
    mesh.ifPresent(m -> {
      lines.add("");
      lines.addAll(text.mesh(m));
    });
    lines.add("");
    lines.add("events:" + (stale ? " (peer table is stale)" : ""));
    lines.addAll(events);
    lines.add("");
    lines.add("keys: r refresh now, q quit");
    Size size = terminal.getSize();
    display.resize(Math.max(1, size.getRows()), Math.max(20, size.getColumns()));
    display.update(lines.stream().map(AttributedString::fromAnsi).toList(), -1);
    terminal.flush();
  }

  @Override
  public void close() {
    quit = true;
    if (keys != null) {
      try {
        keys.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    terminal.setAttributes(saved);
    terminal.writer().println();
    terminal.flush();
  }
}
