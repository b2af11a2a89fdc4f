package dev.clusterctl.cli.exit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one line a run ends with after a signal ({@code interrupted}, {@code terminated}, or a
 * watch's summary), printed exactly once. Two paths can print it: the command itself as it
 * unwinds (the {@link ErrorHandler}, a watch's summary) and {@code Main}'s fallback that ends the
 * JVM when the command has not returned within the stop grace. Whichever claims it first prints;
 * the other stays silent, however close together they run.
 */
public final class LastLine {

  private final AtomicBoolean said = new AtomicBoolean();

  /** True for the first caller only: that caller prints the line. */
  public boolean claim() {
    return said.compareAndSet(false, true);
  }

  /** True once a caller has claimed the line. */
  public boolean said() {
    return said.get();
  }
}
