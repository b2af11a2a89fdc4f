package dev.clusterctl.elixir;

import java.util.List;

/**
 * The discovery settings an Elixir project has, where it keeps them.
 *
 * @param topologies libcluster topologies: those a {@code Cluster.Supervisor} child starts, or
 *     (when no module says) those configured under {@code :libcluster, :topologies}
 * @param dnsClusters {@code DNSCluster} children
 * @param notes what was not read or not known, one line each
 */
public record DiscoverySettings(List<LibclusterTopology> topologies, List<DnsClusterSpec> dnsClusters, List<Note> notes) {

  /** Copies the lists. */
  public DiscoverySettings {
    topologies = List.copyOf(topologies);
    dnsClusters = List.copyOf(dnsClusters);
    notes = List.copyOf(notes);
  }
}
