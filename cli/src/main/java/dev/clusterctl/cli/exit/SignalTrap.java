package dev.clusterctl.cli.exit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT and SIGTERM into a call of {@code onSignal} while open, so a foreground loop can
 * end cleanly (print its summary, return its exit code) instead of the JVM dying mid-line; the
 * previous handlers come back on {@link #close()}. It remembers the first signal, whose exit code
 * ({@link #exitCode()}) is 130 for SIGINT and 143 for SIGTERM, as shells report a process those
 * signals ended.
 *
 * <p>This uses {@code sun.misc.Signal} from the {@code jdk.unsupported} module (javac warns about
 * it): Java has no public API to handle SIGTERM, and a shutdown hook could neither let the loop
 * print its summary in order nor choose the documented exit code.
 */
public final class SignalTrap implements AutoCloseable {

  /** A signal the trap handles. */
  public enum Kind {
    /** SIGINT: Ctrl-C. */
    INT(ExitCode.INTERRUPTED),
    /** SIGTERM: kill, a supervisor, a container runtime. */
    TERM(ExitCode.TERMINATED);

    private final ExitCode exit;

    Kind(ExitCode exit) {
      this.exit = exit;
    }

    /** The exit code of a run this signal ended. */
    public ExitCode exit() {
      return exit;
    }
  }

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile Kind first;

  /** Calls {@code onSignal} on SIGINT or SIGTERM until closed. */
  public SignalTrap(Runnable onSignal) {
    this(kind -> onSignal.run());
  }

  /** Calls {@code onSignal} with the signal's kind on SIGINT or SIGTERM (every time one arrives) until closed. */
  public SignalTrap(Consumer<Kind> onSignal) {
    for (Kind kind : Kind.values()) {
      try {
        Signal s = new Signal(kind.name());
        SignalHandler old = Signal.handle(s, sig -> {
          synchronized (this) {
            if (first == null) {
              first = kind;
            }
          }
          onSignal.accept(kind);
        });
        signals.add(s);
        previous.add(old);
      } catch (IllegalArgumentException e) {
        // the signal is not available here (or is reserved by the VM): it then ends the JVM as usual
      }
    }
  }

  /** True when a signal arrived. */
  public boolean fired() {
    return first != null;
  }

  /** The exit code for the first signal that arrived: 130 (SIGINT), 143 (SIGTERM); 130 when none did. */
  public ExitCode exitCode() {
    Kind k = first;
    return k == null ? ExitCode.INTERRUPTED : k.exit();
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
