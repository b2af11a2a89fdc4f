package dev.clusterctl.expect;

import java.util.List;
import java.util.Optional;

/**
 * The expectation for the model: example pods, the discovery answer, and each pod's names.
 *
 * @param pods the example pods (all Ready)
 * @param coredns the simulator, for checks that ask further questions
 * @param tried the names the discovery query tried, in order, with their outcome
 * @param answer the answer the discovery query ends with, when discovery is DNS-based
 * @param rows every pod's own name beside the name its peers derive
 * @param basename the basename peers put before {@code @}, when known
 * @param basenameOrigin where that basename comes from
 * @param derived every node name peers derive, in answer order
 * @param mesh for a cluster of several workloads, the cluster as each one's release dials it
 *     (the first is what {@code rows} shows); empty for one workload
 * @param findings what the discovery library does with the answer beyond naming (a crash, inet_res's
 *     cache hiding peers), from its {@link dev.clusterctl.discovery.DiscoveryLibrary} object
 */
public record Simulation(
    List<ExamplePod> pods,
    CorednsSimulator coredns,
    List<DnsAnswer> tried,
    Optional<DnsAnswer> answer,
    List<PeerRow> rows,
    Optional<String> basename,
    String basenameOrigin,
    List<String> derived,
    List<Reach> mesh,
    List<dev.clusterctl.discovery.Finding> findings) {

  /** Copies the lists. */
  public Simulation {
    findings = List.copyOf(findings);
    pods = List.copyOf(pods);
    tried = List.copyOf(tried);
    rows = List.copyOf(rows);
    derived = List.copyOf(derived);
    mesh = List.copyOf(mesh);
  }
}
