package dev.clusterctl.cli.terminal;

import java.io.IOException;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where a command gets a terminal to draw on (the live view of {@code join --watch}): the process's
 * own, or the one {@code clusterctl shell} lends, since a second system terminal cannot be opened
 * while the shell holds the first. Commands see only this interface, never the shell.
 */
@FunctionalInterface
public interface TerminalLender {

  /**
   * A terminal to draw on, or empty when there is none (stdout is not a terminal). Closing the
   * loan gives the terminal back: one opened for the loan is closed, a lent one stays open.
   *
   * @throws IOException when a terminal exists but cannot be opened
   */
  Optional<Loan> borrow() throws IOException;

  /** The process's own terminal: a JLine system terminal, opened for each loan, when stdout is one. */
  static TerminalLender system() {
    return () -> {
      if (System.console() == null) {
        return Optional.empty();
      }
      return Optional.of(new Loan(TerminalBuilder.builder().system(true).build(), true));
    };
  }

  /** {@code terminal}, which its owner keeps open: every loan hands out the same terminal and leaves it open. */
  static TerminalLender lending(Terminal terminal) {
    return () -> Optional.of(new Loan(terminal, false));
  }

  /**
   * A terminal on loan.
   *
   * @param terminal the terminal to draw on
   * @param owned true when it was opened for this loan, and so is closed with it
   */
  record Loan(Terminal terminal, boolean owned) implements AutoCloseable {

    /** True when the terminal can redraw in place (not JLine's dumb terminal). */
    public boolean canRedraw() {
      return !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }

    /** Closes the terminal when it was opened for this loan. */
    @Override
    public void close() throws IOException {
      if (owned) {
        terminal.close();
      }
    }
  }
}
