package dev.clusterctl.cli.join;

import dev.clusterctl.watch.PeerSource;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * What {@code join}'s arguments and the release's files come to.
 *
 * @param source where peers come from (DNS as the library asks, or sys.config's static list)
 * @param distPort the fixed distribution port (--dist-port, ERL_DIST_PORT, vm.args); empty to ask EPMD
 * @param interval the refresh interval (--interval, sys.config's refresh_interval_ms, else 5 s)
 * @param warnings warnings about the release's files, for stderr
 */
record JoinRequest(PeerSource source, OptionalInt distPort, Duration interval, List<String> warnings) {

  /** Copies the list. */
  JoinRequest {
    warnings = List.copyOf(warnings);
  }
}
