package dev.clusterctl.doctor;

import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.kube.LoadedObject;
import dev.clusterctl.observe.LiveObserver;
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
 * @param observer a live source's observe step (pods, endpoints, DNS), run once the model is built; empty when read from files
 */
public record Gathered(
    List<LoadedObject> objects, Optional<Corefile> corefile, Optional<SysConfig> sysConfig, Optional<VmArgs> vmArgs, List<String> inputs, Optional<LiveObserver> observer) {

  /** What a file source gathered: nothing observed. */
  public Gathered(List<LoadedObject> objects, Optional<Corefile> corefile, Optional<SysConfig> sysConfig, Optional<VmArgs> vmArgs, List<String> inputs) {
    this(objects, corefile, sysConfig, vmArgs, inputs, Optional.empty());
  }


  /** Copies the lists. */
  public Gathered {
    objects = List.copyOf(objects);
    inputs = List.copyOf(inputs);
  }
}
