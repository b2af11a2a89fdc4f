package dev.clusterctl.model;

import dev.clusterctl.discovery.Strategy;
import java.util.Optional;

/**
 * What the user says about the target, the same for every source (files, API, local pod).
 *
 * @param strategy the discovery library ({@code --strategy}); gen_cluster when a sys.config is given
 * @param basename the library's basename ({@code --basename})
 * @param domain the discovery query, overriding sys.config's ({@code --domain})
 * @param service the service name ({@code --service})
 * @param workload the workload as {@code deploy/NAME} or {@code sts/NAME} ({@code --workload})
 * @param namespace the namespace for objects without one and for relative names ({@code -n})
 * @param clusterDomain the kubelet's cluster domain ({@code --cluster-domain}); empty to take the Corefile's
 */
public record TargetOptions(
    Optional<Strategy> strategy,
    Optional<String> basename,
    Optional<String> domain,
    Optional<String> service,
    Optional<String> workload,
    Optional<String> namespace,
    Optional<String> clusterDomain) {

  /** No options: everything inferred. */
  public static TargetOptions none() {
    return new TargetOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** These options with {@code namespace} as {@code -n}. */
  public TargetOptions withNamespace(String namespace) {
    return new TargetOptions(strategy, basename, domain, service, workload, Optional.of(namespace), clusterDomain);
  }
}
