package dev.clusterctl.cli.command;

import dev.clusterctl.cli.shell.ConfigDir;
import dev.clusterctl.cli.shell.Repl;
import dev.clusterctl.cli.terminal.TerminalLender;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clusterctl shell}: every clusterctl command in one JVM, with completion and history. */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "Runs clusterctl commands interactively: TAB completes, history is kept in "
          + "$XDG_CONFIG_HOME/clusterctl/history (else ~/.config/clusterctl/history).",
      "Ctrl-C cancels the running command; 'exit' or Ctrl-D leaves."
    })
public final class ShellCommand implements Callable<Integer> {

  private final Function<TerminalLender, CommandLine> lines;

  /**
   * A shell whose every line runs on a fresh command line from {@code lines}, given the shell's
   * terminal to lend: nothing one line sets can reach the next.
   */
  public ShellCommand(Function<TerminalLender, CommandLine> lines) {
    this.lines = lines;
  }

  @Override
  public Integer call() throws Exception {
    // dumb(true): with stdin not a terminal (a pipe, a script) fall back to a dumb terminal quietly;
    // left unset, JLine does the same but logs a java.util.logging WARNING on stderr
    try (Terminal terminal = TerminalBuilder.builder().name("clusterctl").system(true).dumb(true).build()) {
      // join --watch draws its live view on this terminal: a second system terminal cannot be opened
      TerminalLender lender = TerminalLender.lending(terminal);
      return new Repl(terminal, () -> lines.apply(lender), ConfigDir.of(System.getenv()).resolve("history"), System.getenv()).run();
    }
  }
}
