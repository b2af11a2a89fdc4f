package dev.clusterctl.release;

/**
 * Where a setting, or one part of it, came from: a line of a file, a container environment
 * variable, a word of a command line, a default of a start script or library, or the pod's host
 * names. Safe to print: it names a place, never a value.
 *
 * @param kind what sort of place
 * @param where the file, the variable, the command-line part ({@code command}, {@code args},
 *     {@code ERL_FLAGS}) or what the default belongs to
 * @param line 1-based line in a file, or 0-based word index on a command line; 0 when it does not apply
 */
public record Origin(Kind kind, String where, int line) {

  /** What sort of place an {@link Origin} names. */
  public enum Kind {
    /** A line of a file. */
    FILE,
    /** A container environment variable. */
    ENV,
    /** A word of a command line or of a flags variable. */
    ARG,
    /** A default that applies because nothing set the value. */
    DEFAULT,
    /** One of the pod's host names ({@code hostname -f}, {@code hostname -i}). */
    HOST
  }

  /** Line {@code line} of {@code file}. */
  public static Origin file(String file, int line) {
    return new Origin(Kind.FILE, file, line);
  }

  /** The environment variable {@code name}. */
  public static Origin env(String name) {
    return new Origin(Kind.ENV, name, 0);
  }

  /** Word {@code index} (0-based) of the command line part {@code part}. */
  public static Origin arg(String part, int index) {
    return new Origin(Kind.ARG, part, index);
  }

  /** The default of {@code owner}, e.g. {@code "libcluster Kubernetes.DNS"}. */
  public static Origin defaulted(String owner) {
    return new Origin(Kind.DEFAULT, owner, 0);
  }

  /** The pod host name that {@code command} prints, e.g. {@code "hostname -f"}. */
  public static Origin host(String command) {
    return new Origin(Kind.HOST, command, 0);
  }

  /** {@code file:line}, {@code env VAR}, {@code args[2]}, {@code default of X} or {@code $(hostname -f)}. */
  @Override
  public String toString() {
    return switch (kind) {
      case FILE -> line > 0 ? where + ":" + line : where;
      case ENV -> "env " + where;
      case ARG -> where + "[" + line + "]";
      case DEFAULT -> "default of " + where;
      case HOST -> "$(" + where + ")";
    };
  }
}
