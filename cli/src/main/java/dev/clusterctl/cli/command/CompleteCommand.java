package dev.clusterctl.cli.command;

import dev.clusterctl.cli.completion.CandidateProviders;
import dev.clusterctl.cli.completion.Completer;
import dev.clusterctl.cli.exit.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clusterctl __complete [--word=CURRENT] -- WORD...}: prints, one a line, the values that may complete the
 * last word. Hidden; the completion scripts call it for values known only at run time.
 */
@Command(
    name = "__complete",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Prints completion candidates for the last of WORDS (used by the completion scripts).",
    footerHeading = "%nSee also:%n",
    footer = {
      "  clusterctl completion --help    installs the scripts that call this command",
      "  clusterctl __complete -- doctor --output ''    prints text, json, junit, sarif"
    })
public final class CompleteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "WORD", arity = "0..*", description = "The words after 'clusterctl'; the last is being typed.")
  List<String> words = new ArrayList<>();

  @Option(names = "--word", paramLabel = "CURRENT",
      description = "The word being typed, after WORDS (for shells that drop empty arguments: PowerShell).")
  String current;

  @Override
  public Integer call() {
    Completer completer = new Completer(spec.root(), CandidateProviders.standard(), System.getenv());
    List<String> line = new ArrayList<>(words);
    if (current != null) {
      line.add(current);
    }
    for (String candidate : completer.complete(line)) {
      spec.commandLine().getOut().println(candidate);
    }
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }
}
