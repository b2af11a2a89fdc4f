package dev.clusterctl.release;

/**
 * Evaluates a POSIX shell script of the kind start scripts source ({@code env.sh}, an entrypoint,
 * {@code sh -c "…"}) to see what it does to the environment, without running anything.
 *
 * <p>Evaluated: assignments and {@code export}; {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-default}}, {@code ${VAR:=default}}, {@code ${VAR:+alt}}, {@code ${VAR%pat}}
 * and kin; single and double quotes; {@code $(hostname)}, {@code $(hostname -f)},
 * {@code $(hostname -i)}, {@code $(hostname -s)} and their backquoted forms, from the host names
 * given; {@code . file}/{@code source file} of files among the inputs; {@code exec};
 * functions; and {@code if}, {@code case}, {@code &&}, {@code ||} when the condition is a
 * {@code test} whose operands are known. Everything else is a {@link ShellNote} with its line:
 * a command that is not run, a condition the inputs do not decide (each way is followed and a
 * variable the ways set differently becomes unknown), or a step that may set anything.
 */
public final class ShellScript {

  private ShellScript() {}

  /**
   * Runs {@code text} (named {@code file} in origins and notes) from the variables {@code start}.
   * Never throws on bad input: a script that cannot be parsed gives a
   * {@link ShellNote.Kind#SYNTAX_ERROR} note and leaves the variables as they were.
   */
  public static ShellRun run(String text, String file, ShellVars start, ShellContext context) {
    return ShellEvaluator.run(text, file, start, context);
  }
}
