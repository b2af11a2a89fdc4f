package dev.clusterctl.cli.completion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Computes the values that may follow a partly typed command line: a run-time provider's when the
 * option has one, else the model's fixed candidates (enum constants), else paths for an argument
 * that names a file or a directory. Used by {@code __complete},
 * which the shell scripts call for run-time values, and by the interactive shell.
 */
public final class Completer {

  private final CommandSpec root;
  private final CandidateProviders providers;
  private final Map<String, String> env;
  private final Path cwd;

  /** A completer for the commands under {@code root}, completing paths from the working directory. */
  public Completer(CommandSpec root, CandidateProviders providers, Map<String, String> env) {
    this(root, providers, env, Path.of("").toAbsolutePath());
  }

  /** A completer for the commands under {@code root}, completing relative paths from {@code cwd}. */
  public Completer(CommandSpec root, CandidateProviders providers, Map<String, String> env, Path cwd) {
    this.root = root;
    this.providers = providers;
    this.env = Map.copyOf(env);
    this.cwd = cwd;
  }

  /** True when the last of {@code words} is the value of an option ({@code --context |}), not a command or positional. */
  public boolean onOptionValue(List<String> words) {
    return LineWalker.locate(root, words, env).map(r -> r.argument() instanceof OptionSpec).orElse(false);
  }

  /** The candidates for the last of {@code words} (the words after the program name), filtered by what is typed. */
  public List<String> complete(List<String> words) {
    Optional<CompletionRequest> found = LineWalker.locate(root, words, env);
    if (found.isEmpty()) {
      return List.of();
    }
    CompletionRequest request = found.get();
    List<String> all = new ArrayList<>();
    try {
      if (request.argument() instanceof OptionSpec o && providers.isDynamic(o)) {
        all.addAll(providers.forOption(o).orElseThrow().candidates(request));
      } else if (!CommandTree.candidates(request.argument()).isEmpty()) {
        all.addAll(CommandTree.candidates(request.argument()));
      } else if (CommandTree.pathKind(request.argument()) != CommandTree.PathKind.NONE) {
        all.addAll(PathCandidates.of(request.prefix(), CommandTree.pathKind(request.argument()), cwd, env));
      }
    } catch (Exception quiet) {
      // completion must never spill an error into the user's line
    }
    return all.stream().filter(c -> c.startsWith(request.prefix())).distinct().toList();
  }
}
