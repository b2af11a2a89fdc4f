package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.command.VersionProvider;
import dev.clusterctl.cli.exit.ExitCode;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void helpListsEveryExitCode() {
    Cli.Result r = Cli.run("--help");
    assertThat(r.exit()).isZero();
    for (ExitCode code : ExitCode.values()) {
      assertThat(r.out()).contains(code.meaning());
    }
  }

  @Test
  void versionComesFromTheBuild() {
    Cli.Result r = Cli.run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("clusterctl ").doesNotContain("unknown");
  }

  /** What {@link Main#topLevel} builds by hand, declared the usual way. */
  @picocli.CommandLine.Command(
      name = "clusterctl",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {"Shows why Erlang/Elixir nodes do not find each other on Kubernetes, and how to fix it."},
      usageHelpAutoWidth = true,
      exitCodeListHeading = "%nExit codes:%n")
  static final class Annotated implements Runnable {
    @Override
    public void run() {}
  }

  @Test
  void theHandBuiltTopLevelIsTheAnnotatedOne() {
    picocli.CommandLine byHand = Main.commandLine();
    picocli.CommandLine annotated = Main.build(new picocli.CommandLine(new Annotated()), Main.COMMANDS);
    assertThat(byHand.getUsageMessage()).isEqualTo(annotated.getUsageMessage()).contains("-V, --version");
    assertThat(byHand.getSubcommands().keySet()).containsExactlyElementsOf(annotated.getSubcommands().keySet());
    for (String option : java.util.List.of("-h", "-V")) {
      var mine = byHand.getCommandSpec().findOption(option);
      var theirs = annotated.getCommandSpec().findOption(option);
      assertThat(mine.names()).containsExactly(theirs.names());
      assertThat(mine.usageHelp()).isEqualTo(theirs.usageHelp());
      assertThat(mine.versionHelp()).isEqualTo(theirs.versionHelp());
      assertThat(mine.arity()).isEqualTo(theirs.arity());
      assertThat(mine.type()).isEqualTo(theirs.type());
      assertThat(mine.descriptionKey()).isEqualTo(theirs.descriptionKey());
    }
    for (String[] args : new String[][] {{"--version"}, {"-V"}, {"--help"}, {"help"}, {"help", "resolve"}, {"-hV"}}) {
      java.io.StringWriter a = new java.io.StringWriter();
      java.io.StringWriter b = new java.io.StringWriter();
      byHand.setOut(new java.io.PrintWriter(a));
      annotated.setOut(new java.io.PrintWriter(b));
      assertThat(byHand.execute(args)).as(String.join(" ", args)).isEqualTo(annotated.execute(args));
      assertThat(a.toString()).as(String.join(" ", args)).isEqualTo(b.toString());
    }
  }

  @Test
  void loneVersionBuildsNoOtherCommandAndPrintsWhatTheWholeTreePrints() {
    picocli.CommandLine alone = Main.commandLine(new String[] {"--version"});
    assertThat(alone.getSubcommands()).isEmpty();
    assertThat(Main.commandLine(new String[] {"-V"}).getSubcommands()).isEmpty();
    java.io.StringWriter aloneOut = new java.io.StringWriter();
    java.io.StringWriter fullOut = new java.io.StringWriter();
    alone.setOut(new java.io.PrintWriter(aloneOut));
    picocli.CommandLine full = Main.commandLine();
    full.setOut(new java.io.PrintWriter(fullOut));
    assertThat(alone.execute("--version")).isZero();
    assertThat(full.execute("--version")).isZero();
    assertThat(aloneOut.toString()).startsWith("clusterctl ").isEqualTo(fullOut.toString());
    // anything more than a lone --version still gets the whole tree (and its checks)
    assertThat(Main.commandLine(new String[] {"--version", "doctor"}).getSubcommands()).containsKey("doctor");
  }

  @Test
  void picocliSetUpClusterctlNeverUsesIsSkipped() {
    Main.commandLine(new String[] {"--version"});
    assertThat(System.getProperty("picocli.disable.closures")).isEqualTo("true");
    assertThat(System.getProperty("picocli.converters.excludes")).isNotEmpty();
    // so no option may rely on picocli's java.time/java.sql converters: each such option names its own
    java.util.List<String> missing = new java.util.ArrayList<>();
    java.util.Deque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(java.util.List.of(Main.commandLine()));
    while (!todo.isEmpty()) {
      picocli.CommandLine cl = todo.pop();
      todo.addAll(cl.getSubcommands().values());
      for (picocli.CommandLine.Model.ArgSpec arg : cl.getCommandSpec().args()) {
        String type = arg.type().getName();
        if ((type.startsWith("java.time.") || type.startsWith("java.sql.")) && arg.converters().length == 0) {
          missing.add(cl.getCommandName() + " " + arg);
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(Cli.run("join", "--help").exit()).isZero();
  }

  @Test
  void unknownOptionIsOneLineOnStderrWithUsageExit() {
    Cli.Result r = Cli.run("--no-such-option");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Unknown option: '--no-such-option'").doesNotContain("Exception");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Result r = Cli.run();
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("a command is required");
  }

  @Test
  void atArgumentIsAServerNotAnArgumentFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    // A file named like the server must not be expanded into arguments.
    java.nio.file.Path file = dir.resolve("127.0.0.1:1");
    java.nio.file.Files.writeString(file, "--version\n");
    String server = "@" + file;
    Cli.Result r = Cli.run("resolve", server, "--timeout", "1", "--tries", "1", "example.test.");
    assertThat(r.out()).doesNotStartWith("clusterctl ");
    assertThat(r.exit()).isNotZero();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"doctor", "resolve", "join"})
  void standaloneCommandAloneParsesAndHelpsLikeTheWholeTree(String command) {
    String[] args = {command, "--help"};
    picocli.CommandLine alone = Main.commandLine(args);
    assertThat(alone.getSubcommands().keySet()).containsExactly("help", command);
    java.io.StringWriter aloneOut = new java.io.StringWriter();
    java.io.StringWriter fullOut = new java.io.StringWriter();
    alone.setOut(new java.io.PrintWriter(aloneOut));
    picocli.CommandLine full = Main.commandLine();
    full.setOut(new java.io.PrintWriter(fullOut));
    assertThat(alone.execute(args)).isZero();
    assertThat(full.execute(args)).isZero();
    assertThat(aloneOut.toString()).contains("Usage: clusterctl " + command).isEqualTo(fullOut.toString());
  }

  @Test
  void topLevelHelpAndUnknownCommandsGetTheWholeTree() {
    assertThat(Main.commandLine(new String[] {"--help"}).getSubcommands())
        .containsKeys("doctor", "resolve", "join", "completion", "shell");
    Cli.Result r = Cli.run("resolv");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("resolve");
  }

  @Test
  void noCommandsHelpShowsAnUnresolvedVariableAsNull() {
    // picocli expands ${...} in descriptions; a literal ${VAR} that is not a picocli variable turns into "null".
    java.util.List<String> paths = new java.util.ArrayList<>();
    collect(Main.commandLine(), "", paths);
    assertThat(paths).contains("join", "resolve", "doctor", "completion", "shell");
    for (String path : paths) {
      String[] args = (path.isEmpty() ? "--help" : path + " --help").split(" ");
      Cli.Result r = Cli.run(args);
      assertThat(r.exit()).as(path).isZero();
      assertThat(r.out()).as("clusterctl %s --help", path).doesNotContainPattern("\\bnull\\b");
    }
    assertThat(Cli.run("join", "--help").out()).contains("(-name/-sname, ${VAR} from");
  }

  private static void collect(picocli.CommandLine cl, String prefix, java.util.List<String> paths) {
    paths.add(prefix);
    for (var e : cl.getSubcommands().entrySet()) {
      if (!e.getKey().equals("help") && !e.getValue().getCommandSpec().usageMessage().hidden()) {
        collect(e.getValue(), (prefix.isEmpty() ? "" : prefix + " ") + e.getKey(), paths);
      }
    }
  }

  @Test
  void verboseSaysWhereEachKindOfDetailGoes() {
    // the claims are proven by DoctorCommandTest.verboseShowsTheEvidenceOfPassingChecks (stdout)
    // and ResolveCommandTest.verboseShowsEveryExchangeOnStderr (stderr)
    picocli.CommandLine cl = Main.commandLine();
    for (String command : java.util.List.of("doctor", "resolve", "join")) {
      String description = String.join(" ",
          cl.getSubcommands().get(command).getCommandSpec().findOption("--verbose").description());
      assertThat(description).as(command)
          .contains("on stderr, the stack trace of a failure and (resolve) every DNS question asked")
          .contains("on stdout, in doctor's text report, the evidence of passing checks");
    }
  }
}
