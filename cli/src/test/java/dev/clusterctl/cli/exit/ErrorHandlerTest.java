package dev.clusterctl.cli.exit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.InterruptedRunException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** How the one exception handler maps what a command throws to an exit code and one line. */
class ErrorHandlerTest {

  @Command(name = "throwing")
  static final class Throwing implements Callable<Integer> {
    private final RuntimeException toThrow;

    Throwing(RuntimeException toThrow) {
      this.toThrow = toThrow;
    }

    @Override
    public Integer call() {
      throw toThrow;
    }
  }

  private static int exitFor(RuntimeException e, StringWriter err) {
    CommandLine cl = new CommandLine(new Throwing(e));
    ErrorHandler h = new ErrorHandler();
    cl.setExecutionExceptionHandler(h);
    cl.setErr(new PrintWriter(err));
    return cl.execute();
  }

  @Test
  void anInterruptedStepIsExit130NotBadInput() {
    StringWriter err = new StringWriter();
    int exit = exitFor(new InterruptedRunException("-k dir: interrupted while kubectl kustomize ran", new InterruptedException()), err);
    assertThat(exit).isEqualTo(ExitCode.INTERRUPTED.code()).isEqualTo(130);
    assertThat(err.toString().strip()).isEqualTo("clusterctl: interrupted");
  }

  @Test
  void badInputStaysExitTwo() {
    StringWriter err = new StringWriter();
    assertThat(exitFor(new BadInputException("x: bad"), err)).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString().strip()).isEqualTo("clusterctl: x: bad");
  }
}
