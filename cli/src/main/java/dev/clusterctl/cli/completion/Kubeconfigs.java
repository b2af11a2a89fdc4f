package dev.clusterctl.cli.completion;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where kubectl would read its configuration for a command line: {@code --kubeconfig} when typed,
 * else every file of {@code $KUBECONFIG}, else {@code ~/.kube/config}.
 */
final class Kubeconfigs {

  private Kubeconfigs() {}

  /** The kubeconfig files that exist for {@code request}, in kubectl's order of precedence. */
  static List<File> files(CompletionRequest request) {
    List<File> files = new ArrayList<>();
    String typed = request.typed("--kubeconfig").orElse(null);
    if (typed != null) {
      add(files, typed);
      return files;
    }
    String env = request.env().get("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      for (String part : env.split(File.pathSeparator)) {
        add(files, part);
      }
      return files;
    }
    String home = request.env().getOrDefault("HOME", System.getProperty("user.home"));
    add(files, Path.of(home, ".kube", "config").toString());
    return files;
  }

  /** The first of {@code files} that defines {@code context} (the first file when none does, or for no context). */
  static File defining(List<File> files, String context) {
    if (context != null) {
      for (File f : files) {
        try {
          Config config = KubeConfigUtils.parseConfig(f);
          if (config.getContexts() != null
              && config.getContexts().stream().anyMatch(c -> context.equals(c.getName()))) {
            return f;
          }
        } catch (RuntimeException unreadable) {
          // skipped: another file may define the context
        }
      }
    }
    return files.get(0);
  }

  private static void add(List<File> files, String path) {
    if (!path.isBlank() && Files.isRegularFile(Path.of(path))) {
      files.add(new File(path));
    }
  }
}
