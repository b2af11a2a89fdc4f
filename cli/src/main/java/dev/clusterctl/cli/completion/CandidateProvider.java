package dev.clusterctl.cli.completion;

import java.util.List;

/**
 * Supplies the values an argument may take when they are known only at run time (kubeconfig
 * contexts, namespaces in the cluster, check ids in a registry).
 *
 * <p>Providers must be quick and quiet: on any failure they return no candidates rather than
 * print or throw, since their output lands in the user's shell mid-line.
 */
@FunctionalInterface
public interface CandidateProvider {

  /** The candidate values for {@code request}; the caller filters them by the typed prefix. */
  List<String> candidates(CompletionRequest request) throws Exception;
}
