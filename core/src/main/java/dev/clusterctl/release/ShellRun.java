package dev.clusterctl.release;

import java.util.List;
import java.util.Optional;

/**
 * What a script did, as far as it could be evaluated.
 *
 * @param vars the variables when the script ended (or reached {@code exec})
 * @param notes what was not evaluated, in order
 * @param exec the program the script hands over to with {@code exec}, if it does
 * @param commands the other programs it runs (not with {@code exec}), in order
 * @param cookieWrites lines that write {@code ~/.erlang.cookie}
 * @param stopped true when the script stops before its end ({@code exit}, a syntax error)
 */
public record ShellRun(ShellVars vars, List<ShellNote> notes, Optional<Exec> exec, List<Exec> commands,
    List<CookieWrite> cookieWrites, boolean stopped) {

  /** Copies the lists. */
  public ShellRun {
    notes = List.copyOf(notes);
    commands = List.copyOf(commands);
    cookieWrites = List.copyOf(cookieWrites);
  }

  /**
   * A program the script runs: with {@code exec} (the script ends there) or as a child.
   *
   * @param words the command and its arguments after expansion
   * @param file the script
   * @param line its line
   * @param conditional true when a condition the inputs do not decide guards it
   * @param vars the variables at that point (the exported ones are the program's environment)
   */
  public record Exec(List<TextValue> words, String file, int line, boolean conditional, ShellVars vars) {
    /** Copies the list. */
    public Exec {
      words = List.copyOf(words);
    }

    /** The command with a cookie argument redacted. */
    @Override
    public String toString() {
      return "Exec[" + file + ":" + line + " " + Redaction.words(words) + (conditional ? ", conditional" : "") + "]";
    }
  }

  /**
   * A command that writes the Erlang cookie file.
   *
   * @param file the script
   * @param line its line
   * @param target the file written, as the script names it
   * @param fromVariables the variables the written text refers to (names only), empty when unknown
   */
  public record CookieWrite(String file, int line, String target, List<String> fromVariables) {
    /** Copies the list. */
    public CookieWrite {
      fromVariables = List.copyOf(fromVariables);
    }
  }

  /** The notes of kind {@link ShellNote.Kind#OPAQUE} or {@link ShellNote.Kind#SYNTAX_ERROR}: after them any variable may differ. */
  public List<ShellNote> opaque() {
    return notes.stream().filter(n -> n.kind() == ShellNote.Kind.OPAQUE || n.kind() == ShellNote.Kind.SYNTAX_ERROR).toList();
  }
}
