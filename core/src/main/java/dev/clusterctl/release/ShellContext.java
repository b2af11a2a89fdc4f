package dev.clusterctl.release;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a script can see besides its variables: the pod's host names (for {@code $(hostname -f)})
 * and the files it may source ({@code . /etc/app/env.sh}), by the path the script names.
 *
 * @param hosts the host names {@code hostname} prints in the pod
 * @param files the text of a file by its path, empty when not among the inputs
 */
public record ShellContext(HostNames hosts, Function<String, Optional<String>> files) {

  /** Host names and no files. */
  public static ShellContext of(HostNames hosts) {
    return new ShellContext(hosts, path -> Optional.empty());
  }

  /** Host names and the given files by path. */
  public static ShellContext of(HostNames hosts, Map<String, String> files) {
    Map<String, String> copy = Map.copyOf(files);
    return new ShellContext(hosts, path -> Optional.ofNullable(copy.get(path)));
  }
}
