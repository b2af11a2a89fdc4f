package dev.clusterctl.kube;

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
