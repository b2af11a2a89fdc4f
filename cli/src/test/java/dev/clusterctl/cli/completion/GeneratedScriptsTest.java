package dev.clusterctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every visible command, option and fixed value of the model reaches every script; hidden ones do not. */
class GeneratedScriptsTest {

  private final CommandSpec root = TestApp.commandLine().getCommandSpec();
  private final CandidateProviders providers = CandidateProviders.standard();

  @Test
  void fishHasALinePerCommandOptionAndValue() {
    String fish = CompletionScripts.generate(Shell.fish, root, providers);
    assertThat(fish)
        .contains("complete -c clusterctl -n '__clusterctl_at \\'\\'' -a 'probe' -d 'Probes things.'")
        .contains("complete -c clusterctl -n '__clusterctl_at \\'probe\\'' -s 'o' -l 'output' -r -f -a 'text json yaml'")
        .contains("-l 'context' -r -f -a '(__clusterctl_runtime_values)'")
        .contains("-s 'n' -l 'namespace' -r -f -a '(__clusterctl_runtime_values)'")
        .contains("-l 'kubeconfig' -r -F")
        .contains("-l 'check' -r -f -d 'A check to run (repeatable).'")
        .contains("-n '__clusterctl_at \\'probe deep\\'' -f -a 'A AAAA SRV'")
        .contains("case 'probe'\n            printf '%s\\n' 'deep'")
        .contains("-l 'it\\'s'")
        .doesNotContain("secret")
        .doesNotContain("-a '__complete'");
  }

  @Test
  void powershellHasANodePerCommand() {
    String ps = CompletionScripts.generate(Shell.powershell, root, providers);
    for (CommandSpec spec : CommandTree.walk(root)) {
      assertThat(ps).contains("        '" + CommandTree.path(spec) + "' = @{");
      for (OptionSpec o : CommandTree.options(spec)) {
        for (String n : o.names()) {
          assertThat(ps).contains("'" + n.replace("'", "''") + "' = '");
        }
      }
    }
    assertThat(ps)
        .contains("'-o' = @('text', 'json', 'yaml')")
        .contains("Runtime = @('-n', '--namespace', '--context', '--service')")
        .contains("'' = @('A', 'AAAA', 'SRV')")
        .contains("'--it''s' = 'An option with a quote in its name''s description: don''t.'")
        .contains("__complete \"--word=$wordToComplete\" -- @rest")
        .doesNotContain("secret")
        .doesNotContain("'__complete'");
  }

  @Test
  void bashWrapsPicocliWithTheRuntimeOptions() {
    String bash = CompletionScripts.generate(Shell.bash, root, providers);
    assertThat(bash)
        .contains("function _complete_clusterctl()")
        .contains("    --context|--namespace|--service|-n)\n")
        .endsWith("complete -F _clusterctl_runtime_values -o default clusterctl clusterctl.sh clusterctl.bash\n");
    String zsh = CompletionScripts.generate(Shell.zsh, root, providers);
    assertThat(zsh).startsWith("#compdef clusterctl\n").contains("bashcompinit").endsWith(bash);
  }

  @Test
  void withoutRuntimeOptionsBashStillCompletesPaths() {
    String bash = CompletionScripts.generate(Shell.bash, root, CandidateProviders.none());
    assertThat(bash)
        .startsWith(picocli.AutoComplete.bash("clusterctl", root.commandLine()))
        .doesNotContain("__complete -- ")
        .contains("    'probe|--kubeconfig')\n");
  }

  @Test
  void pathOptionsCompletePathsPerCommandInEveryShell() {
    CommandSpec real = dev.clusterctl.cli.Main.commandLine().getCommandSpec();
    String bash = CompletionScripts.generate(Shell.bash, real, providers);
    assertThat(bash)
        .containsPattern("'doctor\\|-k'\\|'doctor\\|--kustomize'\\|'doctor\\|--release-dir'\\|'doctor\\|--fix'\\)\n.*\n.*_filedir -d;");
    String filesCase = bash.lines().filter(l -> l.contains("'doctor|--filename'")).findFirst().orElseThrow();
    for (String option : List.of("doctor|-f", "doctor|--corefile", "doctor|--sys-config", "doctor|--vm-args", "doctor|--kubeconfig",
        "doctor|--release-env", "join|--sys-config", "join|--vm-args", "join|--cookie-file", "resolve|--resolv-conf")) {
      assertThat(filesCase).as("the files case").contains("'" + option + "'");
    }
    assertThat(filesCase).doesNotContain("--release-dir").doesNotContain("--namespace").doesNotContain("--workload");
    String fish = CompletionScripts.generate(Shell.fish, real, providers);
    assertThat(fish)
        .contains("-s 'f' -l 'filename' -r -F")
        .contains("-l 'vm-args' -r -F")
        .contains("-s 'k' -l 'kustomize' -r -f -a '(__fish_complete_directories (commandline -ct))'")
        .contains("-l 'release-dir' -r -f -a '(__fish_complete_directories (commandline -ct))'");
    String ps = CompletionScripts.generate(Shell.powershell, real, providers);
    assertThat(ps)
        .containsPattern("Files = @\\('-f', '--filename', '--corefile', '--sys-config', '--vm-args', [^)]*'--kubeconfig'\\)")
        .containsPattern("Files = @\\([^)]*'--release-env'")
        .contains("Dirs = @('-k', '--kustomize', '--release-dir', '--fix')");
  }

  @Test
  void walkSkipsHiddenCommands() {
    assertThat(CommandTree.walk(root).stream().map(CommandTree::path).toList())
        .isEqualTo(List.of("", "probe", "probe deep", "completion"));
  }
}
