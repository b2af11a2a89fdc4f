package dev.clusterctl.observe;

import java.util.List;

/**
 * The real answer to the discovery query.
 *
 * @param query the name as the library asks it
 * @param type {@code SRV}, {@code A} or {@code AAAA}
 * @param answeredName the candidate that answered (after the search list), or the last one tried
 * @param status the outcome ({@code NOERROR}, {@code NXDOMAIN}, {@code timeout}, …)
 * @param hosts SRV targets (without trailing dot) or addresses, in answer order
 * @param server where it was asked ({@code 10.96.0.10:53}, {@code port-forward to kube-system/coredns-…})
 */
public record DnsObservation(String query, String type, String answeredName, String status, List<String> hosts, String server) {

  /** Copies the list. */
  public DnsObservation {
    hosts = List.copyOf(hosts);
  }
}
