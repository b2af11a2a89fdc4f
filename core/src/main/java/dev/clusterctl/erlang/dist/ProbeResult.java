package dev.clusterctl.erlang.dist;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What probing one peer found, step by step; later steps are empty when an earlier one failed.
 *
 * @param target the peer as asked
 * @param address the IP address connected to, when the host resolved
 * @param portSource where the distribution port came from
 * @param port the distribution port, when known
 * @param epmd EPMD's entry for the node, when EPMD was asked and knew it
 * @param status the node's answer to {@code send_name}, when it got that far
 * @param announcedName the name the node announced for itself in its challenge
 * @param cookie what the handshake found about the cookie
 * @param peerFlags the node's capability flags from its challenge (0 when not reached)
 * @param nodes the node's {@code erlang:nodes()}, when asked for and obtained
 * @param nodesError why {@code erlang:nodes()} could not be obtained after a complete handshake
 * @param error why the probe stopped early, when it did
 * @param elapsed how long the probe took
 */
public record ProbeResult(
    ProbeTarget target,
    Optional<String> address,
    PortSource portSource,
    OptionalInt port,
    Optional<EpmdEntry> epmd,
    Optional<HandshakeStatus> status,
    Optional<String> announcedName,
    CookieCheck cookie,
    long peerFlags,
    Optional<List<String>> nodes,
    Optional<ProbeError> nodesError,
    Optional<ProbeError> error,
    Duration elapsed) {

  /** The node name the caller expected. */
  public String expectedName() {
    return target.expectedName();
  }

  /** Whether the announced name equals the expected one (exactly, as Erlang compares atoms); empty when not read. */
  public Optional<Boolean> nameMatches() {
    return announcedName.map(n -> n.equals(target.expectedName()));
  }

  /** The conclusion: the most telling finding wins (a refusing status, a name mismatch, the cookie, then errors). */
  public Verdict verdict() {
    if (status.isPresent() && !status.get().proceeds()) {
      return status.get() == HandshakeStatus.NOT_ALLOWED ? Verdict.NOT_ALLOWED : Verdict.BUSY;
    }
    if (nameMatches().orElse(true) == Boolean.FALSE) {
      return Verdict.NAME_MISMATCH;
    }
    if (cookie == CookieCheck.REJECTED) {
      return Verdict.COOKIE_REJECTED;
    }
    if (error.isPresent()) {
      return switch (error.get().kind()) {
        case NOT_REGISTERED -> Verdict.NOT_REGISTERED;
        case TIMEOUT -> Verdict.TIMEOUT;
        case PROTOCOL, CLOSED, RPC -> Verdict.PROTOCOL_ERROR;
        case UNKNOWN_HOST, CONNECTION_REFUSED, NO_ROUTE, IO -> Verdict.UNREACHABLE;
      };
    }
    return cookie == CookieCheck.ACCEPTED ? Verdict.JOINABLE : Verdict.REACHABLE;
  }

  /** True when nothing found stands in the way of joining ({@link Verdict#ok()}). */
  public boolean joinable() {
    return verdict().ok();
  }
}
