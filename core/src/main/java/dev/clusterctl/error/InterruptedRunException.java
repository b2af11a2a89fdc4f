package dev.clusterctl.error;

/**
 * A blocking step (a child process, a wait) was interrupted, as by Ctrl-C. Unchecked so it can leave
 * code that cannot declare {@link InterruptedException}; its cause is always that
 * {@link InterruptedException}, which the command line maps to exit 130. Deliberately not a
 * {@link ClusterctlException}: an interruption is neither bad input nor an unreachable server.
 */
public final class InterruptedRunException extends RuntimeException {

  /** Wraps {@code cause}; the thread's interrupt flag must already be set again by the thrower. */
  public InterruptedRunException(String message, InterruptedException cause) {
    super(message, cause);
  }
}
