package dev.clusterctl.error;

/** A server or API the command needs (a DNS server, the Kubernetes API, a node) could not be reached. */
public class UnreachableException extends ClusterctlException {

  /** Creates the failure with a one-line message that names the server and what happened. */
  public UnreachableException(String message) {
    super(message);
  }

  /** Creates the failure with a one-line message and the I/O exception behind it. */
  public UnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
