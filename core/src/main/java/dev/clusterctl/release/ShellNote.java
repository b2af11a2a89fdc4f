package dev.clusterctl.release;

/**
 * Something a script does that this reader did not evaluate, or evaluated only in part. Notes
 * name commands and variables, never values.
 *
 * @param file the script
 * @param line 1-based line
 * @param kind what sort of note
 * @param what one line in words
 */
public record ShellNote(String file, int line, Kind kind, String what) {

  /** What sort of note. */
  public enum Kind {
    /** A command this reader does not run; it sets no variable this reader knows of. */
    NOT_EVALUATED,
    /** A condition that the inputs do not decide: variables set differently by its branches became unknown. */
    UNDECIDED,
    /** A step that may set any variable ({@code eval}, a sourced file that was not given). */
    OPAQUE,
    /** A step that writes or edits a release file ({@code vm.args}, {@code sys.config}). */
    FILE_CHANGE,
    /** The script cannot be parsed: a real shell stops here. */
    SYNTAX_ERROR,
    /** The script stops here ({@code exit}, {@code ${X:?}} of an unset variable). */
    EXIT
  }

  /** {@code file:line: what}. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + what;
  }
}
