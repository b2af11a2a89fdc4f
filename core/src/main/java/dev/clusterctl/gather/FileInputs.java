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
 */
public record FileInputs(List<String> manifests, List<String> kustomizations, Optional<String> corefile, Optional<String> sysConfig, Optional<String> vmArgs) {

  /** Copies the lists. */
  public FileInputs {
    manifests = List.copyOf(manifests);
    kustomizations = List.copyOf(kustomizations);
  }
}
