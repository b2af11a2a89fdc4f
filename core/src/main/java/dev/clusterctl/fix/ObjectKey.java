package dev.clusterctl.fix;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Which object a change applies to, as kubectl and kustomize identify it.
 *
 * @param apiVersion the object's {@code apiVersion}
 * @param kind the object's {@code kind}
 * @param namespace its namespace (the namespace the model put it in, when the file has none)
 * @param name its name
 */
public record ObjectKey(String apiVersion, String kind, String namespace, String name) {

  /** The key of {@code o}, in {@code defaultNamespace} when it names none. */
  public static ObjectKey of(HasMetadata o, String defaultNamespace) {
    String ns = o.getMetadata().getNamespace();
    return new ObjectKey(o.getApiVersion(), o.getKind(), ns == null || ns.isEmpty() ? defaultNamespace : ns, o.getMetadata().getName());
  }

  /** True when {@code o} (in {@code defaultNamespace} when it names none) is this object. */
  public boolean is(HasMetadata o, String defaultNamespace) {
    return of(o, defaultNamespace).sameObject(this);
  }

  /** Same kind, namespace and name (the apiVersion may differ between a file and the API). */
  public boolean sameObject(ObjectKey other) {
    return kind.equals(other.kind) && namespace.equals(other.namespace) && name.equals(other.name);
  }

  /** {@code Deployment/payments/ledger}. */
  @Override
  public String toString() {
    return kind + "/" + namespace + "/" + name;
  }
}
