package dev.clusterctl.kube;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.InterruptedRunException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Renders a kustomization with {@code kubectl kustomize DIR}, as {@code kubectl apply -k} would.
 *
 * <p>See <a href="https://kubectl.docs.kubernetes.io/references/kubectl/kustomize/">kubectl kustomize</a>.
 */
public final class Kustomize {

  /** Where kubectl is; looked up only when a kustomization is rendered, not for every doctor run. */
  private final Supplier<String> kubectlLocation;

  /** Uses the {@code kubectl} found on {@code PATH} when {@link #render} first needs it. */
  public Kustomize() {
    this.kubectlLocation = () -> findOnPath("kubectl");
  }

  /** Uses the given kubectl executable ({@code null} when there is none). */
  public Kustomize(String kubectl) {
    this.kubectlLocation = () -> kubectl;
  }

  /** The rendered YAML of the kustomization in {@code dir}. */
  public byte[] render(String dir) {
    if (!Files.isDirectory(Path.of(dir))) {
      throw new BadInputException("-k " + dir + ": not a directory");
    }
    String kubectl = kubectlLocation.get();
    if (kubectl == null) {
      throw new BadInputException("-k " + dir + ": needs kubectl on PATH to run 'kubectl kustomize' (or pipe 'kustomize build' into -f -)");
    }
    Process p;
    try {
      p = new ProcessBuilder(kubectl, "kustomize", dir).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    } catch (IOException e) {
      throw new BadInputException("-k " + dir + ": cannot run kubectl: " + e.getMessage(), e);
    }
    FutureTask<byte[]> out = drain(p.getInputStream());
    FutureTask<byte[]> err = drain(p.getErrorStream());
    try {
      int code = p.waitFor();
      if (code != 0) {
        String msg = new String(err.get(), StandardCharsets.UTF_8).strip().lines().findFirst().orElse("exit " + code);
        throw new BadInputException("-k " + dir + ": kubectl kustomize failed: " + msg);
      }
      return out.get();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InterruptedRunException("-k " + dir + ": interrupted while kubectl kustomize ran", e);
    } catch (ExecutionException e) {
      throw new BadInputException("-k " + dir + ": cannot read kubectl's output: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Reads {@code s} to its end on a daemon thread of its own, so waiting for the process stays interruptible and pipes never fill. */
  private static FutureTask<byte[]> drain(InputStream s) {
    FutureTask<byte[]> task = new FutureTask<>(s::readAllBytes);
    Thread t = new Thread(task, "clusterctl-kustomize-reader");
    t.setDaemon(true);
    t.start();
    return task;
  }

  /** The executable {@code name} on {@code PATH}, or {@code null}. */
  static String findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
