package dev.clusterctl.expect;

import java.util.List;

/**
 * The cluster as the release of one workload dials it: every pod's own name beside the name that
 * release derives for it (gen_cluster puts the dialling node's own basename before the {@code @}).
 *
 * @param dialer the workload whose release dials ({@code Deployment/ns/web})
 * @param rows one row per pod of the cluster
 * @param derived every name that release derives
 */
public record Reach(String dialer, List<PeerRow> rows, List<String> derived) {

  /** Copies the lists. */
  public Reach {
    rows = List.copyOf(rows);
    derived = List.copyOf(derived);
  }
}
