package dev.clusterctl.cli.exit;

/** The exit codes of every clusterctl command; {@code --help} lists them. */
public enum ExitCode {
  /** Everything asked for was done and nothing is wrong. */
  OK(0, "Success: nothing wrong found."),
  /** The lookup or a check found a problem (NXDOMAIN, no records, a failed check, an unjoinable peer). */
  PROBLEM(1, "A problem was found (NXDOMAIN, no records, a failed check)."),
  /** The command line or an input file is not usable. */
  USAGE(2, "Bad usage or bad input."),
  /** A server or API could not be reached, or a check could not run. */
  UNREACHABLE(3, "Could not reach a server or API, or a check could not run."),
  /** A bug in clusterctl (EX_SOFTWARE of sysexits.h): never retried as if a server were down. */
  INTERNAL(70, "Internal error: a bug in clusterctl (the line says how to report it)."),
  /** Interrupted by Ctrl-C (SIGINT): 128 + 2, as shells report it. */
  INTERRUPTED(130, "Interrupted (Ctrl-C, SIGINT)."),
  /** Terminated by SIGTERM (a supervisor, kill, PID 1 in a container): 128 + 15. */
  TERMINATED(143, "Terminated (SIGTERM).");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The numeric process exit status. */
  public int code() {
    return code;
  }

  /** One line saying when this code is returned. */
  public String meaning() {
    return meaning;
  }

  /** The exit code with the numeric status {@code code}. */
  public static ExitCode of(int code) {
    for (ExitCode e : values()) {
      if (e.code == code) {
        return e;
      }
    }
    throw new IllegalArgumentException("not a clusterctl exit code: " + code);
  }

}
