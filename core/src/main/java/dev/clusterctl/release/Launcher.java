package dev.clusterctl.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a container's command line to the program that starts the VM: through
 * {@code sh -c "…"} (evaluated with {@link ShellScript}), {@code env NAME=value …},
 * {@code tini --}/{@code dumb-init}, and entrypoint scripts among the inputs.
 */
final class Launcher {

  private static final int MAX_HOPS = 8;
  private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "ksh", "zsh");
  private static final Set<String> INITS = Set.of("tini", "tini-static", "dumb-init", "catatonit");
  /** Commands both release scripts have. */
  private static final Set<String> SHARED = Set.of("start", "daemon");
  private static final Set<String> RELX_ONLY = Set.of("foreground", "console", "console_clean", "console_boot", "daemon_boot");
  private static final Set<String> ELIXIR_ONLY = Set.of("start_iex", "daemon_iex");
  private static final Set<String> ONE_OFF = Set.of("eval", "rpc", "remote", "remote_console", "stop", "restart", "pid",
      "version", "ping", "attach", "daemon_attach", "pipe", "escript", "status", "versions", "upgrade", "downgrade", "install",
      "unpack", "reboot", "reload", "console_boot_remote");

  private Launcher() {}

  /** The program {@code words} end up starting, with the variables {@code vars}. */
  static Launch find(List<TextValue> words, ShellVars vars, ShellContext ctx, ReleaseKind hint, Origin origin) {
    List<ShellNote> notes = new ArrayList<>();
    List<ShellRun.CookieWrite> cookieWrites = new ArrayList<>();
    List<TextValue> w = words;
    ShellVars v = vars;
    Origin at = origin;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      if (w.isEmpty()) {
        return unknown("", v, at, notes, cookieWrites, "the command line is empty");
      }
      Optional<String> first = w.get(0).known();
      if (first.isEmpty()) {
        return unknown(w.get(0).template(), v, at, notes, cookieWrites,
            "the program name " + w.get(0).template() + " is not known here");
      }
      String program = first.get();
      String base = program.substring(program.lastIndexOf('/') + 1);
      List<TextValue> rest = w.subList(1, w.size());
      if (SHELLS.contains(base)) {
        int c = scriptIndex(rest);
        Optional<String> text;
        String name;
        if (c >= 0) {
          Origin scriptAt = rest.get(c).parts().isEmpty() ? at : rest.get(c).parts().get(0).origin();
          name = base + " -c script (" + scriptAt + ")";
          text = placeholders(rest.get(c)).map(Placeheld::text);
          if (text.isPresent()) {
            v = placeholders(rest.get(c)).get().bind(v);
          }
        } else if (!rest.isEmpty() && rest.get(0).known().isPresent()) {
          name = rest.get(0).known().get();
          text = ctx.files().apply(name);
        } else {
          return unknown(program, v, at, notes, cookieWrites, "the shell is given no script");
        }
        if (text.isEmpty()) {
          return unknown(program, v, at, notes, cookieWrites, "the script " + name + " is not among the inputs");
        }
        ShellRun run = ShellScript.run(text.get(), name, v, ctx);
        notes.addAll(run.notes());
        cookieWrites.addAll(run.cookieWrites());
        Optional<ShellRun.Exec> next = run.exec().or(() -> run.commands().isEmpty()
            ? Optional.empty() : Optional.of(run.commands().get(run.commands().size() - 1)));
        if (next.isEmpty()) {
          return new Launch(run.stopped() ? ReleaseKind.UNKNOWN : ReleaseKind.NOT_A_NODE, program, Optional.empty(),
              Optional.empty(), Optional.empty(), List.of(), run.vars(), at, notes, cookieWrites,
              run.stopped() ? "the script " + name + " stops before it starts a program" : "the script " + name + " starts no program");
        }
        w = next.get().words();
        v = next.get().vars();
        at = Origin.file(next.get().file(), next.get().line());
        continue;
      }
      if (base.equals("env")) {
        int i = 0;
        while (i < rest.size() && rest.get(i).known().map(s -> s.startsWith("-")).orElse(false)) {
          i++;
        }
        while (i < rest.size() && rest.get(i).known().map(s -> s.matches("[A-Za-z_][A-Za-z0-9_]*=.*")).orElse(false)) {
          String s = rest.get(i).known().get();
          int eq = s.indexOf('=');
          v = v.with(s.substring(0, eq), new ShellVars.Binding(TextValue.of(s.substring(eq + 1), at), true, false));
          i++;
        }
        w = rest.subList(i, rest.size());
        continue;
      }
      if (INITS.contains(base)) {
        int i = 0;
        while (i < rest.size() && rest.get(i).known().map(s -> s.startsWith("-")).orElse(false)) {
          boolean end = rest.get(i).known().get().equals("--");
          i++;
          if (end) {
            break;
          }
        }
        w = rest.subList(i, rest.size());
        continue;
      }
      if (base.equals("erl") || base.equals("erlexec")) {
        return launch(ReleaseKind.ERL, program, Optional.empty(), Optional.empty(), Optional.empty(), rest, v, at, notes,
            cookieWrites, "runs erl directly");
      }
      if (base.equals("elixir") || base.equals("iex") || base.equals("mix")) {
        return launch(ReleaseKind.ELIXIR_CLI, program, Optional.empty(), Optional.empty(), Optional.empty(), rest, v, at,
            notes, cookieWrites, "runs " + base + " directly");
      }
      Optional<String> root = program.startsWith("/") && program.contains("/bin/")
          ? Optional.of(program.substring(0, program.lastIndexOf("/bin/")).isEmpty() ? "/" : program.substring(0, program.lastIndexOf("/bin/")))
          : Optional.empty();
      if (base.equals("server") && rest.isEmpty() && (program.contains("bin/"))) {
        return launch(ReleaseKind.ELIXIR_RELEASE, program, Optional.empty(), root, Optional.of("start"), rest,
            v.with("PHX_SERVER", new ShellVars.Binding(TextValue.of("true", at), true, false)), at, notes, cookieWrites,
            "bin/server is the script phx.gen.release adds to a release: it runs the release with 'start'");
      }
      Optional<String> script = ctx.files().apply(program);
      if (script.isPresent()) {
        ShellRun run = ShellScript.run(script.get(), program, v, ctx);
        notes.addAll(run.notes());
        cookieWrites.addAll(run.cookieWrites());
        Optional<ShellRun.Exec> next = run.exec().or(() -> run.commands().isEmpty()
            ? Optional.empty() : Optional.of(run.commands().get(run.commands().size() - 1)));
        if (next.isEmpty()) {
          return new Launch(ReleaseKind.NOT_A_NODE, program, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
              run.vars(), at, notes, cookieWrites, "the script " + program + " starts no program");
        }
        w = next.get().words();
        v = next.get().vars();
        at = Origin.file(next.get().file(), next.get().line());
        continue;
      }
      if (program.contains("bin/") && !rest.isEmpty() && rest.get(0).known().isPresent()) {
        String command = rest.get(0).known().get();
        List<TextValue> after = rest.subList(1, rest.size());
        ReleaseKind kind;
        String why;
        if (ONE_OFF.contains(command)) {
          kind = ReleaseKind.NOT_A_NODE;
          why = "'" + command + "' is a one-off command of the release script, not the node itself";
        } else if (RELX_ONLY.contains(command)) {
          kind = ReleaseKind.RELX_RELEASE;
          why = "'" + command + "' is a command of relx's start script";
        } else if (ELIXIR_ONLY.contains(command)) {
          kind = ReleaseKind.ELIXIR_RELEASE;
          why = "'" + command + "' is a command of an Elixir release's start script";
        } else if (SHARED.contains(command)) {
          kind = hint == ReleaseKind.ELIXIR_RELEASE || hint == ReleaseKind.RELX_RELEASE ? hint : ReleaseKind.RELEASE;
          why = kind == ReleaseKind.RELEASE
              ? "both Elixir and relx release scripts have '" + command + "'; the inputs do not say which this is"
              : "'" + command + "' of a release script (" + (hint == ReleaseKind.ELIXIR_RELEASE ? "Elixir" : "relx") + ", from the inputs)";
        } else {
          return unknown(program, v, at, notes, cookieWrites, "'" + command + "' is not a command of a release script this reader knows");
        }
        return launch(kind, program, Optional.of(base), root, Optional.of(command), after, v, at, notes, cookieWrites, why);
      }
      return unknown(program, v, at, notes, cookieWrites, "the container runs " + program + ", which is not among the inputs");
    }
    return unknown("", v, at, notes, cookieWrites, "the command line hands over more than " + MAX_HOPS + " times");
  }

  private static Launch launch(ReleaseKind kind, String program, Optional<String> name, Optional<String> root, Optional<String> command,
      List<TextValue> args, ShellVars v, Origin at, List<ShellNote> notes, List<ShellRun.CookieWrite> cookieWrites, String why) {
    return new Launch(kind, program, name, root, command, args, v, at, notes, cookieWrites, why);
  }

  private static Launch unknown(String program, ShellVars v, Origin at, List<ShellNote> notes,
      List<ShellRun.CookieWrite> cookieWrites, String why) {
    return new Launch(ReleaseKind.UNKNOWN, program, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), v, at, notes,
        cookieWrites, why);
  }

  /** The index in a shell's arguments of the script after {@code -c} (or {@code -ec}, {@code -xc}…), or -1. */
  private static int scriptIndex(List<TextValue> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i).known().orElse("");
      if (!a.startsWith("-") && !a.startsWith("+")) {
        return -1;
      }
      if (a.startsWith("-") && !a.startsWith("--") && a.contains("c")) {
        return i + 1 < args.size() ? i + 1 : -1;
      }
    }
    return -1;
  }

  /** A script text with each hole replaced by a placeholder variable, and the bindings for them. */
  private record Placeheld(String text, List<TextValue.Hole> holes) {
    ShellVars bind(ShellVars vars) {
      ShellVars out = vars;
      for (int i = 0; i < holes.size(); i++) {
        out = out.with("__clusterctl_k8s_" + (i + 1), new ShellVars.Binding(new TextValue(List.of(holes.get(i))), false, false));
      }
      return out;
    }
  }

  private static Optional<Placeheld> placeholders(TextValue script) {
    StringBuilder sb = new StringBuilder();
    List<TextValue.Hole> holes = new ArrayList<>();
    for (TextValue.Part p : script.parts()) {
      if (p instanceof TextValue.Literal l) {
        sb.append(l.text());
      } else {
        holes.add((TextValue.Hole) p);
        sb.append("${__clusterctl_k8s_").append(holes.size()).append('}');
      }
    }
    return Optional.of(new Placeheld(sb.toString(), holes));
  }
}
