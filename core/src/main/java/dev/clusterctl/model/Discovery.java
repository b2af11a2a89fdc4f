package dev.clusterctl.model;

import dev.clusterctl.discovery.HostType;
import dev.clusterctl.dns.QueryType;
import java.util.List;

/** How the release finds its peers. */
public sealed interface Discovery {

  /** Where the setting came from ({@code sys.config:4}, {@code --strategy}), for evidence. */
  String origin();

  /**
   * DNS-based discovery: query {@code query} for {@code recordType} records and name each peer
   * {@code basename@host}.
   *
   * @param strategy the library whose rules apply
   * @param query the name queried, as configured (relative names go through the search list)
   * @param recordType the record type
   * @param hostType what the host part of a discovered name is
   * @param origin where the setting came from
   */
  record Dns(dev.clusterctl.discovery.Strategy strategy, String query, QueryType recordType, HostType hostType, String origin)
      implements Discovery {}

  /**
   * A fixed list of node names (gen_cluster's {@code static}).
   *
   * @param nodes the node names
   * @param origin where the setting came from
   */
  record Static(List<String> nodes, String origin) implements Discovery {
    /** Copies the list. */
    public Static {
      nodes = List.copyOf(nodes);
    }
  }

  /**
   * Discovery clusterctl does not simulate ({@code epmd_all}, a custom module).
   *
   * @param description what it is
   * @param origin where the setting came from
   */
  record Other(String description, String origin) implements Discovery {}
}
