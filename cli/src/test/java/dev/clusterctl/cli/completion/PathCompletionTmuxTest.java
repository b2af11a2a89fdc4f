package dev.clusterctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clusterctl.cli.Main;
import dev.clusterctl.testing.RealServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path completion as a user meets it: real bash (with Debian's bash-completion), real fish and
 * {@code clusterctl shell} in a real terminal (tmux), keys typed, TAB pressed, the screen read.
 * The bash and fish scripts are the ones committed under {@code completions/}.
 */
class PathCompletionTmuxTest {

  @TempDir Path tmp;

  private Path tmux;
  private String session;
  private Path work;
  private String prompt;

  @BeforeEach
  void tree() throws Exception {
    tmux = RealServers.require("tmux", "tmux");
    work = Files.createDirectories(tmp.resolve("work"));
    Files.createDirectories(work.resolve("docs/examples/srv-deployment"));
    Files.writeString(work.resolve("docs/examples/srv-deployment/statefulset.yaml"), "kind: StatefulSet\n");
    Files.createDirectories(work.resolve("overlays/srv"));
    Files.writeString(work.resolve("overlays/notes.txt"), "not a kustomization\n");
    Files.writeString(work.resolve("vm.args.src"), "-name ledger@${POD_IP}\n");
    session = "clusterctl-paths-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
  }

  @AfterEach
  void kill() throws Exception {
    if (session != null && tmux != null) {
      tmux("kill-session", "-t", session);
    }
  }

  private static Path script(Shell shell) {
    return Path.of(System.getProperty("clusterctl.repo", "..")).resolve("completions").resolve(shell.fileName()).toAbsolutePath();
  }

  @Test
  void bashCompletesFilesAndDirectoriesOnTab() throws Exception {
    Path bash = RealServers.require("bash", "bash");
    Path bashCompletion = Path.of("/usr/share/bash-completion/bash_completion");
    if (!Files.isRegularFile(bashCompletion)) {
      RealServers.unavailable("bash-completion not installed (install Debian package bash-completion)");
    }
    Path rc = Files.writeString(tmp.resolve("bashrc"),
        "PS1='$ '\nsource " + bashCompletion + "\nsource " + script(Shell.bash) + "\n");
    start("env -i HOME=" + tmp + " TERM=xterm PATH=/usr/bin:/bin " + bash + " --noprofile --rcfile " + rc + " -i");
    prompt = "$ ";
    awaitScreen(s -> s.contains(prompt.strip()));

    typeAndTab("clusterctl doctor -f docs/exa");
    awaitLine("clusterctl doctor -f docs/examples/");
    typeAndTab("s");
    awaitLine("clusterctl doctor -f docs/examples/srv-deployment/");
    clearLine();

    // -k takes a directory: overlays/ holds one directory and one file, and TAB goes into the directory
    typeAndTab("clusterctl doctor -k overlays/");
    awaitLine("clusterctl doctor -k overlays/srv/");
    clearLine();

    typeAndTab("clusterctl doctor --vm-args vm");
    awaitLine("clusterctl doctor --vm-args vm.args.src");
    clearLine();

    typeAndTab("clusterctl doctor --filename=docs/");
    awaitLine("clusterctl doctor --filename=docs/examples/");
    clearLine();

    // a string option is still not a path: no file names offered for --workload
    typeAndTab("clusterctl doctor --workload vm");
    tmux("send-keys", "-t", session, "Tab");
    tmux("send-keys", "-t", session, "-l", "#end");
    awaitLine("clusterctl doctor --workload vm#end");
  }

  @Test
  void fishCompletesFilesAndDirectoriesOnTab() throws Exception {
    Path fish = RealServers.require("fish", "fish");
    Path init = Files.writeString(tmp.resolve("init.fish"),
        "function fish_prompt; echo -n '> '; end\nfunction fish_greeting; end\nsource " + script(Shell.fish) + "\n");
    start("env -i HOME=" + tmp + " TERM=xterm PATH=/usr/bin:/bin XDG_CONFIG_HOME=" + tmp.resolve("config")
        + " XDG_DATA_HOME=" + tmp.resolve("data") + " " + fish + " --no-config -C 'source " + init + "'");
    prompt = "> ";
    awaitScreen(s -> s.contains(prompt.strip()));

    typeAndTab("clusterctl doctor -f docs/exa");
    awaitLine("clusterctl doctor -f docs/examples/");
    clearLine();

    typeAndTab("clusterctl doctor -k overlays/");
    awaitLine("clusterctl doctor -k overlays/srv/");
    clearLine();

    typeAndTab("clusterctl doctor --release-dir overl");
    awaitLine("clusterctl doctor --release-dir overlays/");
    clearLine();

    typeAndTab("clusterctl doctor --vm-args vm");
    awaitLine("clusterctl doctor --vm-args vm.args.src");
  }

  @Test
  void zshCompletesFilesAndDirectoriesOnTabThroughBashcompinit() throws Exception {
    Path zsh = RealServers.require("zsh", "zsh");
    Path home = Files.createDirectories(tmp.resolve("zdot"));
    Files.writeString(home.resolve(".zshrc"),
        "PROMPT='%% '\nautoload -U compinit && compinit -u\nsource " + script(Shell.zsh) + "\n");
    start("env -i HOME=" + home + " ZDOTDIR=" + home + " TERM=xterm PATH=/usr/bin:/bin " + zsh + " -i");
    prompt = "% ";
    awaitScreen(s -> s.contains(prompt.strip()));

    // zsh's bash emulation completes the name; it does not add the slash after a directory
    typeAndTab("clusterctl doctor -f docs/exa");
    awaitLine(l -> l.equals("clusterctl doctor -f docs/examples") || l.equals("clusterctl doctor -f docs/examples/"));
    clearLine();

    typeAndTab("clusterctl doctor -k overlays/");
    awaitLine(l -> l.equals("clusterctl doctor -k overlays/srv") || l.equals("clusterctl doctor -k overlays/srv/"));
    clearLine();

    typeAndTab("clusterctl doctor --vm-args vm");
    awaitLine(l -> l.equals("clusterctl doctor --vm-args vm.args.src"));
    assertThat(screen()).doesNotContain("command not found").doesNotContain("unrecognized modifier");
  }

  @Test
  void theShellCompletesFilesAndDirectoriesOnTab() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    start("env HOME=" + tmp + " XDG_CONFIG_HOME=" + tmp.resolve("config") + " NO_COLOR=1 TERM=xterm " + java
        + " -XX:TieredStopAtLevel=1 -cp " + System.getProperty("java.class.path") + " " + Main.class.getName() + " shell");
    prompt = "clusterctl> ";
    awaitScreen(s -> s.contains(prompt.strip()));

    typeAndTab("doctor -f docs/exa");
    awaitLine("doctor -f docs/examples/");
    typeAndTab("s");
    awaitLine("doctor -f docs/examples/srv-deployment/");
    clearLine();

    typeAndTab("doctor -k overlays/");
    awaitLine("doctor -k overlays/srv/");
    clearLine();

    typeAndTab("doctor --vm-args vm");
    awaitLine("doctor --vm-args vm.args.src");
    tmux("send-keys", "-t", session, "C-c");
    tmux("send-keys", "-t", session, "-l", "exit");
    tmux("send-keys", "-t", session, "Enter");
  }

  private void start(String command) throws Exception {
    assertThat(tmux("new-session", "-d", "-s", session, "-x", "150", "-y", "30", "-c", work.toString(), command)).isZero();
  }

  private void typeAndTab(String text) throws Exception {
    tmux("send-keys", "-t", session, "-l", text);
    tmux("send-keys", "-t", session, "Tab");
  }

  /** Ctrl-C drops the typed line in all three shells, leaving a fresh prompt below it. */
  private void clearLine() throws Exception {
    tmux("send-keys", "-t", session, "C-c");
    awaitLine("");
  }

  /** Waits until the line of the last prompt on the screen reads {@code typed} (trailing blanks aside). */
  private void awaitLine(String typed) throws Exception {
    awaitLine(typed::equals);
  }

  /** Waits until the line of the last prompt on the screen (trailing blanks aside) satisfies {@code typed}. */
  private void awaitLine(Predicate<String> typed) throws Exception {
    awaitScreen(s -> {
      List<String> prompts = s.lines().filter(l -> l.startsWith(prompt) || l.equals(prompt.strip())).toList();
      if (prompts.isEmpty()) {
        return false;
      }
      String last = prompts.get(prompts.size() - 1);
      return typed.test(last.substring(Math.min(prompt.length(), last.length())).stripTrailing());
    });
  }

  private String screen() throws Exception {
    Process p = new ProcessBuilder(tmux.toString(), "capture-pane", "-p", "-t", session).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private void awaitScreen(Predicate<String> shown) throws Exception {
    AtomicReference<String> last = new AtomicReference<>("");
    try {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
        last.set(screen());
        return shown.test(last.get());
      });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("the terminal never showed what was expected; it shows:\n" + last.get(), e);
    }
  }

  private int tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(tmux.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }
}
