package dev.clusterctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.testing.RealServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The generated scripts loaded into real bash (with Debian's bash-completion) and real fish, asked
 * for completions the way the shells ask on TAB. {@code clusterctl} on their PATH runs the test
 * application in a JVM, so run-time values really go through {@code __complete}.
 */
class ShellsRealTest {

  @TempDir static Path tmp;

  private static Path kubeconfig;

  @BeforeAll
  static void scriptsAndLauncher() throws IOException {
    CommandSpec root = TestApp.commandLine().getCommandSpec();
    for (Shell shell : List.of(Shell.bash, Shell.fish)) {
      Files.writeString(tmp.resolve(shell.fileName()), CompletionScripts.generate(shell, root, CandidateProviders.standard()));
    }
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path launcher = bin.resolve("clusterctl");
    Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' "
        + TestApp.class.getName() + " \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    kubeconfig = Kubeconfig.write(tmp.resolve("kubeconfig"), "https://127.0.0.1:1", "prod", "staging");
  }

  // ---- bash ----

  private static List<String> bash(String... words) throws Exception {
    Path bash = RealServers.require("bash", "bash");
    Path bashCompletion = Path.of("/usr/share/bash-completion/bash_completion");
    if (!Files.isRegularFile(bashCompletion)) {
      RealServers.unavailable("bash-completion not installed (install Debian package bash-completion)");
    }
    String script = String.join("\n",
        "source " + bashCompletion,
        "source " + tmp.resolve("clusterctl.bash"),
        "if [ \"$1\" = :spec ]; then complete -p clusterctl; exit; fi",
        "COMP_WORDS=(clusterctl \"$@\")",
        "COMP_CWORD=$#",
        "COMP_LINE=\"${COMP_WORDS[*]}\"",
        "COMP_POINT=${#COMP_LINE}",
        "COMPREPLY=()",
        "fn=$(complete -p clusterctl | sed 's/.*-F \\([^ ]*\\).*/\\1/')",
        "\"$fn\" clusterctl \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"",
        "printf '%s\\n' \"${COMPREPLY[@]}\"");
    List<String> cmd = new ArrayList<>(List.of(bash.toString(), "--norc", "--noprofile", "-c", script, "bash"));
    cmd.addAll(Arrays.asList(words));
    return run(cmd).stream().filter(s -> !s.isEmpty()).map(String::trim).toList();
  }

  @Test
  void bashRegistersTheCompletionFunction() throws Exception {
    assertThat(bash(":spec")).containsExactly("complete -o default -F _clusterctl_runtime_values clusterctl");
  }

  @Test
  void bashCompletesSubcommandsOptionsAndEnums() throws Exception {
    assertThat(bash("")).contains("probe", "completion").doesNotContain("__complete");
    assertThat(bash("probe", "--c")).containsExactlyInAnyOrder("--context", "--check");
    assertThat(bash("probe", "-o", "")).containsExactlyInAnyOrder("text", "json", "yaml");
    assertThat(bash("probe", "deep", "A")).containsExactlyInAnyOrder("A", "AAAA");
    assertThat(bash("completion", "")).containsExactlyInAnyOrder("bash", "zsh", "fish", "powershell");
  }

  @Test
  void bashAsksClusterctlForContexts() throws Exception {
    assertThat(bash("probe", "--kubeconfig", kubeconfig.toString(), "--context", "")).containsExactly("prod", "staging");
    assertThat(bash("probe", "--kubeconfig", kubeconfig.toString(), "--context", "st")).containsExactly("staging");
  }

  // ---- fish ----

  private static List<String> fish(String line) throws Exception {
    Path fish = RealServers.require("fish", "fish");
    String script = "source " + tmp.resolve("clusterctl.fish") + "; complete -C '" + line.replace("'", "\\'") + "'";
    List<String> out = run(List.of(fish.toString(), "--no-config", "-c", script));
    return out.stream().filter(s -> !s.isEmpty()).map(s -> s.split("\t")[0]).toList();
  }

  @Test
  void fishCompletesSubcommandsWithDescriptions() throws Exception {
    Path fish = RealServers.require("fish", "fish");
    List<String> raw = run(List.of(fish.toString(), "--no-config", "-c",
        "source " + tmp.resolve("clusterctl.fish") + "; complete -C 'clusterctl '"));
    assertThat(raw).contains("probe\tProbes things.").noneMatch(s -> s.startsWith("__complete"));
  }

  @Test
  void fishCompletesOptionsEnumsAndNestedCommands() throws Exception {
    assertThat(fish("clusterctl probe --c")).containsExactlyInAnyOrder("--context", "--check");
    assertThat(fish("clusterctl probe -o ")).containsExactlyInAnyOrder("text", "json", "yaml");
    assertThat(fish("clusterctl probe --output ")).containsExactlyInAnyOrder("text", "json", "yaml");
    assertThat(fish("clusterctl probe ")).contains("deep");
    assertThat(fish("clusterctl probe deep ")).containsExactlyInAnyOrder("A", "AAAA", "SRV");
    assertThat(fish("clusterctl completion ")).containsExactlyInAnyOrder("bash", "zsh", "fish", "powershell");
    assertThat(fish("clusterctl probe --secr")).isEmpty();
  }

  @Test
  void fishAsksClusterctlForContexts() throws Exception {
    assertThat(fish("clusterctl probe --kubeconfig " + kubeconfig + " --context ")).containsExactly("prod", "staging");
  }

  private static List<String> run(List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
    pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().put("HOME", tmp.toString());
    pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    pb.environment().put("XDG_DATA_HOME", tmp.resolve("data").toString());
    pb.environment().remove("KUBECONFIG");
    pb.redirectError(tmp.resolve("stderr.txt").toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", cmd.get(0), Files.readString(tmp.resolve("stderr.txt"))).isZero();
    return out.lines().toList();
  }
}
