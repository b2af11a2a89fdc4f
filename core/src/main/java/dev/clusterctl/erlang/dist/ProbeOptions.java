package dev.clusterctl.erlang.dist;

import java.time.Duration;
import java.util.Optional;

/**
 * How to probe peers.
 *
 * @param cookie the cookie to complete handshakes with; without one the probe stops at the
 *     challenge (it still reads the name the node announces)
 * @param timeout the whole budget of one peer: EPMD, connect, handshake and RPC together
 * @param epmdPort the EPMD port on each peer (4369, or {@code ERL_EPMD_PORT})
 * @param listNodes whether to ask each node for {@code erlang:nodes()} over {@code rex} (needs a cookie)
 * @param concurrency how many peers are probed at once
 */
public record ProbeOptions(
    Optional<Cookie> cookie, Duration timeout, int epmdPort, boolean listNodes, int concurrency) {

  /** Default per-peer timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  /** Default number of peers probed at once. */
  public static final int DEFAULT_CONCURRENCY = 128;

  /** Validates the options. */
  public ProbeOptions {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (epmdPort < 1 || epmdPort > 65535) {
      throw new IllegalArgumentException("EPMD port out of range: " + epmdPort);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
  }

  /** No cookie, 3 s per peer, EPMD on 4369, no {@code nodes()}, 128 at once. */
  public static ProbeOptions defaults() {
    return new ProbeOptions(Optional.empty(), DEFAULT_TIMEOUT, EpmdClient.DEFAULT_PORT, false, DEFAULT_CONCURRENCY);
  }

  /** These options with {@code c} as the cookie. */
  public ProbeOptions withCookie(Cookie c) {
    return new ProbeOptions(Optional.of(c), timeout, epmdPort, listNodes, concurrency);
  }

  /** These options with a per-peer timeout of {@code t}. */
  public ProbeOptions withTimeout(Duration t) {
    return new ProbeOptions(cookie, t, epmdPort, listNodes, concurrency);
  }

  /** These options with EPMD on port {@code p}. */
  public ProbeOptions withEpmdPort(int p) {
    return new ProbeOptions(cookie, timeout, p, listNodes, concurrency);
  }

  /** These options asking (or not) for {@code erlang:nodes()}. */
  public ProbeOptions withListNodes(boolean b) {
    return new ProbeOptions(cookie, timeout, epmdPort, b, concurrency);
  }

  /** These options probing at most {@code n} peers at once. */
  public ProbeOptions withConcurrency(int n) {
    return new ProbeOptions(cookie, timeout, epmdPort, listNodes, n);
  }
}
