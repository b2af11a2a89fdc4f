package dev.clusterctl.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The shell driven through a scripted (dumb) terminal over pipes, in this JVM. */
class ReplTest {

  @TempDir Path tmp;

  private final PipedOutputStream keys = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private Terminal terminal;

  private Repl repl(Supplier<CommandLine> lines) throws IOException {
    terminal = new DumbTerminal("test", "dumb", new PipedInputStream(keys, 1 << 16), screen, StandardCharsets.UTF_8);
    return new Repl(terminal, lines, tmp.resolve("config/clusterctl/history"), Map.of("HOME", tmp.toString()));
  }

  @AfterEach
  void close() throws IOException {
    if (terminal != null) {
      terminal.close();
    }
  }

  private void type(String text) throws IOException {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  private String screen() {
    return screen.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runsCommandsKeepsHistoryAndLeavesOnExit() throws Exception {
    Repl repl = repl(() -> {
      CommandLine commands = Main.commandLine();
      commands.getCommandSpec().removeSubcommand("shell");
      return commands;
    });
    type("completion --help\ncompletion tcsh\n--version\nexit\n");
    assertThat(repl.run()).isZero();
    assertThat(screen())
        .contains("Usage: clusterctl completion [-hV] SHELL")
        .contains("Invalid value for positional parameter at index 0 (SHELL): expected one of [bash, zsh, fish, powershell] (case-insensitive) but was 'tcsh'")
        .contains("[exit 2]")
        .containsPattern("clusterctl \\d+\\.\\d+");
    assertThat(Files.readAllLines(tmp.resolve("config/clusterctl/history")))
        .anyMatch(l -> l.endsWith("completion --help"))
        .anyMatch(l -> l.endsWith("completion tcsh"));
  }

  @Test
  void clearClearsTheScreenAndIsNotAnUnknownCommand() throws Exception {
    Repl repl = repl(Main::commandLine);
    type("clear\nexit\n");
    assertThat(repl.run()).isZero();
    assertThat(screen()).doesNotContain("completion").doesNotContain("[exit").doesNotContain("Unmatched");
  }

  @Test
  void endOfInputLeavesTheShell() throws Exception {
    Repl repl = repl(Main::commandLine);
    type("help\n");
    keys.close();
    assertThat(repl.run()).isZero();
    assertThat(screen()).contains("Commands:").contains("completion");
  }

  @Test
  void tabCompletesCommandsAndEnumValues() throws Exception {
    Repl repl = repl(Main::commandLine);
    assertThat(candidates(repl, "comp")).contains("completion");
    assertThat(candidates(repl, "completion ")).contains("bash", "zsh", "fish", "powershell");
  }

  @Test
  void tabCompletesOptionValuesIncludingRunTimeOnes() throws Exception {
    Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"),
        "apiVersion: v1\nkind: Config\ncontexts:\n- name: prod\n  context: {cluster: c, user: u}\n"
            + "- name: kind-dev\n  context: {cluster: c, user: u}\ncurrent-context: prod\n");
    terminal = new DumbTerminal("test", "dumb", new PipedInputStream(keys, 1 << 16), screen, StandardCharsets.UTF_8);
    Repl repl = new Repl(terminal, dev.clusterctl.cli.completion.TestApp::commandLine, tmp.resolve("history"),
        Map.of("KUBECONFIG", kubeconfig.toString()));
    assertThat(candidates(repl, "probe --context ")).containsExactly("prod", "kind-dev");
    assertThat(candidates(repl, "probe -o j")).containsExactly("json");
    assertThat(candidates(repl, "probe --out")).contains("--output=");
    assertThat(candidates(repl, "probe deep ")).containsExactly("A", "AAAA", "SRV");
  }

  @Test
  void tabCompletesPathsFilesOrDirectoriesAsTheOptionTakes() throws Exception {
    Files.createDirectories(tmp.resolve("examples/srv-deployment"));
    Files.writeString(tmp.resolve("examples/README.md"), "x");
    Files.writeString(tmp.resolve("vm.args"), "-name a@b");
    Repl repl = repl(Main::commandLine);
    assertThat(candidates(repl, "doctor -f ~/exa")).containsExactly("~/examples/");
    assertThat(candidates(repl, "doctor -f ~/examples/")).containsExactly("~/examples/README.md", "~/examples/srv-deployment/");
    assertThat(candidates(repl, "doctor --vm-args ~/vm")).containsExactly("~/vm.args");
    assertThat(candidates(repl, "doctor -k ~/examples/")).containsExactly("~/examples/srv-deployment/");
    assertThat(candidates(repl, "doctor --release-dir ~/")).contains("~/examples/").doesNotContain("~/vm.args");
    assertThat(candidates(repl, "join --sys-config ~/examples/R")).containsExactly("~/examples/README.md");
    // a directory does not end the word: TAB goes on into it
    LineReader reader = repl.reader();
    List<Candidate> found = new ArrayList<>();
    repl.completer().complete(reader, reader.getParser().parse("doctor -f ~/ex", 14), found);
    assertThat(found).singleElement().satisfies(c -> assertThat(c.complete()).isFalse());
    found.clear();
    repl.completer().complete(reader, reader.getParser().parse("doctor --vm-args ~/vm", 21), found);
    assertThat(found).singleElement().satisfies(c -> assertThat(c.complete()).isTrue());
  }

  private static List<String> candidates(Repl repl, String line) {
    LineReader reader = repl.reader();
    List<Candidate> found = new ArrayList<>();
    repl.completer().complete(reader, reader.getParser().parse(line, line.length()), found);
    return found.stream().map(Candidate::value).toList();
  }

  /** A command that blocks until interrupted, to show that Ctrl-C ends it and not the shell. */
  @Command(name = "block")
  static final class Block implements java.util.concurrent.Callable<Integer> {
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicBoolean interrupted = new AtomicBoolean();

    @Override
    public Integer call() throws InterruptedException {
      started.countDown();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.set(true);
        throw e;
      }
      return 0;
    }
  }

