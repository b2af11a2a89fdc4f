package dev.clusterctl.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.clusterctl.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Every command's help at 80 columns (a terminal that size, or a pipe): no line longer, nothing
 * split inside a word (a path, a name, a flag: the words are those of the help at 300 columns),
 * and the examples exactly as written, each one, continuations joined, a command clusterctl parses.
 */
class HelpWidthTest {

  /** Every command's path from the root ("" for the root itself), hidden ones too. */
  static Stream<String> commands() {
    List<String> paths = new ArrayList<>();
    collect(Main.commandLine(), "", paths);
    return paths.stream();
  }

  private static void collect(CommandLine cl, String path, List<String> out) {
    out.add(path);
    cl.getSubcommands().forEach((name, sub) -> {
      if (sub.getCommandName().equals(name)) {
        collect(sub, (path + " " + name).trim(), out);
      }
    });
  }

  private static String help(String path, int width) {
    CommandLine cl = Main.commandLine();
    for (String name : path.isEmpty() ? new String[0] : path.split(" ")) {
      cl = cl.getSubcommands().get(name);
    }
    cl.getCommandSpec().usageMessage().autoWidth(false).width(width);
    StringWriter out = new StringWriter();
    cl.usage(new PrintWriter(out), Ansi.OFF);
    return out.toString();
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void at80ColumnsNoLineIsLongerAndNoWordIsSplit(String path) {
    String narrow = help(path, 80);
    assertThat(narrow.lines()).as("clusterctl %s --help at 80 columns:%n%s", path, narrow).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(words(narrow)).as("the words of clusterctl %s --help at 80 and at 300 columns", path).isEqualTo(words(help(path, 300)));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void examplesAreNeverRewrappedAndPasteAsOneCommand(String path) {
    String narrow = help(path, 80);
    String wide = help(path, 300);
    List<String> examples = examples(narrow);
    assertThat(examples).isEqualTo(examples(wide));
    for (String example : joined(examples)) {
      int at = example.indexOf("clusterctl ");
      if (at < 0) {
        continue;
      }
      List<String> args = new ArrayList<>();
      for (String w : example.substring(at + "clusterctl ".length()).split("\\s+")) {
        if (w.equals(">") || w.equals("|") || w.equals("#")) {
          break;
        }
        args.add(w);
      }
      assertThatCode(() -> Main.commandLine().parseArgs(args.toArray(String[]::new)))
          .as("the example '%s' of clusterctl %s --help", example, path)
          .doesNotThrowAnyException();
    }
  }

  /** The lines under "Examples:", as printed. */
  private static List<String> examples(String help) {
    List<String> lines = help.lines().toList();
    int start = lines.indexOf("Examples:");
    if (start < 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String l : lines.subList(start + 1, lines.size())) {
      if (!l.startsWith(" ")) {
        break;
      }
      out.add(l);
    }
    return out;
  }

  /** Examples with their {@code \} continuations joined, as a shell reads them. */
  private static List<String> joined(List<String> lines) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String l : lines) {
      if (l.endsWith("\\")) {
        current.append(l, 0, l.length() - 1);
        continue;
      }
      current.append(l);
      out.add(current.toString().trim());
      current.setLength(0);
    }
    assertThat(current.toString()).as("an example ends with a continuation").isEmpty();
    return out;
  }

  @Test
  void theDoctorsLongExamplesAreWrittenWithContinuations() {
    List<String> examples = examples(help("doctor", 80));
    assertThat(examples).contains(
        "  clusterctl doctor -n payments --dns-port-forward --exec \\",
        "      --sys-config config/sys.config --vm-args config/vm.args.src");
  }

  @Test
  void inAPipeTheHelpIs80ColumnsWide() throws Exception {
    for (String command : List.of("doctor", "resolve", "join")) {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(), command, "--help")
          .redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(out).isEqualTo(help(command, 80).replace("\n", System.lineSeparator()));
      assertThat(out.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }
  }
}
