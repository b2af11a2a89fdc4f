package dev.clusterctl.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One Kubernetes object read from an input, with where it came from.
 *
 * @param object the object as fabric8 models it (kinds the model does not read are {@code GenericKubernetesResource})
 * @param origin where it was read, such as {@code k8s/service.yaml:12}, for evidence
 */
public record LoadedObject(HasMetadata object, String origin) {}
