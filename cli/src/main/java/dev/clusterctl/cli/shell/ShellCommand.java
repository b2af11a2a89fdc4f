package dev.clusterctl.cli.shell;

import dev.clusterctl.cli.Main;
import dev.clusterctl.cli.join.JoinCommand;
import java.util.concurrent.Callable;
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

  @Override
  public Integer call() throws Exception {
    CommandLine commands = Main.commandLine();
    commands.getCommandSpec().removeSubcommand("shell");
    // dumb(true): with stdin not a terminal (a pipe, a script) fall back to a dumb terminal quietly;
    // left unset, JLine does the same but logs a java.util.logging WARNING on stderr
    try (Terminal terminal = TerminalBuilder.builder().name("clusterctl").system(true).dumb(true).build()) {
      // join --watch draws its live view on this terminal: a second system terminal cannot be opened
      ((JoinCommand) commands.getSubcommands().get("join").getCommand()).useTerminal(terminal);
      return new Repl(terminal, commands, ConfigDir.of(System.getenv()).resolve("history"), System.getenv()).run();
    }
  }
}
