package dev.clusterctl.time;

import java.time.Duration;

/**
 * The moment by which an operation must be over, on the monotonic clock ({@link System#nanoTime}),
 * with the budget it was made from (for messages). Immutable; safe to share between threads.
 *
 * <p>Budgets are clamped, never overflowed: a negative or zero budget is already over, and a budget
 * larger than {@link #MAX_BUDGET} (about 73 years) is that long, so that any {@link Duration} a
 * user can type gives a deadline instead of an arithmetic error.
 */
public final class Deadline implements Comparable<Deadline> {

  /** The longest budget a deadline keeps; longer ones are clamped to it. */
  public static final Duration MAX_BUDGET = Duration.ofNanos(Long.MAX_VALUE / 4);

  private final long atNanos;
  private final Duration budget;

  private Deadline(long atNanos, Duration budget) {
    this.atNanos = atNanos;
    this.budget = budget;
  }

  /** The deadline {@code budget} from now (clamped to zero and {@link #MAX_BUDGET}). */
  public static Deadline after(Duration budget) {
    Duration b = clamp(budget);
    return new Deadline(System.nanoTime() + b.toNanos(), b);
  }

  /** The deadline {@code millis} milliseconds from now. */
  public static Deadline afterMillis(long millis) {
    return after(Duration.ofMillis(Math.max(0, millis)));
  }

  /** The budget this deadline was made from. */
  public Duration budget() {
    return budget;
  }

  /** The time left, zero once the deadline has passed. */
  public Duration remaining() {
    return Duration.ofNanos(remainingNanos());
  }

  /** The time left in nanoseconds, zero once the deadline has passed. */
  public long remainingNanos() {
    return Math.max(0, atNanos - System.nanoTime());
  }

  /**
   * The time left in whole milliseconds, rounded up so that a wait of this many milliseconds does
   * not end before the deadline; zero once the deadline has passed.
   */
  public long remainingMillis() {
    long n = remainingNanos();
    return n == 0 ? 0 : (n + 999_999) / 1_000_000;
  }

  /** True once the deadline has passed. */
  public boolean expired() {
    return remainingNanos() == 0;
  }

  /** The earlier of this deadline and {@code other}. */
  public Deadline earlier(Deadline other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /**
   * The earlier of this deadline and {@code wait} from now: the deadline of one step (one wait for
   * one answer) inside this operation.
   */
  public Deadline within(Duration wait) {
    return earlier(after(wait));
  }

  /** True when {@code wait} from now ends after this deadline (the step would be cut short). */
  public boolean cuts(Duration wait) {
    return clamp(wait).toNanos() > remainingNanos();
  }

  /** Sleeps until the deadline or for {@code pause}, whichever comes first; returns at once when interrupted. */
  public void sleep(Duration pause) throws InterruptedException {
    long nanos = Math.min(clamp(pause).toNanos(), remainingNanos());
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  }

  @Override
  public int compareTo(Deadline o) {
    return Long.signum(atNanos - o.atNanos);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Deadline d && d.atNanos == atNanos;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(atNanos);
  }

  /** E.g. {@code deadline in 1666 ms (of 4865 ms)}. */
  @Override
  public String toString() {
    return "deadline in " + remainingMillis() + " ms (of " + budget.toMillis() + " ms)";
  }

  private static Duration clamp(Duration d) {
    if (d.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(MAX_BUDGET) > 0 ? MAX_BUDGET : d;
  }
}
