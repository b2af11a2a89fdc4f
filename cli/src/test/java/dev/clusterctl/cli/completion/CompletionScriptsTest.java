package dev.clusterctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.Cli;
import dev.clusterctl.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The scripts committed under {@code completions/} are the ones the commands generate now.
 * After adding or changing a command, regenerate them with {@link #REGENERATE}.
 */
class CompletionScriptsTest {

  /** The one command that rewrites {@code completions/} from the current commands. */
  static final String REGENERATE =
      "./mvnw -q -B -pl core,cli test -Dclusterctl.regenerate=true -Dtest=CompletionScriptsTest -Dsurefire.failIfNoSpecifiedTests=false";

  private static Path completions() {
    return Path.of(System.getProperty("clusterctl.repo", "..")).resolve("completions");
  }

  @ParameterizedTest
  @EnumSource(Shell.class)
  void committedScriptIsUpToDate(Shell shell) throws IOException {
    CommandSpec root = Main.commandLine().getCommandSpec();
    String generated = CompletionScripts.generate(shell, root, CandidateProviders.standard());
    Path file = completions().resolve(shell.fileName());
    if (Boolean.getBoolean("clusterctl.regenerate")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, generated);
    }
    assertThat(file).as("completions/%s is missing; run %s", shell.fileName(), REGENERATE).exists();
    assertThat(Files.readString(file))
        .as("completions/%s is out of step with the commands; regenerate with: %s", shell.fileName(), REGENERATE)
        .isEqualTo(generated);
  }

  @ParameterizedTest
  @EnumSource(Shell.class)
  void completionCommandPrintsTheScript(Shell shell) {
    Cli.Result r = Cli.run("completion", shell.name());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(CompletionScripts.generate(shell, Main.commandLine().getCommandSpec(), CandidateProviders.standard()));
  }

  @Test
  void unknownShellIsAUsageError() {
    Cli.Result r = Cli.run("completion", "tcsh");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("tcsh").contains("bash, zsh, fish, powershell");
  }

  @Test
  void theHiddenCompleteCommandIsNotAdvertised() {
    assertThat(Cli.run("--help").out()).contains("completion").doesNotContain("__complete");
    for (Shell shell : Shell.values()) {
      String script = Cli.run("completion", shell.name()).out();
      assertThat(script.replace(" __complete", "")).doesNotContain("__complete");
    }
  }

  @Test
  void theHiddenCompleteCommandHasItsOwnHelp() {
    Cli.Result r = Cli.run("__complete", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("Usage: clusterctl __complete").contains("clusterctl completion --help");
    // the words after -- are the line being completed, never options of __complete
    assertThat(Cli.run("__complete", "--", "--help").exit()).isZero();
  }

  @Test
  void completeCommandPrintsCandidatesOneALine() {
    Cli.Result r = Cli.run("__complete", "--", "completion", "");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines()).containsExactly("bash", "zsh", "fish", "powershell");
    assertThat(Cli.run("__complete", "--", "--color", "a").out().lines()).isEmpty(); // --color is not on the root
    assertThat(Cli.run("__complete", "--word=", "--", "completion").out().lines()).containsExactly("bash", "zsh", "fish", "powershell");
    assertThat(Cli.run("__complete", "--word=z", "--", "completion").out().lines()).containsExactly("zsh");
  }
}
