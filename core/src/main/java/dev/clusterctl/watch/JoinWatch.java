package dev.clusterctl.watch;

import dev.clusterctl.error.BadInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The foreground refresh loop of {@code join --watch}: refresh, diff the peer set against the
 * previous one, report {@link WatchEvent events}, pause, repeat.
 *
 * <p>A failed lookup is an event, not an end: the last known peers are kept (stale) and the pause
 * doubles per failure up to {@link WatchOptions#maxBackoff()}. Only bad input (which would fail
 * every time) ends the loop with an exception. {@link #stop()} (from a signal handler or a key)
 * and {@link #refreshNow()} may be called from any thread; the loop reports a
 * {@link WatchEvent.Stopped} summary before {@link #run()} returns.
 */
public final class JoinWatch {

  private final Refresher refresher;
  private final WatchOptions options;
  private final WatchListener listener;
  private final Clock clock;
  private final Pause pause;
  private final RandomGenerator random;
  private volatile boolean stopped;
  /** Guards {@link #refreshing}: stop() interrupts a thread only while it refreshes. */
  private final Object lock = new Object();
  private Thread refreshing;

  /** A loop over {@code refresher}, paced by {@code options}, reporting to {@code listener}. */
  public JoinWatch(
      Refresher refresher, WatchOptions options, WatchListener listener, Clock clock, Pause pause, RandomGenerator random) {
    this.refresher = refresher;
    this.options = options;
    this.listener = listener;
    this.clock = clock;
    this.pause = pause;
    this.random = random;
  }

  /**
   * Ends the loop now: a refresh in progress is interrupted (its lookups and probes end at once)
   * and not reported; the summary follows.
   */
  public void stop() {
    synchronized (lock) {
      stopped = true;
      if (refreshing != null) {
        refreshing.interrupt();
      }
    }
    pause.wake();
  }

  /** Ends the current pause so the next refresh starts now. */
  public void refreshNow() {
    pause.wake();
  }

  /** Runs until stopped (or the refresh count is reached) and returns the summary. */
  public WatchSummary run() {
    Instant started = clock.instant();
    listener.on(new WatchEvent.Started(started, refresher.describe(), options.interval(), options.jitter()));
    Map<String, PeerReport> current = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    Set<String> departed = new HashSet<>();
    int refreshes = 0;
    int joins = 0;
    int leaves = 0;
    int flaps = 0;
    int changes = 0;
    int failures = 0;
    int consecutive = 0;
    while (!stopped) {
      JoinReport report = refreshOnce();
      if (report == null) {
        break;
      }
      refreshes++;
      Duration next;
      if (report.discovered() instanceof Discovered.Failed f) {
        failures++;
        consecutive++;
        next = withJitter(options.backoff(consecutive));
        listener.on(new WatchEvent.LookupFailed(
            clock.instant(), refreshes, f.status(), f.message(), consecutive, next, List.copyOf(current.values())));
      } else {
        if (consecutive > 0) {
          listener.on(new WatchEvent.LookupRecovered(clock.instant(), refreshes, consecutive));
          consecutive = 0;
        }
        Map<String, PeerReport> now = new LinkedHashMap<>();
        report.peers().forEach(p -> now.put(p.nodeName(), p));
        for (PeerReport p : now.values()) {
          PeerReport before = current.get(p.nodeName());
          if (before == null) {
            joins++;
            if (departed.remove(p.nodeName())) {
              flaps++;
            }
            seen.add(p.nodeName());
            listener.on(new WatchEvent.Joined(clock.instant(), refreshes, p));
          } else if (!before.stateKey().equals(p.stateKey())) {
            changes++;
            listener.on(new WatchEvent.StateChanged(clock.instant(), refreshes, before, p));
          }
        }
        for (PeerReport gone : current.values()) {
          if (!now.containsKey(gone.nodeName())) {
            leaves++;
            departed.add(gone.nodeName());
            listener.on(new WatchEvent.Left(clock.instant(), refreshes, gone));
          }
        }
        current = now;
        next = withJitter(options.interval());
        List<String> notes = report.discovered() instanceof Discovered.Found found ? found.notes() : List.of();
        listener.on(new WatchEvent.Refreshed(
            clock.instant(), refreshes, report.peers(), report.mesh(), notes, report.elapsed(), next));
      }
      if (options.count().isPresent() && refreshes >= options.count().getAsLong()) {
        break;
      }
      if (stopped) {
        break;
      }
      try {
        pause.await(next);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    long joinable = current.values().stream().filter(p -> p.verdict().ok()).count();
    WatchSummary summary = new WatchSummary(refreshes, seen.size(), joins, leaves, flaps, changes, failures,
        (int) joinable, current.size(), Duration.between(started, clock.instant()));
    listener.on(new WatchEvent.Stopped(clock.instant(), summary));
    return summary;
  }

  /** One refresh; null when {@link #stop()} came first or cut it short. */
  private JoinReport refreshOnce() {
    synchronized (lock) {
      if (stopped) {
        return null;
      }
      refreshing = Thread.currentThread();
    }
    try {
      JoinReport report = refresh();
      return stopped ? null : report;
    } finally {
      synchronized (lock) {
        refreshing = null;
      }
      if (stopped) {
        Thread.interrupted(); // the interrupt was for the refresh; the summary is still to be reported
      }
    }
  }

  private JoinReport refresh() {
    try {
      return refresher.refresh();
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      // A transient failure inside discovery must not end the loop: report it like a failed lookup.
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new JoinReport(refresher.describe(), new Discovered.Failed("error", message, true), List.of(),
          java.util.Optional.empty(), Duration.ZERO);
    }
  }

  private Duration withJitter(Duration base) {
    long j = options.jitter().toMillis();
    return j <= 0 ? base : base.plusMillis(random.nextLong(j + 1));
  }
}
