package dev.clusterctl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Fake {@code kubectl} executables (shell scripts in a test's temporary directory), so {@code -k}
 * is tested wherever the tests run, whether kubectl is installed or not.
 */
public final class FakeKubectl {

  private FakeKubectl() {}

  /** Writes an executable {@code DIR/bin/kubectl} running {@code body} under {@code /bin/sh} and returns its path. */
  public static Path script(Path dir, String body) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path kubectl = bin.resolve("kubectl");
    Files.writeString(kubectl, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
    return kubectl;
  }

  /**
   * A kubectl whose {@code kustomize DIR} prints every {@code *.yaml} of DIR except the
   * kustomization, as YAML documents, and records its arguments in {@code args.txt} beside itself.
   */
  public static Path rendering(Path dir) throws IOException {
    return script(dir, """
        echo "$@" > "$(dirname "$0")/args.txt"
        for f in "$2"/*.yaml; do
          case "$f" in */kustomization.yaml) continue;; esac
          cat "$f"; echo "---"
        done
        """);
  }

  /** The arguments the {@link #rendering} kubectl at {@code kubectl} was last run with. */
  public static String lastArguments(Path kubectl) throws IOException {
    return Files.readString(kubectl.resolveSibling("args.txt")).strip();
  }
}
