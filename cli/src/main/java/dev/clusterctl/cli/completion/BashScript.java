package dev.clusterctl.cli.completion;

import dev.clusterctl.cli.completion.CommandTree.PathKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bash (and zsh, through {@code bashcompinit}) script: picocli's {@link AutoComplete} output
 * for the commands, options and fixed values, followed by a small wrapper that completes what
 * picocli's leaves out: paths for the options that name a file or a directory, and the values
 * {@code clusterctl __complete} knows at run time.
 *
 * <p>picocli's functions turn bash's default file completion off ({@code compopt +o default}) and
 * complete only {@code File}-typed options; the wrapper decides from the same model, per command,
 * which options take a path, so that a string option labelled {@code FILE} or {@code DIR} completes
 * too.
 */
final class BashScript {

  private BashScript() {}

  /** The script for the commands under {@code root}. */
  static String generate(CommandSpec root, CandidateProviders providers) {
    String name = root.name();
    StringBuilder out = new StringBuilder(AutoComplete.bash(name, root.commandLine()));
    Map<String, List<String>> files = new TreeMap<>();
    Map<String, List<String>> dirs = new TreeMap<>();
    List<String> commandPaths = new ArrayList<>();
    for (CommandSpec spec : CommandTree.walk(root)) {
      String path = CommandTree.path(spec);
      if (!path.isEmpty()) {
        commandPaths.add(path);
      }
      for (OptionSpec o : CommandTree.options(spec)) {
        if (!CommandTree.takesValue(o) || providers.isDynamic(o)) {
          continue;
        }
        PathKind kind = CommandTree.pathKind(o);
        Map<String, List<String>> into = kind == PathKind.DIRECTORY ? dirs : kind == PathKind.FILE ? files : null;
        if (into != null) {
          for (String n : o.names()) {
            into.computeIfAbsent(path, k -> new ArrayList<>()).add(quote(path + "|" + n));
          }
        }
      }
    }
    List<String> runtime = providers.dynamicOptionNames(root);
    if (runtime.isEmpty() && files.isEmpty() && dirs.isEmpty()) {
      return out.toString();
    }
    String fn = "_" + name.replaceAll("[^A-Za-z0-9_]", "_") + "_runtime_values";
    out.append('\n')
        .append("# What the generated functions above leave out: paths for the options that name a file\n")
        .append("# or a directory (per command), and values known only at run time (kubeconfig contexts,\n")
        .append("# the cluster's namespaces and services, ...) from the hidden '").append(name).append(" __complete'.\n")
        .append("function ").append(fn).append("() {\n")
        .append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
        .append("  local i=$((COMP_CWORD-1))\n")
        .append("  if [[ \"$cur\" == \"=\" ]]; then cur=\"\"; i=$((COMP_CWORD-1)); prev=\"${COMP_WORDS[i]}\";\n")
        .append("  elif [[ \"$prev\" == \"=\" ]]; then i=$((COMP_CWORD-2)); prev=\"${COMP_WORDS[i]}\"; fi\n")
        .append("  # the subcommands typed so far, as 'doctor' or 'a b'\n")
        .append("  local commands=").append(quote(":" + String.join(":", commandPaths) + ":")).append(" path=\"\" w next\n")
        .append("  local n=$(( i > 1 ? i - 1 : 0 ))\n")
        .append("  for w in \"${COMP_WORDS[@]:1:$n}\"; do\n")
        .append("    next=\"${path:+$path }$w\"\n")
        .append("    [[ \"$commands\" == *\":$next:\"* ]] && path=\"$next\"\n")
        .append("  done\n")
        .append("  case \"$path|$prev\" in\n");
    pathCase(out, files, "");
    pathCase(out, dirs, "-d");
    out.append("  esac\n");
    if (!runtime.isEmpty()) {
      out.append("  case \"$prev\" in\n")
          .append("    ").append(String.join("|", runtime)).append(")\n")
          .append("      local IFS=$'\\n'\n")
          .append("      COMPREPLY=( $(compgen -W \"$(\"${COMP_WORDS[0]}\" __complete -- \"${COMP_WORDS[@]:1:COMP_CWORD}\" 2>/dev/null)\" -- \"$cur\") )\n")
          .append("      return 0\n")
          .append("      ;;\n")
          .append("  esac\n");
    }
    out.append("  _complete_").append(name).append(" \"$@\"\n")
        .append("}\n")
        .append("complete -F ").append(fn).append(" -o default ")
        .append(name).append(' ').append(name).append(".sh ").append(name).append(".bash\n");
    return out.toString();
  }

  /**
   * One case branch completing paths ({@code -d}: directories only) for {@code patterns}: with
   * bash-completion's {@code _filedir} (quoting, {@code ~}, spaces) when it is loaded, else with
   * {@code compgen}.
   */
  private static void pathCase(StringBuilder out, Map<String, List<String>> patterns, String dirFlag) {
    List<String> all = patterns.values().stream().flatMap(List::stream).toList();
    if (all.isEmpty()) {
      return;
    }
    String compgen = dirFlag.isEmpty() ? "-f" : "-d";
    out.append("    ").append(String.join("|", all)).append(")\n")
        .append("      type compopt &>/dev/null && compopt -o filenames\n")
        .append("      if [[ -n \"${BASH_VERSION-}\" ]] && declare -F _filedir >/dev/null; then _filedir").append(dirFlag.isEmpty() ? "" : " " + dirFlag).append("; else\n")
        .append("        local IFS=$'\\n'; COMPREPLY=( $(compgen ").append(compgen).append(" -- \"$cur\") ); fi\n")
        .append("      return 0\n")
        .append("      ;;\n");
  }

  /** A bash single-quoted word. */
  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
