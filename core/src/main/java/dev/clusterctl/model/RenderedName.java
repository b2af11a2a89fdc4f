package dev.clusterctl.model;

import java.util.List;

/**
 * A node name as one pod would compute it.
 *
 * @param name the full name {@code alive@host}
 * @param unresolved {@code ${VAR}} placeholders no environment value was found for
 */
public record RenderedName(String name, List<String> unresolved) {

  /** Copies the list. */
  public RenderedName {
    unresolved = List.copyOf(unresolved);
  }
}
