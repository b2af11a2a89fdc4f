package dev.clusterctl.elixir;

import java.util.List;

/**
 * What a module file ({@code lib/my_app/application.ex}) says about clustering.
 *
 * @param file the file
 * @param children the child specs of the modules of interest ({@code Cluster.Supervisor},
 *     {@code DNSCluster}) found anywhere in the file, in order
 * @param notes what was not read
 */
public record ModuleFile(String file, List<ChildSpec> children, List<Note> notes) {

  /** Copies the lists. */
  public ModuleFile {
    children = List.copyOf(children);
    notes = List.copyOf(notes);
  }
}
