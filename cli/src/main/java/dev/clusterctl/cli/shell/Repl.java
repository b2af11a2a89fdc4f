package dev.clusterctl.cli.shell;

import dev.clusterctl.cli.completion.CandidateProviders;
import dev.clusterctl.cli.completion.Completer;
import dev.clusterctl.cli.exit.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.SystemCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliCommands;

/**
 * The read-eval-print loop of {@code clusterctl shell}: reads a line with completion and history,
 * runs it as a clusterctl command in this JVM, and prints its exit code when it is not 0.
 * Ctrl-C interrupts the running command (not the shell); SIGTERM ends the shell too (exit 143),
 * also while a command that traps signals itself runs; Ctrl-D or {@code exit} leaves;
 * {@code clear} clears the screen.
 *
 * <p>Each line runs on a fresh {@link CommandLine} and fresh command objects, so nothing a line
 * sets (an option, an {@code @server} argument, a field a command keeps) can reach the next; one
 * more command line, built once, serves completion and the prompt.
 */
public final class Repl {

  private final Terminal terminal;
  private final Supplier<CommandLine> lines;
  private final String name;
  private final LineReader reader;
  private final org.jline.reader.Completer completer;

  /**
   * A loop over {@code terminal} running each line on a new command line from {@code lines},
   * keeping history in {@code historyFile}.
   *
   * @param env the environment the run-time completions read ({@code KUBECONFIG}, …)
   */
  public Repl(Terminal terminal, Supplier<CommandLine> lines, Path historyFile, Map<String, String> env) {
    this.terminal = terminal;
    this.lines = lines;
    CommandLine commands = lines.get();
    this.name = commands.getCommandName();
    SystemCompleter picocli = new PicocliCommands(commands).compileCompleters();
    picocli.compile();
    Completer values = new Completer(commands.getCommandSpec(), CandidateProviders.standard(), env);
    this.completer = (r, line, out) -> {
      if (!values.onOptionValue(typed(line))) {
        picocli.complete(r, line, out);
      }
      values(values, line, out);
    };
    this.reader =
        LineReaderBuilder.builder()
            .appName(name)
            .terminal(terminal)
            .parser(new DefaultParser())
            .completer(completer)
            .variable(LineReader.HISTORY_FILE, historyFile)
            .build();
  }

  /**
   * Values of options and positional parameters ({@code -o json}, {@code completion bash},
   * {@code --context prod}, {@code -f docs/examples/}), which picocli's completer leaves out; it completes command and option
   * names, and {@code --option=value}.
   */
  private static void values(Completer values, ParsedLine line, List<Candidate> out) {
    if (line.word().startsWith("-")) {
      return;
    }
    for (String value : values.complete(typed(line))) {
      // a directory is not the end of a path: no space after it, so TAB can go on into it
      boolean complete = !value.endsWith("/");
      out.add(new Candidate(value, value, null, null, null, null, complete));
    }
  }

  /** The words up to the cursor, the last cut at the cursor. */
  private static List<String> typed(ParsedLine line) {
    List<String> typed = new java.util.ArrayList<>(line.words().subList(0, line.wordIndex()));
    typed.add(line.word().substring(0, line.wordCursor()));
    return typed;
  }

  /** The line reader, for tests that drive completion directly. */
  LineReader reader() {
    return reader;
  }

  /** What TAB asks: picocli's completion of commands, options and fixed values, plus run-time values. */
  org.jline.reader.Completer completer() {
    return completer;
  }

