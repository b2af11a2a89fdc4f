package dev.clusterctl.cli.command;

import dev.clusterctl.cli.completion.CandidateProviders;
import dev.clusterctl.cli.completion.CompletionScripts;
import dev.clusterctl.cli.completion.Shell;
import dev.clusterctl.cli.exit.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterctl completion SHELL}: prints the shell's completion script for every clusterctl command. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Prints the completion script of a shell (bash, zsh, fish, powershell).",
    footerHeading = "%nInstall:%n",
    footer = {
      "  bash:  source <(clusterctl completion bash)   # in ~/.bashrc",
      "  zsh:   source <(clusterctl completion zsh)    # in ~/.zshrc",
      "  fish:  clusterctl completion fish > ~/.config/fish/completions/clusterctl.fish",
      "  pwsh:  clusterctl completion powershell | Out-String | Invoke-Expression"
    })
public final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
  Shell shell;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(CompletionScripts.generate(shell, spec.root(), CandidateProviders.standard()));
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }
}
