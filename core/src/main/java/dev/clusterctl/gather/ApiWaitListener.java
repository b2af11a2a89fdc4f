package dev.clusterctl.gather;

import dev.clusterctl.dns.WaitListener;

/**
 * Hears when clusterctl starts and stops waiting for the Kubernetes API server's answer to one
 * call, as it happens: a front end may show a long wait while it lasts. Called from the threads
 * that wait; must return at once and never throw.
 */
@FunctionalInterface
public interface ApiWaitListener {

  /** A listener that hears nothing. */
  ApiWaitListener NONE = (server, call) -> () -> { };

  /**
   * A wait for {@code server}'s answer to {@code call} (e.g. {@code list services}) starts;
   * closing the returned handle says it ended (answered, failed, timed out or interrupted).
   */
  WaitListener.Wait asking(String server, String call);
}
