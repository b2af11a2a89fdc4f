package dev.clusterctl.model;

import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.coredns.KubernetesPlugin;
import dev.clusterctl.kube.LoadedObject;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Optional;

/** Which Corefile applies (given, a coredns ConfigMap among the objects, or kubeadm's default) and the settings the model reads from it. */
final class CorednsReader {

  private static final String COREDNS_CONFIGMAP = "coredns";

  private CorednsReader() {}

  /** The Corefile: {@code --corefile}, else a {@code coredns} ConfigMap among the objects, else kubeadm's default (noted). */
  static Corefile corefile(ModelRequest r, Notes notes) {
    if (r.corefile().isPresent()) {
      return r.corefile().get();
    }
    for (LoadedObject o : r.objects()) {
      if (o.object() instanceof ConfigMap cm && COREDNS_CONFIGMAP.equals(cm.getMetadata().getName()) && cm.getData() != null && cm.getData().containsKey("Corefile")) {
        String ns = cm.getMetadata().getNamespace() == null ? "kube-system" : cm.getMetadata().getNamespace();
        return Corefile.parse(cm.getData().get("Corefile"), "ConfigMap/" + ns + "/coredns (" + o.origin() + ")");
      }
    }
    notes.assume(new Assumption(Assumption.Topic.COREDNS, "the Corefile", "kubeadm's default (no endpoint_pod_names, ttl 30)",
        "no coredns ConfigMap among the inputs and no --corefile", "--corefile FILE, or the kube-system/coredns ConfigMap among the -f files",
        List.of(new Assumption.Alternative("a Corefile with endpoint_pod_names", m -> m.withCoredns(m.coredns().withEndpointPodNames(true))))));
    return Corefile.kubeadmDefault();
  }

  /** The {@code kubernetes} plugin settings that serve {@code clusterDomain} (else the first plugin). */
  static CorednsSettings settings(Corefile corefile, String clusterDomain) {
    Optional<KubernetesPlugin> plugin = corefile.kubernetesFor(clusterDomain);
    if (plugin.isEmpty() && !corefile.kubernetesPlugins().isEmpty()) {
      plugin = Optional.of(corefile.kubernetesPlugins().get(0));
    }
    boolean assumed = Corefile.KUBEADM_DEFAULT_SOURCE.equals(corefile.source());
    if (plugin.isEmpty()) {
      return new CorednsSettings(List.of(), false, 5, false, corefile.source(), 0, assumed);
    }
    KubernetesPlugin k = plugin.get();
    return new CorednsSettings(k.zones(), k.endpointPodNames(), k.ttl(), k.serverBlockHasReload(), corefile.source(), k.line(), assumed);
  }
}
