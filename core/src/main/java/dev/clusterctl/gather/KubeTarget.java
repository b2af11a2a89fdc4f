package dev.clusterctl.gather;

import java.util.Optional;

/**
 * Which cluster to talk to, with kubectl's conventions.
 *
 * @param kubeconfig {@code --kubeconfig}; empty for {@code KUBECONFIG}, {@code ~/.kube/config} or, in a pod, the service account
 * @param context {@code --context}; empty for the kubeconfig's current context
 * @param namespace {@code -n}; empty for the context's namespace (in a pod: the service account's), else {@code default}
 */
public record KubeTarget(Optional<String> kubeconfig, Optional<String> context, Optional<String> namespace) {}
