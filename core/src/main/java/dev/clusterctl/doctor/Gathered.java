package dev.clusterctl.doctor;

import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.kube.LoadedObject;
import java.util.List;
import java.util.Optional;

/**
 * What a source gathered, parsed: the objects and the release and CoreDNS files.
 *
 * @param objects the Kubernetes objects
 * @param corefile an explicitly given Corefile
 * @param sysConfig the release's sys.config
 * @param vmArgs the release's vm.args
 * @param inputs one line per input read, for the report
 */
public record Gathered(List<LoadedObject> objects, Optional<Corefile> corefile, Optional<SysConfig> sysConfig, Optional<VmArgs> vmArgs, List<String> inputs) {

  /** Copies the lists. */
  public Gathered {
    objects = List.copyOf(objects);
    inputs = List.copyOf(inputs);
  }
}