  /** Reads and runs commands until end of input or {@code exit}; returns the shell's exit code. */
  public int run() throws IOException {
    Path history = (Path) reader.getVariable(LineReader.HISTORY_FILE);
    Files.createDirectories(history.getParent());
    PrintWriter out = terminal.writer();
    out.println("clusterctl shell: type a command (try 'help' or TAB); Ctrl-C cancels it, 'clear' clears the screen, "
        + "'exit' or Ctrl-D leaves.");
    out.flush();
    try {
      while (true) {
        String line;
        try {
          line = reader.readLine(name + "> ");
        } catch (UserInterruptException ctrlC) {
          continue;
        } catch (EndOfFileException ctrlD) {
          break;
        }
        List<String> words = reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
          continue;
        }
        if (words.size() == 1 && words.get(0).equals("clear")) {
          // what a shell user types to clear the screen: do it (picocli would suggest "completion")
          terminal.puts(org.jline.utils.InfoCmp.Capability.clear_screen);
          terminal.flush();
          continue;
        }
        if (words.size() == 1 && (words.get(0).equals("exit") || words.get(0).equals("quit"))) {
          break;
        }
        int exit = execute(words);
        if (exit == ExitCode.TERMINATED.code()) {
          // SIGTERM ends the shell, not only its command: a command that traps signals itself
          // (join --watch) took the one meant for the whole process; it printed its own line
          out.flush();
          return exit;
        }
        if (exit != 0) {
          out.println("[exit " + exit + "]");
        }
        out.flush();
      }
    } finally {
      reader.getHistory().save();
    }
    return ExitCode.OK.code();
  }

  /**
   * How long Ctrl-C waits for the cancelled command to unwind (its lookups, probes and API calls are
   * interrupted and end at once) before the prompt comes back anyway: well under the second a user
   * waits for it. Whatever the command would print after Ctrl-C is dropped, so a command that
   * ignores its interruption can never write over the prompt or into the next command's output.
   */
  static final java.time.Duration CANCEL_GRACE = java.time.Duration.ofMillis(500);

  /** Runs one command, on a fresh command line and its own thread so that Ctrl-C can interrupt it while the shell stays. */
  private int execute(List<String> words) {
    CommandLine commands = lines.get();
    Gate gate = new Gate(terminal.writer());
    PrintWriter writer = new PrintWriter(gate, true);
    commands.setOut(writer);
    commands.setErr(writer);
    FutureTask<Integer> task = new FutureTask<>(() -> commands.execute(words.toArray(String[]::new)));
    Thread worker = new Thread(task, "clusterctl-shell-command");
    worker.setDaemon(true);
    SignalHandler previous = terminal.handle(Signal.INT, signal -> {
      gate.shut();
      task.cancel(true);
    });
    try {
      worker.start();
      return task.get();
    } catch (CancellationException cancelled) {
      // get() returns as soon as the task is cancelled; give the interrupted command a moment to
      // close its sockets, but the prompt comes back within the grace whatever it does
      awaitQuietly(worker);
      terminal.writer().println(" interrupted"); // after the terminal's own "^C"
      return ExitCode.INTERRUPTED.code();
    } catch (InterruptedException shellInterrupted) {
      gate.shut();
      task.cancel(true);
      Thread.currentThread().interrupt();
      return ExitCode.INTERRUPTED.code();
    } catch (ExecutionException failed) {
      // picocli's handlers already turned failures into exit codes: this is a bug in the shell itself
      terminal.writer().println("clusterctl: " + dev.clusterctl.cli.exit.ErrorHandler.BUG_LINE);
      return ExitCode.INTERNAL.code();
    } finally {
      terminal.handle(Signal.INT, previous);
    }
  }

  /**
   * The terminal as one command sees it: a pass-through until {@link #shut()}, then a sink, so that
   * nothing a cancelled command prints reaches the screen after the prompt came back.
   */
  static final class Gate extends java.io.Writer {
    private final java.io.Writer to;
    private volatile boolean shut;

    Gate(java.io.Writer to) {
      this.to = to;
    }

    /** Drops everything written from now on. */
    void shut() {
      synchronized (lock) {
        shut = true;
      }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      synchronized (lock) {
        if (!shut) {
          to.write(buf, off, len);
        }
      }
    }

    @Override
    public void flush() throws IOException {
      synchronized (lock) {
        if (!shut) {
          to.flush();
        }
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private static void awaitQuietly(Thread worker) {
    try {
      worker.join(CANCEL_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
