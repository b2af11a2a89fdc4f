package dev.clusterctl.model;

import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.kube.LoadedObject;
import dev.clusterctl.release.ReleaseFiles;
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
 * @param release the release's files as written, for the start-script reader
 * @param options what the user said about the target
 */
public record ModelRequest(
    List<LoadedObject> objects, Optional<Corefile> corefile, Optional<SysConfig> sysConfig, Optional<VmArgs> vmArgs, ReleaseFiles release,
    TargetOptions options) {

  /** Copies the list. */
  public ModelRequest {
    objects = List.copyOf(objects);
  }

  /** A request without release files beyond the parsed sys.config and vm.args. */
  public ModelRequest(List<LoadedObject> objects, Optional<Corefile> corefile, Optional<SysConfig> sysConfig, Optional<VmArgs> vmArgs, TargetOptions options) {
    this(objects, corefile, sysConfig, vmArgs, ReleaseFiles.none(), options);
  }

  /** A request with only objects, everything else unset. */
  public static ModelRequest of(List<LoadedObject> objects) {
    return new ModelRequest(objects, Optional.empty(), Optional.empty(), Optional.empty(), TargetOptions.none());
  }

  Optional<dev.clusterctl.discovery.Strategy> strategy() {
    return options.strategy();
  }

  Optional<String> basename() {
    return options.basename();
  }

  Optional<String> domain() {
    return options.domain();
  }

  Optional<String> service() {
    return options.service();
  }

  Optional<String> workload() {
    return options.workload();
  }

  Optional<String> namespace() {
    return options.namespace();
  }

  Optional<String> clusterDomain() {
    return options.clusterDomain();
  }
}
