package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.cli.terminal.TerminalLender;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line {@code clusterctl shell} builds for each line it runs. */
class ShellLineTest {

  private static Terminal dumb() throws Exception {
    return new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), StandardCharsets.UTF_8);
  }

  @Test
  void everyCommandButTheShellOnNewObjectsEachTime() throws Exception {
    try (Terminal terminal = dumb()) {
      CommandLine first = Main.shellLine(TerminalLender.lending(terminal));
      CommandLine second = Main.shellLine(TerminalLender.lending(terminal));
      assertThat(first.getSubcommands().keySet()).containsExactlyElementsOf(
          Main.commandLine().getSubcommands().keySet().stream().filter(name -> !name.equals("shell")).toList());
      for (String name : first.getSubcommands().keySet()) {
        Object a = first.getSubcommands().get(name).getCommand();
        Object b = second.getSubcommands().get(name).getCommand();
        assertThat(a).as(name).isNotSameAs(b);
      }
    }
  }

  @Test
  void joinsLiveViewIsOfferedTheShellsTerminal() throws Exception {
    // Outside a terminal (as here) join's own lender has none: "-o live needs a terminal".
    // Given the shell's (dumb) terminal, join judges that terminal and refuses it for its type.
    String[] line = {"join", "--watch", "-o", "live", "--timeout", "100ms", "--tries", "1", "--basename", "app",
        "@127.0.0.1:1", "x.example."};
    try (Terminal terminal = dumb()) {
      StringWriter err = new StringWriter();
      CommandLine cl = Main.shellLine(TerminalLender.lending(terminal));
      cl.setOut(new PrintWriter(new StringWriter(), true));
      cl.setErr(new PrintWriter(err, true));
      assertThat(cl.execute(line)).isEqualTo(ExitCode.USAGE.code());
      assertThat(err.toString()).contains("-o live needs a terminal that can redraw (this one is dumb); use -o jsonl");
    }
    Cli.Result own = Cli.run(line);
    assertThat(own.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(own.err()).contains("-o live needs a terminal; use -o jsonl when piping");
  }
}
