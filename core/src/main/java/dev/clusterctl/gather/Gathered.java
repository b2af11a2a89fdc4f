package dev.clusterctl.gather;

import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.kube.LoadedObject;
import dev.clusterctl.release.ReleaseFiles;
import java.util.List;
import java.util.Optional;

/**
 * What a source gathered, parsed: the objects and the release and CoreDNS files.
 *
 * @param objects the Kubernetes objects
 * @param corefile an explicitly given Corefile
 * @param sysConfig the release's sys.config
 * @param vmArgs the release's vm.args
 * @param release the release's files as written (env.sh, vm.args, Elixir config), for the start-script reader
 * @param inputs one line per input read, for the report
 * @param namespace the source's own namespace (the kubeconfig context's), used when {@code -n} is not given
 * @param live how the running system can be observed once the model is built; empty when read from files
 */
public record Gathered(
    List<LoadedObject> objects, Optional<Corefile> corefile, Optional<SysConfig> sysConfig, Optional<VmArgs> vmArgs, ReleaseFiles release,
    List<String> inputs, Optional<String> namespace, Optional<LiveAccess> live) {

  /** Copies the lists. */
  public Gathered {
    objects = List.copyOf(objects);
    inputs = List.copyOf(inputs);
  }

  /** What a file source gathered: no namespace of its own, nothing to observe. */
  public static Gathered fromFiles(
      List<LoadedObject> objects, Optional<Corefile> corefile, Optional<SysConfig> sysConfig, Optional<VmArgs> vmArgs, ReleaseFiles release, List<String> inputs) {
    return new Gathered(objects, corefile, sysConfig, vmArgs, release, inputs, Optional.empty(), Optional.empty());
  }
}
