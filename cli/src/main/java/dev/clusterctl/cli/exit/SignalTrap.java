package dev.clusterctl.cli.exit;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT and SIGTERM into a call of {@code onSignal} while open, so a foreground loop can
 * end cleanly (print its summary, return its exit code) instead of the JVM dying mid-line; the
 * previous handlers come back on {@link #close()}.
 *
 * <p>This uses {@code sun.misc.Signal} from the {@code jdk.unsupported} module (javac warns about
 * it): Java has no public API to handle SIGTERM, and a shutdown hook could neither let the loop
 * print its summary in order nor choose the documented exit code (130) for SIGTERM.
 */
public final class SignalTrap implements AutoCloseable {

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile boolean fired;

  /** Calls {@code onSignal} on SIGINT or SIGTERM until closed. */
  public SignalTrap(Runnable onSignal) {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal s = new Signal(name);
        SignalHandler old = Signal.handle(s, sig -> {
          fired = true;
          onSignal.run();
        });
        signals.add(s);
        previous.add(old);
      } catch (IllegalArgumentException e) {
        // the signal is not available here (or is reserved by the VM): Ctrl-C then ends the JVM as usual
      }
    }
  }

  /** True when a signal arrived. */
  public boolean fired() {
    return fired;
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
