/**
 * Kubernetes objects as files hold them: manifests read from YAML or JSON (files, directories,
 * stdin) and kustomizations rendered by {@code kubectl kustomize}, each object with where it came
 * from. A leaf: it knows nothing of the doctor's pipeline.
 */
package dev.clusterctl.kube;
