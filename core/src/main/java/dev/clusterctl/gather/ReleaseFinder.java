package dev.clusterctl.gather;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.release.NamedText;
import dev.clusterctl.release.ReleaseFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a release's files where teams keep them, in this order: the file named on the command line
 * ({@code --release-env}, {@code --vm-args}, {@code --sys-config}); under {@code --release-dir}, a
 * built release ({@code releases/VSN/env.sh}, {@code releases/VSN/vm.args}, {@code releases/VSN/sys.config},
 * {@code bin/NAME}) or a project ({@code rel/env.sh.eex}, {@code rel/vm.args.eex}, {@code config/vm.args.src},
 * {@code config/sys.config}, {@code config/*.exs}, {@code lib/**&#47;application.ex}, {@code mix.exs},
 * {@code rebar.config}); else the one such file beside the manifests (under a {@code -f} directory).
 */
public final class ReleaseFinder {

  /** Where an env.sh can be, most specific first. */
  static final List<String> ENV_SH = List.of("rel/env.sh.eex", "env.sh.eex", "env.sh");
  /** Where a vm.args can be. */
  static final List<String> VM_ARGS = List.of("rel/vm.args.eex", "vm.args.eex", "vm.args.src", "vm.args");
  /** Where a sys.config can be. */
  static final List<String> SYS_CONFIG = List.of("sys.config.src", "sys.config");

  private static final Pattern MIX_APP = Pattern.compile("\\bapp:\\s*:([a-z_][a-zA-Z0-9_]*)");
  private static final Pattern MIX_RELEASE = Pattern.compile("\\breleases:\\s*\\[\\s*([a-z_][a-zA-Z0-9_]*):");
  private static final Pattern RELX_RELEASE = Pattern.compile("\\{release,\\s*\\{'?([a-z_][a-zA-Z0-9_]*)'?\\s*,");
  private static final int MAX_DEPTH = 8;

  private ReleaseFinder() {}

  /**
   * The release's files.
   *
   * @param releaseEnv {@code --release-env}
   * @param vmArgs {@code --vm-args}
   * @param releaseDir {@code --release-dir}
   * @param beside the {@code -f} directories, searched when a file is not found otherwise
   * @param inputs where one line per file found is added, for the report
   */
  public static ReleaseFiles find(Optional<String> releaseEnv, Optional<String> vmArgs, Optional<String> releaseDir, List<Path> beside, List<String> inputs) {
    Optional<Path> dir = releaseDir.map(Path::of);
    if (dir.isPresent() && !Files.isDirectory(dir.get())) {
      throw new BadInputException("--release-dir " + dir.get() + ": no such directory");
    }
    List<Path> roots = dir.map(List::of).orElse(beside);
    String how = dir.isPresent() ? "in --release-dir" : "found beside the manifests";
    Optional<NamedText> env = releaseEnv.map(p -> text(p, "--release-env"));
    if (env.isEmpty()) {
      env = one(roots, ENV_SH).flatMap(ReleaseFinder::found);
    }
    env.ifPresent(t -> inputs.add("env.sh " + t.name() + (releaseEnv.isPresent() ? "" : " (" + how + ")")));
    Optional<NamedText> vm = vmArgs.map(p -> text(p, "--vm-args"));
    if (vm.isEmpty()) {
      vm = one(roots, VM_ARGS).flatMap(ReleaseFinder::found);
    }
    List<NamedText> config = new ArrayList<>();
    List<NamedText> modules = new ArrayList<>();
    Optional<String> name = Optional.empty();
    for (Path root : roots) {
      for (Path p : files(root)) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (rel.matches("(.*/)?config/[^/]+\\.exs")) {
          found(p).ifPresent(config::add);
        } else if (rel.matches("(.*/)?lib/.*application\\.ex")) {
          found(p).ifPresent(modules::add);
        } else if (name.isEmpty() && p.getFileName().toString().equals("mix.exs")) {
          name = found(p).flatMap(t -> first(t.text(), MIX_RELEASE, MIX_APP));
        } else if (name.isEmpty() && p.getFileName().toString().equals("rebar.config")) {
          name = found(p).flatMap(t -> first(t.text(), RELX_RELEASE));
        } else if (name.isEmpty() && rel.matches("(.*/)?bin/[a-z_][a-zA-Z0-9_]*") && Files.isDirectory(p.getParent().resolveSibling("releases"))) {
          name = Optional.of(p.getFileName().toString());
        }
      }
    }
    config.sort(Comparator.comparing(NamedText::name));
    config.forEach(t -> inputs.add("Elixir config " + t.name() + " (" + how + ")"));
    modules.forEach(t -> inputs.add("Elixir module " + t.name() + " (" + how + ")"));
    name.ifPresent(n -> inputs.add("release name " + n + " (" + how + ")"));
    return new ReleaseFiles(env, vm, config, modules, name);
  }

  /** The one file under {@code roots} whose path ends with one of {@code names} (the first name that has exactly one match). */
  static Optional<Path> one(List<Path> roots, List<String> names) {
    for (String n : names) {
      List<Path> found = new ArrayList<>();
      for (Path root : roots) {
        for (Path p : files(root)) {
          String rel = "/" + root.relativize(p).toString().replace('\\', '/');
          if (rel.endsWith("/" + n)) {
            found.add(p);
          }
        }
      }
      if (found.size() == 1) {
        return Optional.of(found.get(0));
      }
      if (found.size() > 1) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static List<Path> files(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
      return walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/_build/") && !p.toString().contains("/deps/")).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException(root + ": directory cannot be read: " + e.getMessage(), e);
    }
  }

  private static Optional<NamedText> found(Path p) {
    return TextFile.readIfText(p).map(t -> new NamedText(p.toString(), t));
  }

  private static NamedText text(String path, String option) {
    return TextFile.read(path, option, (t, p) -> new NamedText(p, t));
  }

  private static Optional<String> first(String text, Pattern... patterns) {
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }
}
