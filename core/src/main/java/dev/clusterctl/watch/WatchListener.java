package dev.clusterctl.watch;

/** Receives the loop's events, in order, on the loop's thread. */
@FunctionalInterface
public interface WatchListener {

  /** Handles one event (render it, write a JSON line, …). */
  void on(WatchEvent event);
}
