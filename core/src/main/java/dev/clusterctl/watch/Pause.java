package dev.clusterctl.watch;

import java.time.Duration;

/** The wait between refreshes; {@link #wake()} ends it early ({@code r} refreshes now, stopping ends the loop). */
public interface Pause {

  /** Waits up to {@code d}, returning early when woken. */
  void await(Duration d) throws InterruptedException;

  /** Ends the current (or the next) wait at once. */
  void wake();

  /** A pause on the system clock. */
  static Pause system() {
    return new MonitorPause();
  }

  /** {@link Pause} with {@link Object#wait(long)}: a wake before the wait is not lost. */
  final class MonitorPause implements Pause {
    private boolean woken;

    @Override
    public synchronized void await(Duration d) throws InterruptedException {
      long deadline = System.nanoTime() + d.toNanos();
      while (!woken) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        wait(Math.max(1, left / 1_000_000L));
      }
      woken = false;
    }

    @Override
    public synchronized void wake() {
      woken = true;
      notifyAll();
    }
  }
}
