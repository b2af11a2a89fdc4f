package dev.clusterctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs clusterctl in-process, the way {@code main} does, capturing stdout, stderr and the exit code. */
public final class Cli {

  /** What one in-process run printed and returned. */
  public record Result(int exit, String out, String err) {}

  private Cli() {}

  /** Runs {@code clusterctl args...} in this JVM. */
  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cl = Main.commandLine(args);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
