package dev.clusterctl.error;

/**
 * A failure whose message is already one clear line for the user: no stack trace needed.
 *
 * <p>Subclasses say what kind of failure it is, which the command line maps to an exit code.
 */
public abstract class ClusterctlException extends RuntimeException {

  /** Creates a failure with a one-line, user-facing message. */
  protected ClusterctlException(String message) {
    super(message);
  }

  /** Creates a failure with a one-line, user-facing message and the underlying cause. */
  protected ClusterctlException(String message, Throwable cause) {
    super(message, cause);
  }
}
