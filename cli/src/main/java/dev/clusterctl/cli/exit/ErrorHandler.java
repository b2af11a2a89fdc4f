package dev.clusterctl.cli.exit;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.ClusterctlException;
import dev.clusterctl.error.InterruptedRunException;
import dev.clusterctl.error.UnreachableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns an exception into one clear line on stderr and an {@link ExitCode}.
 *
 * <p>Known root causes (bad input, an unreachable server, a missing file, an interruption) get
 * one line in words; anything else is a bug in clusterctl: exit 70 and a line saying so and how to
 * report it. Every failure is exactly one line; with {@code --verbose} the stack trace follows it,
 * with credentials that may have slipped into an exception's text (an HTTP {@code Authorization}
 * value) blanked out.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  /** Where bugs are reported; the internal-error line names it. */
  public static final String ISSUES = "https://github.com/clusterctl-dev/clusterctl/issues";

  /** The line of an internal error (after {@code clusterctl: }). */
  public static final String BUG_LINE = "internal error: this is a bug in clusterctl; please report it at " + ISSUES
      + " with the command you ran and what it prints with --verbose";

  /** An HTTP credential as it appears in a header value: the scheme, then the secret. */
  private static final Pattern AUTH_VALUE = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[^\\s\"',;)]+");

  private final Supplier<ExitCode> interruption;
  private final LastLine lastLine;

  /** A handler that reports an interruption as exit 130 (Ctrl-C). */
  public ErrorHandler() {
    this(() -> ExitCode.INTERRUPTED);
  }

  /**
   * A handler that asks {@code interruption} which code an interruption gets, and prints the
   * interruption's line only when it claims {@code lastLine} (another path may have printed it).
   */
  public ErrorHandler(Supplier<ExitCode> interruption, LastLine lastLine) {
    this.interruption = interruption;
    this.lastLine = lastLine;
  }

  /** The guard of the line a run ends with after a signal (see {@link LastLine}). */
  public LastLine lastLine() {
    return lastLine;
  }

  /**
   * A handler that asks {@code interruption} which code an interruption gets: 130 after SIGINT,
   * 143 after SIGTERM (see {@link SignalTrap#exitCode()}).
   */
  public ErrorHandler(Supplier<ExitCode> interruption) {
    this(interruption, new LastLine());
  }

  /**
   * Runs the command as picocli does ({@code RunLast}), with a stack overflow turned into an
   * exception the handler reports: picocli hands only exceptions to it, and a recursive parser
   * (YAML, Erlang terms) fed an input nested thousands deep overflows the stack instead.
   */
  public static int execute(ParseResult parseResult) {
    try {
      return new CommandLine.RunLast().execute(parseResult);
    } catch (StackOverflowError e) {
      CommandLine cmd = parseResult.subcommand() == null ? parseResult.commandSpec().commandLine()
          : last(parseResult).commandSpec().commandLine();
      throw new CommandLine.ExecutionException(cmd, "stack overflow", new BadInputException(NESTED_TOO_DEEP, e));
    }
  }

  /** The line of an input too deeply nested for a parser (a stack overflow). */
  static final String NESTED_TOO_DEEP = "an input is nested too deep to read (a manifest, kubeconfig or Erlang term file with "
      + "thousands of nested brackets); if none of your inputs is, this is a bug: please report it at " + ISSUES;

  private static ParseResult last(ParseResult pr) {
    ParseResult p = pr;
    while (p.subcommand() != null) {
      p = p.subcommand();
    }
    return p;
  }

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
    ExitCode exit = c.exit == ExitCode.INTERRUPTED ? interruption.get() : c.exit;
    String message = exit == ExitCode.TERMINATED ? "terminated" : c.message;
    if (c.exit == ExitCode.INTERRUPTED && !lastLine.claim()) {
      // the stop fallback (or a watch's summary) already ended the run with its line
      return exit.code();
    }
    err.println(cmd.getColorScheme().errorText("clusterctl: " + oneLine(message)));
    if (isVerbose(parseResult)) {
      err.print(trace(ex));
    }
    err.flush();
    return exit.code();
  }

  /** How an exception is reported: its exit code and its line (without {@code clusterctl: }). */
  record Classified(ExitCode exit, String message) {}

  /** Maps an exception to its exit code and user-facing line, looking through its causes. */
  static Classified classify(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof InterruptedRunException || t instanceof InterruptedException || t instanceof ClosedByInterruptException
          || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException))) {
        return new Classified(ExitCode.INTERRUPTED, "interrupted");
      }
    }
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof BadInputException) {
        return new Classified(ExitCode.USAGE, t.getMessage());
      }
      if (t instanceof UnreachableException || t instanceof ClusterctlException) {
        return new Classified(ExitCode.UNREACHABLE, t.getMessage());
      }
      if (t instanceof NoSuchFileException nsf) {
        return new Classified(ExitCode.USAGE, "no such file: " + nsf.getFile());
      }
      if (t instanceof AccessDeniedException ade) {
        return new Classified(ExitCode.USAGE, "permission denied: " + ade.getFile());
      }
      if (t instanceof SSLHandshakeException || t instanceof CertPathBuilderException || t instanceof CertificateException) {
        return new Classified(ExitCode.UNREACHABLE,
            "TLS: the server's certificate is not trusted (set certificate-authority, or insecure-skip-tls-verify)");
      }
      if (t instanceof ConnectException) {
        return new Classified(ExitCode.UNREACHABLE, "connection refused" + where(t));
      }
      if (t instanceof NoRouteToHostException) {
        return new Classified(ExitCode.UNREACHABLE, "no route to host" + where(t));
      }
      if (t instanceof SocketTimeoutException) {
        return new Classified(ExitCode.UNREACHABLE, "timed out" + where(t));
      }
      if (t instanceof UnknownHostException) {
        return new Classified(ExitCode.UNREACHABLE, "host not found" + where(t));
      }
    }
    Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    if (io instanceof IOException && io.getMessage() != null) {
      return new Classified(ExitCode.UNREACHABLE, "input/output failed: " + io.getMessage());
    }
    return new Classified(ExitCode.INTERNAL, BUG_LINE);
  }

  private static String where(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse("");
  }

  /** A parser's limit on nesting, as Jackson words it (naming its own classes). */
  private static final Pattern NESTING = Pattern.compile(
      "(?i)^(.*?):? *(?:not valid YAML: *)?Document nesting depth \\(\\d+\\) exceeds the maximum allowed \\((\\d+).*$");

  /** The first line of {@code message}, in words: a failure is one line on stderr. */
  private static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return BUG_LINE;
    }
    String line = message.strip().lines().findFirst().orElse("");
    java.util.regex.Matcher m = NESTING.matcher(line);
    if (m.matches()) {
      line = (m.group(1).isBlank() ? "" : m.group(1) + ": ") + "YAML nested too deep (more than " + m.group(2) + " levels)";
    }
    return redact(words(line));
  }

  /** A Java exception's class name, qualified or not, as libraries put it into their messages. */
  private static final Pattern CLASS_NAME = Pattern.compile(
      "\\(?\\b(?:[a-z][a-z0-9_]*\\.)*([A-Z][A-Za-z0-9_]*(?:Exception|Error))\\b\\)?(:\\s*)?");

  /** {@code line} with Java exception class names put into words: a user reads what happened, not which class said so. */
  static String words(String line) {
    java.util.regex.Matcher m = CLASS_NAME.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String word = switch (m.group(1)) {
        case "AccessDeniedException" -> "permission denied";
        case "NoSuchFileException", "FileNotFoundException" -> "no such file";
        case "NotDirectoryException" -> "not a directory";
        case "DirectoryNotEmptyException" -> "directory not empty";
        case "MalformedInputException", "UnmappableCharacterException", "CharacterCodingException" -> "not UTF-8 text";
        case "EOFException" -> "unexpected end of input";
        case "FileSystemException" -> "file system error";
        case "OutOfMemoryError" -> "out of memory";
        case "StackOverflowError" -> "nested too deep";
        default -> "I/O error";
      };
      boolean colon = m.group(2) != null;
      boolean paren = m.group().startsWith("(") && m.group().endsWith(")");
      String replacement = paren ? "(" + word + ")" : word + (colon ? ": " : "");
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code text} with HTTP credentials ({@code Bearer …}, {@code Basic …}) blanked out. */
  static String redact(String text) {
    return AUTH_VALUE.matcher(text).replaceAll("$1 [redacted]");
  }

  /** The stack trace of {@code ex}, for {@code --verbose}, with credentials blanked out. */
  static String trace(Throwable ex) {
    StringWriter s = new StringWriter();
    ex.printStackTrace(new PrintWriter(s, true));
    return redact(s.toString());
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
