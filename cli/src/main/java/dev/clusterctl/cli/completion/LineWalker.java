package dev.clusterctl.cli.completion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Follows a partly typed command line through the picocli model to the argument whose value is
 * being typed: the subcommand reached, the option (or positional parameter) awaiting a value, and
 * the options already given. Tolerant: words it does not recognise are skipped, never rejected.
 */
final class LineWalker {

  private LineWalker() {}

  /**
   * The argument being completed in {@code words} (everything after the program name; the last word
   * is the one under the cursor, possibly empty), or empty when the cursor is not on a value.
   */
  static Optional<CompletionRequest> locate(CommandSpec root, List<String> words, Map<String, String> env) {
    if (words.isEmpty()) {
      return Optional.empty();
    }
    CommandSpec spec = root;
    Map<String, String> typed = new HashMap<>();
    OptionSpec pending = null;
    int positional = 0;
    boolean endOfOptions = false;
    for (String w : words.subList(0, words.size() - 1)) {
      if (pending != null) {
        record(typed, pending, w);
        pending = null;
      } else if (!endOfOptions && w.equals("--")) {
        endOfOptions = true;
      } else if (!endOfOptions && w.startsWith("-") && w.length() > 1) {
        pending = option(spec, w, typed);
      } else if (!endOfOptions && spec.subcommands().containsKey(w)) {
        spec = spec.subcommands().get(w).getCommandSpec();
        positional = 0;
      } else {
        positional++;
      }
    }
    String current = words.get(words.size() - 1);
    if (pending != null) {
      return Optional.of(new CompletionRequest(spec, pending, current, typed, env));
    }
    if (!endOfOptions && current.startsWith("--") && current.contains("=")) {
      String name = current.substring(0, current.indexOf('='));
      Optional<OptionSpec> o = CommandTree.option(spec, name).filter(CommandTree::takesValue);
      if (o.isPresent()) {
        return Optional.of(new CompletionRequest(spec, o.get(), current.substring(name.length() + 1), typed, env));
      }
      return Optional.empty();
    }
    if (!current.startsWith("-") || endOfOptions) {
      for (PositionalParamSpec p : CommandTree.positionals(spec)) {
        if (p.index().contains(positional)) {
          return Optional.of(new CompletionRequest(spec, p, current, typed, env));
        }
      }
    }
    return Optional.empty();
  }

  /** Records an option word; returns the option when its value is the next word. */
  private static OptionSpec option(CommandSpec spec, String word, Map<String, String> typed) {
    int eq = word.indexOf('=');
    String name = eq > 0 ? word.substring(0, eq) : word;
    Optional<OptionSpec> o = CommandTree.option(spec, name);
    if (o.isPresent()) {
      if (!CommandTree.takesValue(o.get())) {
        record(typed, o.get(), "true");
        return null;
      }
      if (eq > 0) {
        record(typed, o.get(), word.substring(eq + 1));
        return null;
      }
      return o.get();
    }
    // a short option with its value attached: -nprod
    Optional<OptionSpec> attached =
        word.startsWith("--") ? Optional.empty() : CommandTree.option(spec, word.substring(0, 2));
    attached.filter(CommandTree::takesValue).ifPresent(a -> record(typed, a, word.substring(2)));
    return null;
  }

  private static void record(Map<String, String> typed, ArgSpec arg, String value) {
    if (arg instanceof OptionSpec o) {
      for (String n : o.names()) {
        typed.put(n, value);
      }
    }
  }
}
