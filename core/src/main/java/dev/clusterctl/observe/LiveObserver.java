package dev.clusterctl.observe;

import dev.clusterctl.model.ClusterModel;

/**
 * The observe step of a live source: once the model names the service, the workload and the
 * discovery query, reads the running pods, endpoints, CoreDNS's state and policies, and asks the
 * real DNS.
 */
@FunctionalInterface
public interface LiveObserver {

  /** Observes what is running for {@code model}; what cannot be seen is an unavailable observation. */
  Observed observe(ClusterModel model);
}
