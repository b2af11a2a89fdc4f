package dev.clusterctl.gather;

import java.util.List;
import java.util.Optional;

/**
 * The files the file-based doctor reads.
 *
 * @param manifests {@code -f} arguments: files, directories or {@code -}
 * @param kustomizations {@code -k} directories
 * @param corefile {@code --corefile}
 * @param sysConfig {@code --sys-config}
 * @param vmArgs {@code --vm-args}
 * @param releaseEnv {@code --release-env}: the release's env.sh or rel/env.sh.eex
 * @param releaseDir {@code --release-dir}: a built release or a project tree to find the release files in
 */
public record FileInputs(
    List<String> manifests, List<String> kustomizations, Optional<String> corefile, Optional<String> sysConfig, Optional<String> vmArgs,
    Optional<String> releaseEnv, Optional<String> releaseDir) {

  /** Inputs with no {@code --release-env} or {@code --release-dir}. */
  public FileInputs(List<String> manifests, List<String> kustomizations, Optional<String> corefile, Optional<String> sysConfig, Optional<String> vmArgs) {
    this(manifests, kustomizations, corefile, sysConfig, vmArgs, Optional.empty(), Optional.empty());
  }

  /** Copies the lists. */
  public FileInputs {
    manifests = List.copyOf(manifests);
    kustomizations = List.copyOf(kustomizations);
  }
}
