package dev.clusterctl.cli;

import dev.clusterctl.cli.completion.CompleteCommand;
import dev.clusterctl.cli.completion.CompletionCommand;
import dev.clusterctl.cli.join.JoinCommand;
import dev.clusterctl.cli.shell.ShellCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code clusterctl} top-level command: its subcommands do the work. */
@Command(
    name = "clusterctl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Shows why Erlang/Elixir nodes do not find each other on Kubernetes, and how to fix it."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      DoctorCommand.class,
      ResolveCommand.class,
      JoinCommand.class,
      CompletionCommand.class,
      ShellCommand.class,
      CompleteCommand.class
    },
    usageHelpAutoWidth = true,
    exitCodeListHeading = "%nExit codes:%n")
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Builds the command line with clusterctl's exit codes, error handling and help settings. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    ErrorHandler handler = new ErrorHandler();
    cl.setExecutionExceptionHandler(handler);
    cl.setParameterExceptionHandler(handler);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // '@host' names a DNS server (as in dig), never an argument file to expand.
    cl.setExpandAtFiles(false);
    applyExitCodeList(cl);
    return cl;
  }

  private static void applyExitCodeList(CommandLine cl) {
    // the "%3d" keys of ExitCode.helpLines(), padded by hand: String.format's first use costs
    // ~10 ms of start-up (Formatter, locale data) on every run, --version included
    java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
    for (ExitCode e : ExitCode.values()) {
      String code = Integer.toString(e.code());
      map.put("   ".substring(Math.min(3, code.length())) + code, e.meaning());
    }
    apply(cl, map);
  }

  private static void apply(CommandLine cl, java.util.Map<String, String> exitCodes) {
    cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
    for (CommandLine sub : cl.getSubcommands().values()) {
      apply(sub, exitCodes);
    }
  }

  /** Runs clusterctl and exits the JVM with its exit code; the only {@code System.exit} in clusterctl. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
