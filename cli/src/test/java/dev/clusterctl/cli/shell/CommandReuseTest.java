package dev.clusterctl.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The shell parses every line with the same {@link CommandLine} and the same command objects, so
 * nothing one run sets may reach the next: the same line twice prints the same, and a line after
 * another is unaffected by it.
 */
class CommandReuseTest {

  private static final String REPO = System.getProperty("clusterctl.repo", "..");

  private static String run(CommandLine cl, String line) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(line.split(" "));
    return "exit " + exit + "\n" + out + err;
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "resolve @127.0.0.1:1 --nameserver 127.0.0.1:2 --timeout 100ms --tries 1 --basename app -o json x.example.",
    "join @127.0.0.1:1 --timeout 100ms --tries 1 --basename app -o json x.example.",
    "doctor -f {repo}/docs/examples/srv-deployment -o json --only cookie-consistent,service-headless",
  })
  void theSameLineTwicePrintsTheSame(String template) {
    String line = template.replace("{repo}", Path.of(REPO).toAbsolutePath().normalize().toString());
    CommandLine cl = Main.commandLine();
    String first = run(cl, line).replaceAll("\"(time|at|elapsedMs|durationMs|took[A-Za-z]*)\" *: *[^,}\\n]*", "\"$1\":_");
    String second = run(cl, line).replaceAll("\"(time|at|elapsedMs|durationMs|took[A-Za-z]*)\" *: *[^,}\\n]*", "\"$1\":_");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aServerNamedInOneLineIsNotAskedInTheNext() {
    CommandLine cl = Main.commandLine();
    run(cl, "resolve @127.0.0.1:1 --timeout 100ms --tries 1 --basename app x.example.");
    String next = run(cl, "resolve @127.0.0.1:2 --timeout 100ms --tries 1 --basename app x.example.");
    assertThat(next).contains("127.0.0.1:2").doesNotContain("127.0.0.1:1");
  }
}
