package dev.clusterctl.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Small helpers for naming Kubernetes objects in messages. */
final class Objects2 {

  private Objects2() {}

  /** {@code Kind/namespace/name}, or {@code Kind/name} when the object has no namespace. */
  static String describe(HasMetadata o) {
    String ns = o.getMetadata() == null ? null : o.getMetadata().getNamespace();
    String name = o.getMetadata() == null ? null : o.getMetadata().getName();
    return o.getKind() + "/" + (ns == null || ns.isEmpty() ? "" : ns + "/") + name;
  }
}