  @Command(name = "clusterctl")
  static final class Root implements Runnable {
    @Override
    public void run() {}
  }

  @Test
  void ctrlCCancelsTheRunningCommandNotTheShell() throws Exception {
    Block block = new Block();
    CommandLine commands = new CommandLine(new Root());
    commands.addSubcommand(new CommandLine(block));
    Repl repl = repl(() -> commands);
    CompletableFuture<Integer> shell = CompletableFuture.supplyAsync(() -> {
      try {
        return repl.run();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    type("block\n");
    assertThat(block.started.await(10, TimeUnit.SECONDS)).isTrue();
    terminal.raise(Terminal.Signal.INT);
    type("exit\n");
    assertThat(shell.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(block.interrupted).isTrue();
    assertThat(screen()).contains("interrupted").contains("[exit 130]");
  }

  /** A command that ignores its interruption and prints once the test lets it: what a cancelled command must not show. */
  @Command(name = "stubborn")
  static final class Stubborn implements java.util.concurrent.Callable<Integer> {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch printed = new CountDownLatch(1);
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      started.countDown();
      boolean released = false;
      while (!released) {
        try {
          released = release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
          // deliberately ignored: the shell must not depend on the command's cooperation
        }
      }
      spec.commandLine().getErr().println("late line of a cancelled command");
      spec.commandLine().getErr().flush();
      printed.countDown();
      return 3;
    }
  }

  @Test
  void ctrlCBringsThePromptBackWithinASecondAndNothingTheCancelledCommandPrintsAppears() throws Exception {
    Stubborn stubborn = new Stubborn();
    CommandLine commands = new CommandLine(new Root());
    commands.addSubcommand(new CommandLine(stubborn));
    Repl repl = repl(() -> commands);
    CompletableFuture<Integer> shell = CompletableFuture.supplyAsync(() -> {
      try {
        return repl.run();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    type("stubborn\n");
    assertThat(stubborn.started.await(10, TimeUnit.SECONDS)).isTrue();
    long pressed = System.nanoTime();
    terminal.raise(Terminal.Signal.INT);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(1)).until(() -> screen().contains("[exit 130]"));
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - pressed)).isLessThan(java.time.Duration.ofSeconds(1));
    stubborn.release.countDown();
    assertThat(stubborn.printed.await(10, TimeUnit.SECONDS)).isTrue();
    type("exit\n");
    assertThat(shell.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(screen()).doesNotContain("late line");
  }

  /** A command that keeps what it did in a field that is not an option, which picocli never resets. */
  @Command(name = "count")
  static final class Count implements java.util.concurrent.Callable<Integer> {
    private final List<String> runs = new ArrayList<>();
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      runs.add("run");
      spec.commandLine().getOut().println("runs on this object: " + runs.size());
      return 0;
    }
  }

  @Test
  void everyLineRunsOnAFreshCommandLineSoNothingALineSetsReachesTheNext() throws Exception {
    java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
    Repl repl = repl(() -> {
      built.incrementAndGet();
      CommandLine commands = new CommandLine(new Root());
      commands.addSubcommand(new CommandLine(new Count()));
      return commands;
    });
    type("count\ncount\ncount\nexit\n");
    assertThat(repl.run()).isZero();
    assertThat(screen()).contains("runs on this object: 1").doesNotContain("runs on this object: 2");
    // one command line for completion and the prompt, then one per line
    assertThat(built).hasValue(4);
  }

  @Test
  void configDirFollowsXdg() {
    assertThat(ConfigDir.of(Map.of("XDG_CONFIG_HOME", "/x/cfg", "HOME", "/home/u"))).isEqualTo(Path.of("/x/cfg/clusterctl"));
    assertThat(ConfigDir.of(Map.of("XDG_CONFIG_HOME", "relative", "HOME", "/home/u"))).isEqualTo(Path.of("/home/u/.config/clusterctl"));
    assertThat(ConfigDir.of(Map.of("HOME", "/home/u"))).isEqualTo(Path.of("/home/u/.config/clusterctl"));
  }
}
