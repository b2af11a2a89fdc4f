package dev.clusterctl.cli.exit;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.ClusterctlException;
import dev.clusterctl.error.UnreachableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns an exception into one clear line on stderr and an {@link ExitCode}.
 *
 * <p>Known root causes (bad input, an unreachable server, a missing file) get a friendly line;
 * anything else is reported as an internal error. The stack trace is shown only with
 * {@code --verbose}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getColorScheme().errorText("clusterctl: " + ex.getMessage()));
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
      err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    }
    err.flush();
    return ExitCode.USAGE.code();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    Classified c = classify(ex);
    err.println(cmd.getColorScheme().errorText("clusterctl: " + c.message));
    if (isVerbose(parseResult)) {
      ex.printStackTrace(err);
    } else if (c.exit == ExitCode.UNREACHABLE || c.internal) {
      err.println("(run with --verbose for details)");
    }
    err.flush();
    return c.exit.code();
  }

  private record Classified(ExitCode exit, String message, boolean internal) {}

  /** Maps an exception to its exit code and user-facing line, looking through its causes. */
  static Classified classify(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof BadInputException) {
        return new Classified(ExitCode.USAGE, t.getMessage(), false);
      }
      if (t instanceof UnreachableException) {
        return new Classified(ExitCode.UNREACHABLE, t.getMessage(), false);
      }
      if (t instanceof ClusterctlException) {
        return new Classified(ExitCode.UNREACHABLE, t.getMessage(), false);
      }
      if (t instanceof InterruptedException) {
        return new Classified(ExitCode.INTERRUPTED, "interrupted", false);
      }
      if (t instanceof NoSuchFileException nsf) {
        return new Classified(ExitCode.USAGE, "no such file: " + nsf.getFile(), false);
      }
      if (t instanceof AccessDeniedException ade) {
        return new Classified(ExitCode.USAGE, "permission denied: " + ade.getFile(), false);
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return new Classified(ExitCode.UNREACHABLE, "connection failed: " + t.getMessage(), false);
      }
      if (t instanceof SocketTimeoutException) {
        return new Classified(ExitCode.UNREACHABLE, "timed out: " + t.getMessage(), false);
      }
      if (t instanceof UnknownHostException) {
        return new Classified(ExitCode.UNREACHABLE, "unknown host: " + t.getMessage(), false);
      }
    }
    Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    if (io instanceof IOException) {
      return new Classified(ExitCode.UNREACHABLE, "I/O error: " + io.getMessage(), false);
    }
    return new Classified(ExitCode.UNREACHABLE, "internal error: " + ex, true);
  }

  private static boolean isVerbose(ParseResult parseResult) {
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
