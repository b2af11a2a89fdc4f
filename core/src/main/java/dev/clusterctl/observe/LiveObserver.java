package dev.clusterctl.observe;

import dev.clusterctl.gather.LiveAccess;
import dev.clusterctl.model.ClusterModel;

/**
 * The observe step of a live source: once the model names the service, the workload and the
 * discovery query, reads the running pods, endpoints, CoreDNS's state and policies, and asks the
 * real DNS.
 */
public interface LiveObserver {

  /** Observes what is running for {@code model}; what cannot be seen is an unavailable observation. */
  Observed observe(ClusterModel model);

  /** The observer for what a live source opened: the API, or the pod the doctor runs in. */
  static LiveObserver of(LiveAccess access) {
    if (access instanceof LiveAccess.Api api) {
      return new ApiObserver(api);
    }
    return new LocalObserver((LiveAccess.Pod) access);
  }
}
