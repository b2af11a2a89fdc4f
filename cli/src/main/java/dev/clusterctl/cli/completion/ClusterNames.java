package dev.clusterctl.cli.completion;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.util.List;

/**
 * Completes names that only the cluster knows (namespaces, services), asking the API server of the
 * kubeconfig's (or the typed {@code --context}'s) cluster with a short timeout. An unreachable or
 * forbidding cluster completes nothing, silently.
 */
final class ClusterNames implements CandidateProvider {

  /** How long one completion may wait for the API server, in milliseconds. */
  static final int TIMEOUT_MS = 1500;

  private enum Kind { NAMESPACES, SERVICES }

  private final Kind kind;

  private ClusterNames(Kind kind) {
    this.kind = kind;
  }

  /** The namespaces of the cluster. */
  static ClusterNames namespaces() {
    return new ClusterNames(Kind.NAMESPACES);
  }

  /** The services in the typed {@code -n/--namespace}, else the context's namespace. */
  static ClusterNames services() {
    return new ClusterNames(Kind.SERVICES);
  }

  @Override
  public List<String> candidates(CompletionRequest request) {
    List<File> files = Kubeconfigs.files(request);
    if (files.isEmpty()) {
      return List.of();
    }
    Config config = config(files, request.typed("--context").orElse(null));
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      List<? extends HasMetadata> items =
          switch (kind) {
            case NAMESPACES -> client.namespaces().list().getItems();
            case SERVICES -> {
              String ns = request.typed("-n", "--namespace").orElse(config.getNamespace());
              yield client.services().inNamespace(ns == null ? "default" : ns).list().getItems();
            }
          };
      return items.stream().map(i -> i.getMetadata().getName()).sorted().toList();
    } catch (RuntimeException unreachable) {
      return List.of();
    }
  }

  /**
   * The client configuration for {@code context} (null: the current one) of the kubeconfig
   * {@code files}: at most {@link #TIMEOUT_MS} to connect and to answer, and no retries.
   */
  static Config config(List<File> files, String context) {
    return new ConfigBuilder(Config.fromKubeconfig(context, Kubeconfigs.defining(files, context)))
        .withConnectionTimeout(TIMEOUT_MS)
        .withRequestTimeout(TIMEOUT_MS)
        .withRequestRetryBackoffLimit(0)
        .build();
  }
}
