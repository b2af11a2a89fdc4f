package dev.clusterctl.watch;

import java.time.Duration;

/**
 * What a watch saw from start to stop.
 *
 * @param refreshes refreshes run (successful or not)
 * @param peersSeen distinct peers ever discovered
 * @param joins {@code joined} events
 * @param leaves {@code left} events
 * @param flaps peers that came back after having left
 * @param stateChanges {@code state-changed} events
 * @param lookupFailures failed lookups
 * @param lastJoinable joinable peers at the last successful refresh
 * @param lastPeers peers at the last successful refresh
 * @param duration how long the watch ran
 */
public record WatchSummary(
    int refreshes, int peersSeen, int joins, int leaves, int flaps, int stateChanges, int lookupFailures,
    int lastJoinable, int lastPeers, Duration duration) {}
