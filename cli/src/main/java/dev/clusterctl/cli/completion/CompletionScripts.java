package dev.clusterctl.cli.completion;

import picocli.CommandLine.Model.CommandSpec;

/** Writes the completion script of a shell for the commands under a root command. */
public final class CompletionScripts {

  private CompletionScripts() {}

  /** The {@code shell} script completing the commands under {@code root}, with {@code providers} for run-time values. */
  public static String generate(Shell shell, CommandSpec root, CandidateProviders providers) {
    return switch (shell) {
      case bash -> BashScript.generate(root, providers);
      case zsh -> "#compdef " + root.name() + "\n# zsh runs the bash script through bashcompinit.\n"
          + BashScript.generate(root, providers);
      case fish -> FishScript.generate(root, providers);
      case powershell -> PowerShellScript.generate(root, providers);
    };
  }
}
