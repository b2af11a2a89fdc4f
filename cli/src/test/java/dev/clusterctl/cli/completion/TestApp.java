package dev.clusterctl.cli.completion;

import dev.clusterctl.cli.command.CompleteCommand;
import dev.clusterctl.cli.command.CompletionCommand;
import java.io.File;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A small picocli application for the completion tests, named {@code clusterctl} like the real one,
 * with the kinds of arguments the real commands have: enum options, repeatable options, run-time
 * options (--context, -n/--namespace, --service), a file parameter and a nested subcommand.
 * It knows nothing of completion, like the real commands.
 */
@Command(
    name = "clusterctl",
    mixinStandardHelpOptions = true,
    description = "Test root.",
    subcommands = {TestApp.Probe.class, CompletionCommand.class, CompleteCommand.class})
public final class TestApp implements Runnable {

  /** An output format, for enum completion. */
  public enum Format { text, json, yaml }

  /** A record type, for enum completion in a nested command. */
  public enum RecordType { A, AAAA, SRV }

  @Override
  public void run() {}

  /** A command with one argument of every kind. */
  @Command(name = "probe", mixinStandardHelpOptions = true, description = "Probes things. More text here.",
      subcommands = Probe.Deep.class)
  static final class Probe implements Runnable {
    @Option(names = {"-n", "--namespace"}, description = "The namespace.") String namespace;
    @Option(names = "--context", description = "The kubeconfig context.") String context;
    @Option(names = "--kubeconfig", description = "The kubeconfig file.") File kubeconfig;
    @Option(names = "--service", description = "The service's name.") String service;
    @Option(names = {"-o", "--output"}, description = "Output: ${COMPLETION-CANDIDATES}.") Format output;
    @Option(names = "--check", description = "A check to run (repeatable).") List<String> checks;
    @Option(names = "--tcp", description = "Use TCP.") boolean tcp;
    @Option(names = "--secret", hidden = true) String secret;
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A file's name.") File file;

    @Override
    public void run() {}

    /** A nested command with an enum positional parameter. */
    @Command(name = "deep", description = "Goes deeper.")
    static final class Deep implements Runnable {
      @Parameters(paramLabel = "TYPE", description = "A record type.") RecordType type;
      @Option(names = "--it's", description = "An option with a quote in its name's description: don't.") boolean quote;

      @Override
      public void run() {}
    }
  }

  /** Runs the test application, so that the shell tests can call it as {@code clusterctl}. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new TestApp()).execute(args));
  }

  /** The test application's command line. */
  public static CommandLine commandLine() {
    return new CommandLine(new TestApp());
  }
}
