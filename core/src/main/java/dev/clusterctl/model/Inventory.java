package dev.clusterctl.model;

import dev.clusterctl.kube.LoadedObject;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Services and workloads among the objects, each reduced to what the model reads, and the
 * duplicates resolved as applying the objects in order would.
 *
 * @param services the Services
 * @param workloads the Deployments and StatefulSets
 */
record Inventory(List<ServiceInfo> services, List<WorkloadInfo> workloads) {

  /** Reads {@code objects}; objects without a namespace are in {@code defaultNs}; duplicates are noted in {@code notes}. */
  static Inventory of(List<LoadedObject> objects, String defaultNs, Notes notes) {
    List<ConfigMap> configMaps = objects.stream().map(LoadedObject::object).filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).toList();
    KubeObjects kube = new KubeObjects(defaultNs, configMaps);
    List<ServiceInfo> services = new ArrayList<>();
    List<WorkloadInfo> workloads = new ArrayList<>();
    for (LoadedObject o : objects) {
      HasMetadata h = o.object();
      if (h instanceof Service s) {
        services.add(kube.service(s, o.origin()));
      } else if (h instanceof Deployment d) {
        workloads.add(kube.deployment(d, o.origin()));
      } else if (h instanceof StatefulSet s) {
        workloads.add(kube.statefulSet(s, o.origin()));
      }
    }
    return new Inventory(dedupe(services, ServiceInfo::subject, ServiceInfo::origin, notes), dedupe(workloads, WorkloadInfo::subject, WorkloadInfo::origin, notes));
  }

  /** Keeps the last of objects with the same kind, namespace and name, as applying them in order would. */
  private static <T> List<T> dedupe(List<T> list, Function<T, String> key, Function<T, String> origin, Notes notes) {
    Map<String, T> last = new LinkedHashMap<>();
    for (T t : list) {
      T before = last.put(key.apply(t), t);
      if (before != null) {
        notes.note(key.apply(t) + " appears more than once: the last one (" + origin.apply(t) + ") is used");
      }
    }
    return List.copyOf(last.values());
  }
}
