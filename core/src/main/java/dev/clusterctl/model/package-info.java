/**
 * The deployment as clusterctl understands it: the headless service, the workload's pod
 * template, CoreDNS's {@code kubernetes} settings and how the release names itself and finds
 * its peers.
 *
 * <p>The model is plain data, built from what any source gathered (files, the Kubernetes API, the
 * local pod) by {@link dev.clusterctl.model.ModelBuilder}. The simulation
 * ({@code dev.clusterctl.expect}) and the checks ({@code dev.clusterctl.judge}) read only the
 * model, so every source gets the same verdicts.
 */
package dev.clusterctl.model;
