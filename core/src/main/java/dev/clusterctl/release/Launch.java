package dev.clusterctl.release;

import java.util.List;
import java.util.Optional;

/**
 * The program a container ends up running, after wrappers ({@code sh -c}, {@code env},
 * {@code tini}) and entrypoint scripts among the inputs.
 *
 * @param kind what starts the VM
 * @param program the program as the container names it ({@code /app/bin/app}, {@code erl})
 * @param releaseName the release name a release script's file name gives ({@code app} for {@code bin/app})
 * @param releaseRoot the release folder when the script is named by an absolute path ({@code /app})
 * @param command the release command ({@code start}, {@code foreground}), for release scripts
 * @param args the words after the program (after the command for release scripts)
 * @param vars the variables the program starts with
 * @param origin where the program is named
 * @param notes what the wrappers did that was not evaluated
 * @param cookieWrites wrapper lines that write {@code ~/.erlang.cookie}
 * @param why one line on how the program was found, or why it is not known
 */
public record Launch(
    ReleaseKind kind,
    String program,
    Optional<String> releaseName,
    Optional<String> releaseRoot,
    Optional<String> command,
    List<TextValue> args,
    ShellVars vars,
    Origin origin,
    List<ShellNote> notes,
    List<ShellRun.CookieWrite> cookieWrites,
    String why) {

  /** Copies the lists. */
  public Launch {
    args = List.copyOf(args);
    notes = List.copyOf(notes);
    cookieWrites = List.copyOf(cookieWrites);
  }

  /** Kind, program, command and arguments, a cookie argument redacted. */
  @Override
  public String toString() {
    return "Launch[" + kind + " " + program + command.map(c -> " " + c).orElse("") + " " + Redaction.words(args) + "]";
  }
}
