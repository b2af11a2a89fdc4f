package dev.clusterctl.erlang.dist;

import java.util.Locale;

/**
 * Why a probe could not finish, as a kind and one line naming the peer and the step.
 *
 * @param kind what went wrong
 * @param message one line, e.g. {@code 10.0.0.5:4370: connection refused}
 */
public record ProbeError(Kind kind, String message) {

  /** What went wrong. */
  public enum Kind {
    /** The host part of the name does not resolve. */
    UNKNOWN_HOST,
    /** Nothing listens on the port (EPMD's or the node's). */
    CONNECTION_REFUSED,
    /** The host or network is unreachable. */
    NO_ROUTE,
    /** The peer did not answer within the per-peer timeout (including stalls mid-handshake). */
    TIMEOUT,
    /** The peer closed the connection before the step was done. */
    CLOSED,
    /** EPMD answered but has no node of that name registered. */
    NOT_REGISTERED,
    /** The peer sent bytes that break the protocol (garbage, bad lengths, oversized frames). */
    PROTOCOL,
    /** The RPC reached the node but failed there (e.g. {@code badrpc}). */
    RPC,
    /** Another I/O failure. */
    IO;

    /** The id used in reports ({@code connection-refused}, …). */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
