package dev.clusterctl.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the refresh loop reports, one event at a time; {@link #type()} is the event's name in
 * JSON Lines output (docs/join.md documents every field).
 */
public sealed interface WatchEvent {

  /** When the event happened. */
  Instant at();

  /** The event's name: {@code started}, {@code joined}, {@code left}, {@code state-changed}, … */
  String type();

  /** The loop started. */
  record Started(Instant at, String source, Duration interval, Duration jitter) implements WatchEvent {
    @Override
    public String type() {
      return "started";
    }
  }

  /** A peer appeared in discovery (on the first refresh, every peer does). */
  record Joined(Instant at, int refresh, PeerReport peer) implements WatchEvent {
    @Override
    public String type() {
      return "joined";
    }
  }

  /** A peer vanished from discovery; {@code last} is its last known state. */
  record Left(Instant at, int refresh, PeerReport last) implements WatchEvent {
    @Override
    public String type() {
      return "left";
    }
  }

  /** A peer's verdict or announced name changed between two refreshes. */
  record StateChanged(Instant at, int refresh, PeerReport before, PeerReport after) implements WatchEvent {
    @Override
    public String type() {
      return "state-changed";
    }
  }

  /**
   * A lookup failed; the last known peers are kept (now stale) and the next try backs off.
   *
   * @param status the rcode or failure ({@code NXDOMAIN}, {@code SERVFAIL}, {@code timeout}, …)
   * @param consecutive how many lookups in a row have failed
   * @param retryIn when the next lookup happens
   * @param stalePeers the last known peers, kept
   */
  record LookupFailed(
      Instant at, int refresh, String status, String message, int consecutive, Duration retryIn, List<PeerReport> stalePeers)
      implements WatchEvent {
    /** Copies the list. */
    public LookupFailed {
      stalePeers = List.copyOf(stalePeers);
    }

    @Override
    public String type() {
      return "lookup-failed";
    }
  }

  /** A lookup answered again after {@code failures} failed ones. */
  record LookupRecovered(Instant at, int refresh, int failures) implements WatchEvent {
    @Override
    public String type() {
      return "lookup-recovered";
    }
  }

  /**
   * A refresh completed: the current peers, how many are joinable, and when the next one is.
   *
   * @param peers every current peer with its probe
   * @param mesh the connectivity matrix, with {@code --mesh}
   * @param notes discovery remarks (SRV targets without addresses, names Erlang refuses)
   * @param elapsed how long discovery and probing took
   * @param next the pause before the next refresh
   */
  record Refreshed(
      Instant at, int refresh, List<PeerReport> peers, Optional<Mesh> mesh, List<String> notes, Duration elapsed, Duration next)
      implements WatchEvent {
    /** Copies the lists. */
    public Refreshed {
      peers = List.copyOf(peers);
      notes = List.copyOf(notes);
    }

    /** How many current peers are joinable. */
    public long joinable() {
      return peers.stream().filter(p -> p.verdict().ok()).count();
    }

    @Override
    public String type() {
      return "refreshed";
    }
  }

  /** The loop ended (Ctrl-C, SIGTERM, {@code q}, or the refresh count reached). */
  record Stopped(Instant at, WatchSummary summary) implements WatchEvent {
    @Override
    public String type() {
      return "stopped";
    }
  }
}
