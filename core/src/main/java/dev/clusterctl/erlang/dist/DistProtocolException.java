package dev.clusterctl.erlang.dist;

import java.io.IOException;

/** A peer sent bytes that break the EPMD or distribution protocol (garbage, a bad length, an unknown tag). */
public final class DistProtocolException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the failure with a one-line message saying what was wrong with the bytes. */
  public DistProtocolException(String message) {
    super(message);
  }
}
