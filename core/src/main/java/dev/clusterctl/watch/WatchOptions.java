package dev.clusterctl.watch;

import dev.clusterctl.error.BadInputException;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * How the refresh loop paces itself.
 *
 * @param interval the pause between refreshes (gen_cluster and libcluster default to 5 s)
 * @param jitter up to this much is added at random to each pause, so many watchers do not ask in step
 * @param maxBackoff the longest pause after failed lookups (the pause doubles per failure up to this)
 * @param count stop after this many refreshes; empty to run until stopped
 */
public record WatchOptions(Duration interval, Duration jitter, Duration maxBackoff, OptionalLong count) {

  /** The default interval, as gen_cluster's {@code refresh_interval_ms} and libcluster's {@code polling_interval}. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  /** The default cap of the back-off after failed lookups. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);

  /** Checks the values. */
  public WatchOptions {
    if (interval.isNegative() || interval.isZero()) {
      throw new BadInputException("--interval must be positive, not " + interval.toMillis() + " ms");
    }
    if (jitter.isNegative()) {
      throw new BadInputException("--jitter must not be negative");
    }
    if (count.isPresent() && count.getAsLong() < 1) {
      throw new BadInputException("--count must be at least 1, not " + count.getAsLong());
    }
    if (maxBackoff.compareTo(interval) < 0) {
      maxBackoff = interval;
    }
  }

  /** The pause after {@code consecutiveFailures} failed lookups in a row: the interval doubled per failure, capped. */
  public Duration backoff(int consecutiveFailures) {
    Duration d = interval;
    for (int i = 1; i < consecutiveFailures && d.compareTo(maxBackoff) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}
