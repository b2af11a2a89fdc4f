package dev.clusterctl.cli.completion;

import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The bash (and zsh, through {@code bashcompinit}) script: picocli's {@link AutoComplete} output
 * for the commands, options and fixed values, followed by a small wrapper that asks
 * {@code clusterctl __complete} for the values of the options completed at run time.
 */
final class BashScript {

  private BashScript() {}

  /** The script for the commands under {@code root}. */
  static String generate(CommandSpec root, CandidateProviders providers) {
    String name = root.name();
    StringBuilder out = new StringBuilder(AutoComplete.bash(name, root.commandLine()));
    List<String> runtime = providers.dynamicOptionNames(root);
    if (runtime.isEmpty()) {
      return out.toString();
    }
    String fn = "_" + name.replaceAll("[^A-Za-z0-9_]", "_") + "_runtime_values";
    out.append('\n')
        .append("# Values known only at run time (kubeconfig contexts, the cluster's namespaces and\n")
        .append("# services, ...) come from the hidden '").append(name).append(" __complete' command;\n")
        .append("# everything else from the generated functions above.\n")
        .append("function ").append(fn).append("() {\n")
        .append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
        .append("  case \"$prev\" in\n")
        .append("    ").append(String.join("|", runtime)).append(")\n")
        .append("      local IFS=$'\\n'\n")
        .append("      COMPREPLY=( $(compgen -W \"$(\"${COMP_WORDS[0]}\" __complete -- \"${COMP_WORDS[@]:1:COMP_CWORD}\" 2>/dev/null)\" -- \"$cur\") )\n")
        .append("      return 0\n")
        .append("      ;;\n")
        .append("  esac\n")
        .append("  _complete_").append(name).append(" \"$@\"\n")
        .append("}\n")
        .append("complete -F ").append(fn).append(" -o default ")
        .append(name).append(' ').append(name).append(".sh ").append(name).append(".bash\n");
    return out.toString();
  }
}
