package dev.clusterctl.gather;

import dev.clusterctl.dns.WaitListener;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * How a live source can be looked at once the model is built: the open API client, or the pod the
 * doctor runs in. Gathering opens it; the observe stage uses it.
 */
public sealed interface LiveAccess {

  /**
   * The Kubernetes API.
   *
   * @param api the client, open for the length of the run
   * @param inputs what to observe and how ({@code --exec}, where to ask DNS)
   * @param coredns the {@code kube-system/coredns} ConfigMap as gathering read it
   */
  record Api(KubeApi api, ApiInputs inputs, Observation<Optional<ConfigMap>> coredns) implements LiveAccess {}

  /**
   * The pod the doctor runs in.
   *
   * @param pod the pod's files and environment
   * @param fqdn what {@code hostname --fqdn} says in it
   * @param servers {@code --nameserver}, asked with the pod's search list instead of its own servers
   * @param dnsWaits told as each wait for a DNS server's reply (the discovery query) starts and ends
   */
  record Pod(LocalPod pod, LocalPod.Fqdn fqdn, Optional<List<InetSocketAddress>> servers, WaitListener dnsWaits) implements LiveAccess {

    /** The pod, whose waits nobody hears. */
    public Pod(LocalPod pod, LocalPod.Fqdn fqdn, Optional<List<InetSocketAddress>> servers) {
      this(pod, fqdn, servers, WaitListener.NONE);
    }
  }
}
