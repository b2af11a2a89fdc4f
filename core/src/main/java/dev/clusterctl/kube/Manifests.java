package dev.clusterctl.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes objects read from every input, in input order.
 *
 * @param objects every object read, unknown kinds included
 * @param inputs the inputs they were read from (file names, {@code <stdin>}, {@code kustomize DIR})
 */
public record Manifests(List<LoadedObject> objects, List<String> inputs) {

  /** Creates the set, copying the lists. */
  public Manifests {
    objects = List.copyOf(objects);
    inputs = List.copyOf(inputs);
  }

  /** The objects of one fabric8 type (e.g. {@code Service.class}), in input order. */
  public <T extends HasMetadata> List<T> ofType(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (LoadedObject o : objects) {
      if (type.isInstance(o.object())) {
        out.add(type.cast(o.object()));
      }
    }
    return out;
  }

  /** Where {@code object} was read from, or {@code "?"} when it is not one of these objects. */
  public String originOf(HasMetadata object) {
    for (LoadedObject o : objects) {
      if (o.object() == object) {
        return o.origin();
      }
    }
    return "?";
  }

  /** The union of several sets, in order. */
  public static Manifests concat(List<Manifests> parts) {
    List<LoadedObject> objects = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    for (Manifests m : parts) {
      objects.addAll(m.objects);
      inputs.addAll(m.inputs);
    }
    return new Manifests(objects, inputs);
  }
}
