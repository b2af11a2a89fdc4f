package dev.clusterctl.gather;

import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.kube.LoadedObject;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import dev.clusterctl.release.ReleaseFiles;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes API source: the namespace's Services, Deployments, StatefulSets and ConfigMaps and
 * {@code kube-system/coredns}, each read with one list or get (never per pod); the running pods,
 * endpoints, CoreDNS's state, policies and DNS are observed afterwards by {@link ApiObserver}.
 */
public final class ApiSource implements Source {

  private final KubeApi api;
  private final ApiInputs in;
  private final boolean owned;

  private ApiSource(KubeApi api, ApiInputs in, boolean owned) {
    this.api = api;
    this.in = in;
    this.owned = owned;
  }

  /** A source reading through {@code api}, which the caller closes (tests pass the mock server's). */
  public static ApiSource of(KubeApi api, ApiInputs in) {
    return new ApiSource(api, in, false);
  }

  /** Connects to {@code target} (see {@link KubeApi#connect}); closing the source closes the client. */
  public static ApiSource connect(KubeTarget target, ApiInputs in) {
    return connect(target, in, KubeApi.DEFAULT_TIMEOUT);
  }

  /**
   * Connects to {@code target}, each API call (its answer included) within {@code timeout}, telling
   * {@code in}'s API wait listener about each; closing the source closes the client.
   */
  public static ApiSource connect(KubeTarget target, ApiInputs in, java.time.Duration timeout) {
    return new ApiSource(KubeApi.connect(target, timeout, in.apiWaits()), in, true);
  }

  /** Reads the objects and release files; a 403 on the Services is a {@link dev.clusterctl.error.BadInputException}. */
  @Override
  public Gathered gather() {
    String ns = api.namespace();
    List<LoadedObject> objects = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    add(objects, api.require("list", "services", ns, () -> api.client().services().inNamespace(ns).list().getItems()));
    Observation<List<HasMetadata>> workloads = api.read("list", "deployments.apps", ns, () -> new ArrayList<HasMetadata>(api.client().apps().deployments().inNamespace(ns).list().getItems()));
    Observation<List<HasMetadata>> sets = api.read("list", "statefulsets.apps", ns, () -> new ArrayList<HasMetadata>(api.client().apps().statefulSets().inNamespace(ns).list().getItems()));
    Observation<List<ConfigMap>> configMaps = api.read("list", "configmaps", ns, () -> api.client().configMaps().inNamespace(ns).list().getItems());
    Observation<Optional<ConfigMap>> coredns = api.read("get", "configmaps/coredns", KubeApi.KUBE_SYSTEM,
        () -> Optional.ofNullable(api.client().configMaps().inNamespace(KubeApi.KUBE_SYSTEM).withName("coredns").get()));
    for (Observation<? extends List<? extends HasMetadata>> o : List.of(workloads, sets, configMaps)) {
      o.value().ifPresent(items -> add(objects, items));
      if (!o.seen()) {
        inputs.add(o.missing());
      }
    }
    inputs.add(0, "API " + api.server() + ": " + objects.size() + " objects in namespace " + ns);
    if (coredns.seen() && coredns.get().isPresent()) {
      objects.add(new LoadedObject(coredns.get().get(), "API " + api.server()));
      inputs.add("ConfigMap/kube-system/coredns (API)");
    } else {
      inputs.add(coredns.seen() ? "ConfigMap/kube-system/coredns: not found" : coredns.missing());
    }
    Optional<SysConfig> sys = in.sysConfig().map(p -> TextFile.read(p, "--sys-config", SysConfig::parse));
    Optional<VmArgs> vm = in.vmArgs().map(p -> TextFile.read(p, "--vm-args", VmArgs::parse));
    in.sysConfig().ifPresent(p -> inputs.add("sys.config " + p));
    in.vmArgs().ifPresent(p -> inputs.add("vm.args " + p));
    ReleaseFiles release = ReleaseFinder.find(in.releaseEnv(), in.vmArgs(), in.releaseDir(), List.of(), inputs);
    return new Gathered(objects, Optional.empty(), sys, vm, release, inputs, Optional.of(ns), Optional.of(new LiveAccess.Api(api, in, coredns)));
  }

  @Override
  public void close() {
    if (owned) {
      api.close();
    }
  }

  private void add(List<LoadedObject> objects, List<? extends HasMetadata> items) {
    for (HasMetadata h : items) {
      objects.add(new LoadedObject(h, "API " + h.getMetadata().getNamespace() + "/" + h.getMetadata().getName()));
    }
  }
}
