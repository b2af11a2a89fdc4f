package dev.clusterctl.cli;

import dev.clusterctl.cli.command.CompleteCommand;
import dev.clusterctl.cli.command.CompletionCommand;
import dev.clusterctl.cli.command.DoctorCommand;
import dev.clusterctl.cli.command.JoinCommand;
import dev.clusterctl.cli.command.ResolveCommand;
import dev.clusterctl.cli.command.ShellCommand;
import dev.clusterctl.cli.command.VersionProvider;
import dev.clusterctl.cli.exit.ErrorHandler;
import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.cli.exit.LastLine;
import dev.clusterctl.cli.exit.SignalTrap;
import dev.clusterctl.cli.terminal.HelpLayout;
import dev.clusterctl.cli.terminal.TerminalLender;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code clusterctl} top-level command: its subcommands do the work. The one class of the
 * root package: it assembles the command tree (commands, exit handling, help settings) and is
 * the only place that exits the JVM.
 *
 * <p>Unlike the subcommands, its picocli model is built by hand ({@link #topLevel}), with the same
 * result as {@code @Command(name = "clusterctl", mixinStandardHelpOptions = true, ...)}: reading
 * annotations makes the JDK generate a proxy class per annotation type at run time, which JDK
 * 17's class-data sharing cannot archive, and a lone {@code --version} would otherwise spend
 * about a third of its start-up on that. A test checks the help it prints against the annotated
 * model's.
 */
public final class Main implements Runnable {

  /** The subcommands, in the order {@code --help} lists them. */
  static final List<Class<?>> COMMANDS =
      List.of(
          DoctorCommand.class,
          ResolveCommand.class,
          JoinCommand.class,
          CompletionCommand.class,
          ShellCommand.class,
          CompleteCommand.class);

  /**
   * Commands that never look at their siblings: when one of them is invoked, only its model is
   * built. picocli builds every command's model by reflection before it runs one, and for the
   * full tree that is about a third of a cold start. Help, completion and the shell need the
   * whole tree and get it.
   */
  private static final List<Class<?>> STANDALONE =
      List.of(DoctorCommand.class, ResolveCommand.class, JoinCommand.class);

  private CommandSpec spec;

  private Main() {}

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Builds the whole command line with clusterctl's exit codes, error handling and help settings. */
  public static CommandLine commandLine() {
    return build(COMMANDS);
  }

  /**
   * The command line of one line typed in {@code clusterctl shell}: every command but the shell,
   * new objects each time, and the shell's terminal lent to {@code join --watch}'s live view.
   */
  static CommandLine shellLine(TerminalLender terminal) {
    skipUnusedLibrarySetUp();
    List<Class<?>> commands = COMMANDS.stream().filter(c -> c != ShellCommand.class).toList();
    return build(new CommandLine(topLevel()), commands, terminal);
  }

  /**
   * The command line for {@code args}: only the invoked command when it is a standalone one, no
   * command at all for a lone {@code --version}, else the whole tree. Parsing, help and exit codes
   * are the same either way.
   */
  static CommandLine commandLine(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return build(List.of());
    }
    if (args.length > 0) {
      for (Class<?> command : STANDALONE) {
        if (command.getAnnotation(Command.class).name().equals(args[0])) {
          return build(List.of(command));
        }
      }
    }
    return commandLine();
  }

  /**
   * The top-level command's model, as {@code @Command(name = "clusterctl", mixinStandardHelpOptions
   * = true, versionProvider = VersionProvider.class, usageHelpAutoWidth = true, ...)} would make it.
   */
  static CommandSpec topLevel() {
    Main main = new Main();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(main);
    main.spec = spec;
    spec.name("clusterctl");
    spec.versionProvider(new VersionProvider());
    spec.usageMessage()
        .description("Shows why Erlang/Elixir nodes do not find each other on Kubernetes, and how to fix it.")
        .autoWidth(true)
        .exitCodeListHeading("%nExit codes:%n");
    // picocli's standard help options, as mixinStandardHelpOptions declares them
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).arity("0")
        .descriptionKey("mixinStandardHelpOptions.help").description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class).arity("0")
        .descriptionKey("mixinStandardHelpOptions.version").description("Print version information and exit.").build());
    return spec;
  }

  private static CommandLine build(List<Class<?>> commands) {
    skipUnusedLibrarySetUp();
    return build(new CommandLine(topLevel()), commands);
  }

  /** {@code cl}, the top-level command, with {@code commands} (and {@code help} when there are any) and clusterctl's settings. */
  static CommandLine build(CommandLine cl, List<Class<?>> commands) {
    return build(cl, commands, TerminalLender.system());
  }

  /** As {@link #build(CommandLine, List)}, with {@code join}'s live view drawn on a terminal from {@code terminal}. */
  private static CommandLine build(CommandLine cl, List<Class<?>> commands, TerminalLender terminal) {
    if (!commands.isEmpty()) {
      cl.addSubcommand("help", new CommandLine.HelpCommand());
    }
    for (Class<?> command : commands) {
      cl.addSubcommand(newInstance(command, terminal));
    }
    ErrorHandler handler = new ErrorHandler();
    cl.setExecutionExceptionHandler(handler);
    cl.setParameterExceptionHandler(handler);
    cl.setExecutionStrategy(ErrorHandler::execute);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // '@host' names a DNS server (as in dig), never an argument file to expand.
    cl.setExpandAtFiles(false);
    applyExitCodeList(cl);
    // help at any width: wrapped at spaces only, examples never re-wrapped
    HelpLayout.apply(cl);
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

  /**
   * A new {@code command}. The two that take collaborators get them here, so that neither knows
   * the other: the shell a way to build each line's command line, {@code join} its terminal.
   */
  private static Object newInstance(Class<?> command, TerminalLender terminal) {
    if (command == ShellCommand.class) {
      return new ShellCommand(Main::shellLine);
    }
    if (command == JoinCommand.class) {
      return new JoinCommand(terminal);
    }
    try {
      return command.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create command " + command.getName(), e);
    }
  }

  /** How long after SIGINT or SIGTERM a command that ignores its interruption may take before the JVM ends anyway. */
  static final java.time.Duration STOP_GRACE = java.time.Duration.ofMillis(900);

  /** Runs clusterctl and exits the JVM with its exit code; the only {@code System.exit} in clusterctl (with the stop below). */
  public static void main(String[] args) {
    int code = run(args);
    markArchiveWorthKeeping(code);
    System.exit(code);
  }

  /**
   * Runs {@code args} with SIGINT and SIGTERM trapped: a signal interrupts the command's thread,
   * which ends its lookups, probes, API calls and child processes and unwinds through the
   * {@link ErrorHandler} (one line, exit 130 or 143). A command still running {@link #STOP_GRACE}
   * later is ended with that code anyway, so that a signal always stops clusterctl within a second.
   */
  static int run(String[] args) {
    CommandLine cl = commandLine(args);
    Thread runner = Thread.currentThread();
    java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
    LastLine lastLine = new LastLine();
    try (SignalTrap trap = new SignalTrap(kind -> stop(runner, kind, over, lastLine))) {
      cl.setExecutionExceptionHandler(new ErrorHandler(trap::exitCode, lastLine));
      int code = cl.execute(args);
      over.set(true);
      return trap.fired() ? trap.exitCode().code() : code;
    }
  }

  /** Interrupts {@code runner}, and ends the JVM with the signal's code when it has not returned within the grace. */
  private static void stop(Thread runner, SignalTrap.Kind kind, java.util.concurrent.atomic.AtomicBoolean over, LastLine lastLine) {
    runner.interrupt();
    Runnable fallback = fallback(kind, over, lastLine, System.err, code -> System.exit(code));
    Thread last = new Thread(() -> {
      java.util.concurrent.locks.LockSupport.parkNanos(STOP_GRACE.toNanos());
      fallback.run();
    }, "clusterctl-stop");
    last.setDaemon(true);
    last.start();
  }

  /**
   * What the stop fallback does once the grace is over: when the command has not returned, print
   * the signal's line (unless the command printed it or its summary already, {@link LastLine}) and
   * end with the signal's code through {@code exit}.
   */
  static Runnable fallback(SignalTrap.Kind kind, java.util.concurrent.atomic.AtomicBoolean over, LastLine lastLine,
      java.io.PrintStream err, java.util.function.IntConsumer exit) {
    return () -> {
      if (over.compareAndSet(false, true)) {
        if (lastLine.claim()) {
          err.println("clusterctl: " + (kind == SignalTrap.Kind.TERM ? "terminated" : "interrupted"));
          err.flush();
        }
        exit.accept(kind.exit().code());
      }
    };
  }

  /**
   * Tells the launcher that this run may become the command's class-data-sharing archive: the
   * launcher of a first run passes {@code -Dclusterctl.cds.ok=FILE} and exec's the JVM (so that
   * signals reach it directly); the JVM writes the archive as it exits, and the next run moves it
   * into place only when this marker says the run did its work (exit 0 or 1: bad input, no server
   * or an interruption load too few classes to be worth mapping).
   */
  private static void markArchiveWorthKeeping(int code) {
    String marker = System.getProperty("clusterctl.cds.ok");
    if (marker == null || marker.isEmpty() || (code != ExitCode.OK.code() && code != ExitCode.PROBLEM.code())) {
      return;
    }
    try {
      java.nio.file.Files.write(java.nio.file.Path.of(marker), new byte[0]);
    } catch (java.io.IOException | RuntimeException e) {
      // no marker, no archive: the next run makes one again
    }
  }

  /**
   * Start-up: documented switches of picocli (and SLF4J, below) for set-up clusterctl never uses. Every
   * {@code CommandLine} registers converters for java.sql and java.time types by reflection,
   * which initialises those classes (MonthDay alone builds a DateTimeFormatter); no clusterctl
   * option has such a type (durations have their own converter). And picocli looks for Groovy's
   * Closure class once, a miss that opens every jar on the class path. Together about a tenth of
   * a cold {@code --version}. Set before the first {@code CommandLine}, so that tests and the shell
   * run with it too; a value the user set with {@code -D} is kept. One pattern, not two: picocli
   * compiles every pattern again for each type it considers.
   */
  private static void skipUnusedLibrarySetUp() {
    setUnlessGiven("picocli.converters.excludes", "java\\.(sql|time)\\..*");
    setUnlessGiven("picocli.disable.closures", "true");
    // The same for SLF4J (dnsjava and fabric8 log through it; clusterctl reports on stderr itself
    // and ships the no-op provider): named, the provider is loaded directly instead of found by
    // a ServiceLoader search that opens every jar on the class path, about 30 ms of a cold
    // resolve. SLF4J's own "loading the named provider" note stays quiet; its warnings do not.
    setUnlessGiven("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
    setUnlessGiven("slf4j.internal.verbosity", "WARN");
  }

  private static void setUnlessGiven(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
