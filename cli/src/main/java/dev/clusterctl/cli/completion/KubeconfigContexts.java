package dev.clusterctl.cli.completion;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Completes {@code --context} with the context names of the kubeconfig files; no cluster is contacted. */
final class KubeconfigContexts implements CandidateProvider {

  @Override
  public List<String> candidates(CompletionRequest request) {
    List<String> names = new ArrayList<>();
    for (File file : Kubeconfigs.files(request)) {
      try {
        Config config = KubeConfigUtils.parseConfig(file);
        if (config.getContexts() != null) {
          for (NamedContext c : config.getContexts()) {
            if (c.getName() != null && !names.contains(c.getName())) {
              names.add(c.getName());
            }
          }
        }
      } catch (RuntimeException unreadable) {
        // a broken kubeconfig completes nothing; the command itself will say what is wrong
      }
    }
    return names;
  }
}
