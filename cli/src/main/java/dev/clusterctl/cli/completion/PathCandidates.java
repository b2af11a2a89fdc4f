package dev.clusterctl.cli.completion;

import dev.clusterctl.cli.completion.CommandTree.PathKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The paths that may complete a partly typed one, for the interactive shell (the shells' own
 * scripts use the shells' file completion): the entries of the typed directory whose names start
 * with the typed name, directories with a trailing {@code /} so that completion can go on into
 * them. Hidden entries only when the typed name starts with a dot, {@code ~/} for the home
 * directory, as in bash.
 */
final class PathCandidates {

  /** Enough for a directory a person types into; a huge one is cut rather than read whole. */
  private static final int MAX = 500;

  private PathCandidates() {}

  /** The candidates for {@code typed}, relative to {@code cwd}; directories only for {@link PathKind#DIRECTORY}. */
  static List<String> of(String typed, PathKind kind, Path cwd, Map<String, String> env) {
    int slash = typed.lastIndexOf('/');
    String dirPart = typed.substring(0, slash + 1);
    String namePart = typed.substring(slash + 1);
    Path dir = resolve(dirPart, cwd, env);
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.limit(MAX * 4L).forEach(entry -> {
        String name = entry.getFileName().toString();
        if (!name.startsWith(namePart) || (name.startsWith(".") && !namePart.startsWith("."))) {
          return;
        }
        boolean isDir = Files.isDirectory(entry);
        if (isDir) {
          result.add(dirPart + name + "/");
        } else if (kind == PathKind.FILE) {
          result.add(dirPart + name);
        }
      });
    } catch (IOException | RuntimeException unreadable) {
      return List.of();
    }
    return result.stream().sorted().limit(MAX).toList();
  }

  private static Path resolve(String dirPart, Path cwd, Map<String, String> env) {
    if (dirPart.isEmpty()) {
      return cwd;
    }
    if (dirPart.startsWith("~/")) {
      String home = env.get("HOME");
      return home == null ? null : Path.of(home).resolve(dirPart.substring(2));
    }
    try {
      return cwd.resolve(dirPart);
    } catch (RuntimeException invalid) {
      return null;
    }
  }
}
