package dev.clusterctl.cli.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The fish script, generated from the picocli model (picocli has no fish generator): one
 * {@code complete} line per subcommand, option and positional parameter, guarded by the
 * subcommand path typed so far; run-time values come from {@code clusterctl __complete}.
 *
 * @see <a href="https://fishshell.com/docs/current/completions.html">Writing fish completions</a>
 */
final class FishScript {

  private FishScript() {}

  /** The script for the commands under {@code root}. */
  static String generate(CommandSpec root, CandidateProviders providers) {
    String name = root.name();
    String fn = "__" + name.replaceAll("[^A-Za-z0-9_]", "_");
    StringBuilder out = new StringBuilder();
    out.append("# fish completion for ").append(name)
        .append(", generated from its command model by '").append(name).append(" completion fish'.\n")
        .append("# Install: ").append(name).append(" completion fish > ~/.config/fish/completions/")
        .append(name).append(".fish\n\n");
    subcommandTable(out, root, fn);
    out.append("function ").append(fn).append("_path --description 'The subcommands typed so far'\n")
        .append("    set -l words (commandline -opc)\n")
        .append("    set -e words[1]\n")
        .append("    set -l path ''\n")
        .append("    for word in $words\n")
        .append("        if contains -- $word (").append(fn).append("_subcommands \"$path\")\n")
        .append("            set path (string trim -- \"$path $word\")\n")
        .append("        end\n")
        .append("    end\n")
        .append("    echo $path\n")
        .append("end\n\n")
        .append("function ").append(fn).append("_at --description 'True when the typed subcommands are $argv[1]'\n")
        .append("    set -l path (").append(fn).append("_path)\n")
        .append("    test \"$path\" = \"$argv[1]\"\n")
        .append("end\n\n")
        .append("function ").append(fn).append("_runtime_values --description 'Values known only at run time'\n")
        .append("    set -l words (commandline -opc)\n")
        .append("    set -e words[1]\n")
        .append("    ").append(name).append(" __complete -- $words (commandline -ct) 2>/dev/null\n")
        .append("end\n\n")
        .append("complete -c ").append(name).append(" -f\n");
    for (CommandSpec spec : CommandTree.walk(root)) {
      String guard = "-n " + quote(fn + "_at " + quote(CommandTree.path(spec)));
      out.append('\n');
      for (Map.Entry<String, CommandSpec> sub : CommandTree.subcommands(spec).entrySet()) {
        out.append("complete -c ").append(name).append(' ').append(guard)
            .append(" -a ").append(quote(sub.getKey()))
            .append(description(CommandTree.summary(sub.getValue()))).append('\n');
      }
      for (OptionSpec o : CommandTree.options(spec)) {
        out.append("complete -c ").append(name).append(' ').append(guard);
        for (String n : o.names()) {
          if (n.startsWith("--")) {
            out.append(" -l ").append(quote(n.substring(2)));
          } else if (n.length() == 2) {
            out.append(" -s ").append(quote(n.substring(1)));
          } else {
            out.append(" -o ").append(quote(n.substring(1)));
          }
        }
        if (CommandTree.takesValue(o)) {
          out.append(" -r").append(values(o, providers, fn));
        }
        out.append(description(CommandTree.summary(o))).append('\n');
      }
      for (PositionalParamSpec p : CommandTree.positionals(spec)) {
        String values = values(p, providers, fn);
        if (!values.isEmpty()) {
          out.append("complete -c ").append(name).append(' ').append(guard).append(values)
              .append(description(CommandTree.summary(p))).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static void subcommandTable(StringBuilder out, CommandSpec root, String fn) {
    out.append("function ").append(fn).append("_subcommands --description 'The subcommands of a command path'\n")
        .append("    switch \"$argv[1]\"\n");
    for (CommandSpec spec : CommandTree.walk(root)) {
      List<String> subs = new ArrayList<>(CommandTree.subcommands(spec).keySet());
      if (subs.isEmpty()) {
        continue;
      }
      out.append("        case ").append(quote(CommandTree.path(spec))).append('\n')
          .append("            printf '%s\\n'");
      for (String s : subs) {
        out.append(' ').append(quote(s));
      }
      out.append('\n');
    }
    out.append("    end\n").append("end\n\n");
  }

  /** The value part of a complete line: run-time values, fixed ones, files, directories, or nothing but "no files". */
  private static String values(picocli.CommandLine.Model.ArgSpec arg, CandidateProviders providers, String fn) {
    if (arg instanceof OptionSpec o && providers.isDynamic(o)) {
      return " -f -a " + quote("(" + fn + "_runtime_values)");
    }
    List<String> fixed = CommandTree.candidates(arg);
    if (!fixed.isEmpty()) {
      List<String> quoted = fixed.stream().map(FishScript::escapeWord).toList();
      return " -f -a " + quote(String.join(" ", quoted));
    }
    switch (CommandTree.pathKind(arg)) {
      case FILE:
        return " -F";
      case DIRECTORY:
        return " -f -a " + quote("(__fish_complete_directories (commandline -ct))");
      default:
        break;
    }
    return arg instanceof OptionSpec ? " -f" : "";
  }

  private static String description(String text) {
    return text.isEmpty() ? "" : " -d " + quote(text);
  }

  /** A fish single-quoted string. */
  static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String escapeWord(String s) {
    return s.replaceAll("([\\s\"'\\\\$();|&<>*?~{}\\[\\]#])", "\\\\$1");
  }
}
