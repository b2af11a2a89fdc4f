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

  @Test
  void aBugIsExit70WithOneLineSayingHowToReportIt() {
    StringWriter err = new StringWriter();
    int exit = exitFor(new IllegalStateException("index 3 out of bounds"), err);
    assertThat(exit).isEqualTo(ExitCode.INTERNAL.code()).isEqualTo(70);
    assertThat(err.toString().lines().toList()).containsExactly("clusterctl: " + ErrorHandler.BUG_LINE);
    assertThat(err.toString()).contains(ErrorHandler.ISSUES).contains("--verbose").doesNotContain("IllegalStateException");
  }

  @Test
  void anInterruptionAfterSigtermIsExit143() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Throwing(new InterruptedRunException("x", new InterruptedException())));
    cl.setExecutionExceptionHandler(new ErrorHandler(() -> ExitCode.TERMINATED));
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute()).isEqualTo(143);
    assertThat(err.toString().strip()).isEqualTo("clusterctl: terminated");
  }

  @Test
  void aCredentialInAnExceptionsTextIsBlankedOutOfTheLineAndTheTrace() {
    IllegalArgumentException e = new IllegalArgumentException("invalid header value: \"Bearer sha256~s3cr3t\n\"");
    assertThat(ErrorHandler.redact(e.getMessage())).doesNotContain("s3cr3t").contains("Bearer [redacted]");
    assertThat(ErrorHandler.trace(new RuntimeException("wrapped", e))).doesNotContain("s3cr3t");
  }

  @Test
  void networkCausesAreWordsNotClassNames() {
    assertThat(ErrorHandler.classify(new RuntimeException(new java.net.UnknownHostException("api.nowhere.example"))))
        .isEqualTo(new ErrorHandler.Classified(ExitCode.UNREACHABLE, "host not found: api.nowhere.example"));
    assertThat(ErrorHandler.classify(new RuntimeException(new javax.net.ssl.SSLHandshakeException("PKIX path building failed"))).message())
        .startsWith("TLS: ").doesNotContain("PKIX");
  }

  @Test
  void javaClassNamesInAMessageBecomeWords() {
    assertThat(ErrorHandler.words("cookie file /x/.erlang.cookie: cannot read it (AccessDeniedException)"))
        .isEqualTo("cookie file /x/.erlang.cookie: cannot read it (permission denied)");
    assertThat(ErrorHandler.words("-k dir: cannot run kubectl: java.io.IOException: Cannot run program \"kubectl\""))
        .isEqualTo("-k dir: cannot run kubectl: I/O error: Cannot run program \"kubectl\"");
    assertThat(ErrorHandler.words("f.yaml: cannot be read: java.nio.charset.MalformedInputException: Input length = 1"))
        .isEqualTo("f.yaml: cannot be read: not UTF-8 text: Input length = 1");
    assertThat(ErrorHandler.words("no DNS server answered for 'x.': 127.0.0.1:53 udp: timed out")).isEqualTo("no DNS server answered for 'x.': 127.0.0.1:53 udp: timed out");
  }
}
