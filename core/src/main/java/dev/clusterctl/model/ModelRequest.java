package dev.clusterctl.model;

import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.kube.LoadedObject;
import java.util.List;
import java.util.Optional;

/**
 * Everything a model is built from. Sources differ (manifest files, the Kubernetes API, the
 * local pod); the request is the same.
 *
 * @param objects the Kubernetes objects (Services, Deployments, StatefulSets, ConfigMaps; others are ignored)
 * @param corefile a Corefile given explicitly ({@code --corefile}); wins over a {@code coredns} ConfigMap
 * @param sysConfig the release's sys.config
 * @param vmArgs the release's vm.args
 * @param strategy the discovery library ({@code --strategy}); gen_cluster when a sys.config is given
 * @param basename the library's basename ({@code --basename})
 * @param domain the discovery query, overriding sys.config's ({@code --domain})
 * @param service the service name ({@code --service})
 * @param workload the workload as {@code deploy/NAME} or {@code sts/NAME} ({@code --workload})
 * @param namespace the namespace for objects without one and relative names ({@code -n}); empty for the default
 * @param clusterDomain the kubelet's cluster domain ({@code --cluster-domain}); empty to take the Corefile's
 */
public record ModelRequest(
    List<LoadedObject> objects,
    Optional<Corefile> corefile,
    Optional<SysConfig> sysConfig,
    Optional<VmArgs> vmArgs,
    Optional<Strategy> strategy,
    Optional<String> basename,
    Optional<String> domain,
    Optional<String> service,
    Optional<String> workload,
    Optional<String> namespace,
    Optional<String> clusterDomain) {

  /** Copies the list. */
  public ModelRequest {
    objects = List.copyOf(objects);
  }

  /** A request with only objects, everything else unset. */
  public static ModelRequest of(List<LoadedObject> objects) {
    return new ModelRequest(objects, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
