package dev.clusterctl.error;

/** The input (a file, a domain name, an option value) is not usable as given. */
public class BadInputException extends ClusterctlException {

  /** Creates the failure with a one-line message that names the input and what is wrong. */
  public BadInputException(String message) {
    super(message);
  }

  /** Creates the failure with a one-line message and the parser's own exception. */
  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
