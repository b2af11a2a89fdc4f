package dev.clusterctl.cli.completion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small kubeconfig files for the completion tests. */
final class Kubeconfig {

  private Kubeconfig() {}

  /** A kubeconfig with one cluster at {@code server} and one context per name (the first is current). */
  static Path write(Path file, String server, String... contexts) throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: v1\nkind: Config\n")
        .append("clusters:\n- name: c\n  cluster:\n    server: ").append(server)
        .append("\n    insecure-skip-tls-verify: true\n")
        .append("users:\n- name: u\n  user:\n    token: not-a-secret\n")
        .append("contexts:\n");
    for (String c : contexts) {
      y.append("- name: ").append(c).append("\n  context:\n    cluster: c\n    user: u\n    namespace: apps\n");
    }
    y.append("current-context: ").append(contexts[0]).append('\n');
    return Files.writeString(file, y.toString());
  }
}
