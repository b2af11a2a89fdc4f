package dev.clusterctl.watch;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a {@link JoinRequest} and the release's files come to.
 *
 * @param source where peers come from (DNS as the library asks, or sys.config's static list)
 * @param distPort the fixed distribution port (the request's, else vm.args'); empty to ask EPMD
 * @param interval the refresh interval (the request's, else sys.config's refresh_interval_ms, else 5 s)
 * @param warnings warnings about the release's files
 */
public record JoinPlan(PeerSource source, OptionalInt distPort, Duration interval, List<String> warnings) {

  /** Copies the list. */
  public JoinPlan {
    warnings = List.copyOf(warnings);
  }
}
