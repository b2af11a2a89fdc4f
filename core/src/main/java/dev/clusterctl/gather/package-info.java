/**
 * The first stage: a {@link dev.clusterctl.gather.Source} (manifest and release files, the
 * Kubernetes API, or the pod the doctor runs in) reads and parses its inputs into a {@link
 * dev.clusterctl.gather.Gathered}, and opens what a live source is later observed through.
 * Depends on nothing of the pipeline after it.
 */
package dev.clusterctl.gather;
