package dev.clusterctl.release;

import dev.clusterctl.release.ShellAst.AndOr;
import dev.clusterctl.release.ShellAst.Arith;
import dev.clusterctl.release.ShellAst.Assignment;
import dev.clusterctl.release.ShellAst.Background;
import dev.clusterctl.release.ShellAst.Case;
import dev.clusterctl.release.ShellAst.CaseArm;
import dev.clusterctl.release.ShellAst.CommandSub;
import dev.clusterctl.release.ShellAst.FunctionDef;
import dev.clusterctl.release.ShellAst.Group;
import dev.clusterctl.release.ShellAst.If;
import dev.clusterctl.release.ShellAst.Lit;
import dev.clusterctl.release.ShellAst.Loop;
import dev.clusterctl.release.ShellAst.Node;
import dev.clusterctl.release.ShellAst.Param;
import dev.clusterctl.release.ShellAst.Pipeline;
import dev.clusterctl.release.ShellAst.Redirect;
import dev.clusterctl.release.ShellAst.Sequence;
import dev.clusterctl.release.ShellAst.Simple;
import dev.clusterctl.release.ShellAst.Subshell;
import dev.clusterctl.release.ShellAst.Tilde;
import dev.clusterctl.release.ShellAst.Word;
import dev.clusterctl.release.ShellAst.WordPart;
import dev.clusterctl.release.ShellRun.CookieWrite;
import dev.clusterctl.release.ShellRun.Exec;
import dev.clusterctl.release.ShellVars.Binding;
import dev.clusterctl.release.TextValue.Hole;
import dev.clusterctl.release.TextValue.HoleKind;
import dev.clusterctl.release.TextValue.Literal;
import dev.clusterctl.release.TextValue.Part;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a parsed script symbolically: assignments, {@code export}, parameter expansions,
 * {@code $(hostname …)}, sourcing, {@code exec}, and {@code if}/{@code case}/{@code &&}/{@code ||}
 * when the condition is a {@code test} the inputs decide. Where they do not, each branch is
 * run on its own copy and a variable the branches set differently becomes unknown.
 */
final class ShellEvaluator {

  private static final int MAX_SOURCE_DEPTH = 8;
  private static final int MAX_CALL_DEPTH = 32;

  /** The outcome of a command as a condition. */
  enum Tri { TRUE, FALSE, UNKNOWN }

  /** Commands that set no variable and change nothing a release reads. */
  private static final Set<String> HARMLESS = Set.of(
      "echo", "printf", "cd", "mkdir", "touch", "chmod", "chown", "sleep", "logger", "umask",
      "ulimit", "trap", "shift", "wait", "sync", "ls", "rm", "date", "id", "whoami", "env",
      "printenv", "hash", "type", "command", "which", "alias", "pwd");

  /** The mutable state along one path through the script. */
  private static final class State {
    ShellVars vars;
    Map<String, Node> functions = new HashMap<>();
    boolean ended;
    boolean returned;
    boolean allexport;

    State(ShellVars vars) {
      this.vars = vars;
    }

    State copy() {
      State s = new State(vars.copy());
      s.functions = new HashMap<>(functions);
      s.ended = ended;
      s.returned = returned;
      s.allexport = allexport;
      return s;
    }
  }

  private final ShellContext ctx;
  private final List<ShellNote> notes = new ArrayList<>();
  private final List<CookieWrite> cookieWrites = new ArrayList<>();
  private final List<Exec> execs = new ArrayList<>();
  private final List<Exec> commands = new ArrayList<>();
  private String file;
  private int sourceDepth;
  private int callDepth;
  private int undecided;
  private boolean stopped;

  private ShellEvaluator(ShellContext ctx, String file) {
    this.ctx = ctx;
    this.file = file;
  }

  static ShellRun run(String text, String file, ShellVars start, ShellContext ctx) {
    ShellEvaluator ev = new ShellEvaluator(ctx, file);
    State state = new State(start);
    ev.runText(text, state, 1);
    Optional<Exec> exec = ev.execs.stream().filter(e -> !e.conditional()).findFirst()
        .or(() -> ev.execs.stream().findFirst());
    return new ShellRun(state.vars, ev.notes, exec, ev.commands, ev.cookieWrites, ev.stopped || state.ended && exec.isEmpty());
  }

  private void runText(String text, State state, int firstLine) {
    Node tree;
    try {
      tree = ShellParser.parse(text, firstLine);
    } catch (ShellSyntaxException e) {
      note(e.line(), ShellNote.Kind.SYNTAX_ERROR, "cannot be read (" + e.getMessage()
          + "); a real shell stops at the error, so nothing in this file was evaluated");
      stopped = true;
      state.ended = true;
      return;
    }
    eval(tree, state);
    state.returned = false;
  }

  private void note(int line, ShellNote.Kind kind, String what) {
    notes.add(new ShellNote(file, line, kind, what));
  }

  // ---- commands ----

  private Tri eval(Node node, State s) {
    if (s.ended || s.returned) {
      return Tri.TRUE;
    }
    if (node instanceof Sequence q) {
      Tri last = Tri.TRUE;
      for (Node n : q.items()) {
        last = eval(n, s);
        if (s.ended || s.returned) {
          break;
        }
      }
      return last;
    }
    if (node instanceof Simple c) {
      return simple(c, s);
    }
    if (node instanceof Pipeline p) {
      return pipeline(p, s);
    }
    if (node instanceof AndOr a) {
      return andOr(a, s);
    }
    if (node instanceof Background b) {
      note(b.line(), ShellNote.Kind.NOT_EVALUATED, "a command run in the background ('&') is not evaluated");
      scanEffects(b.node(), s);
      return Tri.TRUE;
    }
    if (node instanceof If i) {
      return ifFrom(i, 0, s);
    }
    if (node instanceof Case c) {
      return caseCommand(c, s);
    }
    if (node instanceof Loop l) {
      Set<String> names = assignedIn(l.body());
      note(l.line(), ShellNote.Kind.NOT_EVALUATED, "a '" + l.keyword() + "' loop is not evaluated"
          + (names.isEmpty() ? "" : "; it assigns " + String.join(", ", names) + ", which are now unknown"));
      for (String n : names) {
        s.vars = s.vars.with(n, unknownBinding(n, "assigned in the '" + l.keyword() + "' loop at " + file + ":" + l.line(), l.line(), s));
      }
      scanEffects(l.body(), s);
      return Tri.UNKNOWN;
    }
    if (node instanceof Group g) {
      return eval(g.body(), s);
    }
    if (node instanceof Subshell sub) {
      note(sub.line(), ShellNote.Kind.NOT_EVALUATED,
          "a subshell '( … )' is not evaluated (its assignments do not reach the script anyway)");
      scanEffects(sub.body(), s);
      return Tri.UNKNOWN;
    }
    FunctionDef f = (FunctionDef) node;
    s.functions.put(f.name(), f.body());
    return Tri.TRUE;
  }

  private Tri pipeline(Pipeline p, State s) {
    if (p.commands().size() == 1) {
      Tri t = eval(p.commands().get(0), s);
      return p.negated() ? not(t) : t;
    }
    List<String> names = new ArrayList<>();
    for (Node n : p.commands()) {
      names.add(n instanceof Simple c && !c.words().isEmpty() && c.words().get(0).literal() != null
          ? c.words().get(0).literal() : "…");
    }
    note(p.line(), ShellNote.Kind.NOT_EVALUATED, "a pipeline (" + String.join(" | ", names)
        + ") is not evaluated; its commands run in subshells");
    for (Node n : p.commands()) {
      scanEffects(n, s);
    }
    return Tri.UNKNOWN;
  }

  private static Tri not(Tri t) {
    return t == Tri.TRUE ? Tri.FALSE : t == Tri.FALSE ? Tri.TRUE : Tri.UNKNOWN;
  }

  private Tri andOr(AndOr a, State s) {
    Tri status = eval(a.first(), s);
    for (int i = 0; i < a.ops().size() && !s.ended && !s.returned; i++) {
      boolean and = a.ops().get(i).equals("&&");
      Node next = a.rest().get(i);
      if (status == (and ? Tri.TRUE : Tri.FALSE)) {
        status = eval(next, s);
      } else if (status == Tri.UNKNOWN) {
        State taken = s.copy();
        undecided++;
        eval(next, taken);
        undecided--;
        join(s, List.of(taken, s.copy()), "'" + a.ops().get(i) + "' list", a.line());
        status = Tri.UNKNOWN;
      }
    }
    return status;
  }

  private Tri ifFrom(If i, int index, State s) {
    if (index == i.conditions().size()) {
      return i.elseBody() == null ? Tri.TRUE : eval(i.elseBody(), s);
    }
    Tri c = eval(i.conditions().get(index), s);
    if (s.ended || s.returned) {
      return c;
    }
    if (c == Tri.TRUE) {
      return eval(i.bodies().get(index), s);
    }
    if (c == Tri.FALSE) {
      return ifFrom(i, index + 1, s);
    }
    note(i.conditions().get(index).line(), ShellNote.Kind.UNDECIDED,
        "the condition of this '" + (index == 0 ? "if" : "elif") + "' is not decided by the inputs; both ways were followed");
    State yes = s.copy();
    State no = s.copy();
    undecided++;
    eval(i.bodies().get(index), yes);
    ifFrom(i, index + 1, no);
    undecided--;
    join(s, List.of(yes, no), "'if' at " + file + ":" + i.line(), i.line());
    return Tri.UNKNOWN;
  }

  private Tri caseCommand(Case c, State s) {
    TextValue subject = single(c.word(), s);
    Optional<String> known = subject.known();
    List<State> paths = new ArrayList<>();
    boolean decided = known.isPresent();
    for (CaseArm arm : c.arms()) {
      Tri match = Tri.FALSE;
      for (Word pattern : arm.patterns()) {
        Optional<String> glob = globOf(pattern, s);
        if (glob.isEmpty()) {
          match = Tri.UNKNOWN;
          continue;
        }
        if (known.isPresent()) {
          if (Glob.matches(glob.get(), known.get())) {
            match = Tri.TRUE;
            break;
          }
        } else if (glob.get().equals("*")) {
          match = Tri.TRUE;
          break;
        } else {
          match = Tri.UNKNOWN;
        }
      }
      if (decided && match == Tri.TRUE) {
        return eval(arm.body(), s);
      }
      if (match == Tri.FALSE) {
        continue;
      }
      decided = false;
      State path = s.copy();
      undecided++;
      eval(arm.body(), path);
      undecided--;
      paths.add(path);
      if (match == Tri.TRUE) {
        join(s, paths, "'case' at " + file + ":" + c.line(), c.line());
        note(c.line(), ShellNote.Kind.UNDECIDED, "the word of this 'case' is not decided by the inputs; every arm was followed");
        return Tri.UNKNOWN;
      }
    }
    if (decided) {
      return Tri.TRUE;
    }
    paths.add(s.copy());
    note(c.line(), ShellNote.Kind.UNDECIDED, "the word of this 'case' is not decided by the inputs; every arm was followed");
    join(s, paths, "'case' at " + file + ":" + c.line(), c.line());
    return Tri.UNKNOWN;
  }

  /** The pattern of a case arm as a glob (quoted parts escaped), empty when it holds a hole. */
  private Optional<String> globOf(Word pattern, State s) {
    StringBuilder sb = new StringBuilder();
    for (WordPart p : pattern.parts()) {
      if (p instanceof Lit l) {
        sb.append(l.quoted() ? Glob.quote(l.text()) : l.text());
      } else {
        Optional<String> v = expandPart(p, s, pattern.line()).known();
        if (v.isEmpty()) {
          return Optional.empty();
        }
        sb.append(p instanceof Param pp && pp.quoted() || p instanceof CommandSub cs && cs.quoted() ? Glob.quote(v.get()) : v.get());
      }
    }
    return Optional.of(sb.toString());
  }

  /** Merges the paths a construct could take into {@code target}. */
  private void join(State target, List<State> paths, String construct, int line) {
    List<State> going = paths.stream().filter(p -> !p.ended).toList();
    if (going.isEmpty()) {
      target.ended = true;
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    for (State p : going) {
      names.addAll(p.vars.changed());
    }
    ShellVars merged = going.get(0).vars;
    List<String> differ = new ArrayList<>();
    for (String name : names) {
      Binding first = going.get(0).vars.get(name);
      boolean same = true;
      boolean exported = false;
      boolean maybeUnset = false;
      for (State p : going) {
        Binding b = p.vars.get(name);
        if (b == null || first == null) {
          same &= b == first;
          maybeUnset = true;
        } else {
          same &= b.value().sameText(first.value()) && b.mayBeUnset() == first.mayBeUnset();
          exported |= b.exported();
          maybeUnset |= b.mayBeUnset();
        }
      }
      if (same) {
        merged = merged.with(name, first == null ? null : new Binding(first.value(), exported, first.mayBeUnset()));
      } else {
        differ.add(name);
        merged = merged.with(name, new Binding(TextValue.hole("${" + name + "}", HoleKind.UNKNOWN,
            name + " is set differently depending on the " + construct + ", which the inputs do not decide",
            Origin.file(file, line)), exported, maybeUnset));
      }
    }
    if (!differ.isEmpty()) {
      note(line, ShellNote.Kind.UNDECIDED, String.join(", ", differ) + (differ.size() == 1 ? " is" : " are")
          + " set differently by the branches, so " + (differ.size() == 1 ? "it is" : "they are") + " unknown");
    }
    target.vars = merged;
    Map<String, Node> functions = new HashMap<>();
    going.forEach(p -> functions.putAll(p.functions));
    target.functions = functions;
    target.allexport = going.stream().anyMatch(p -> p.allexport);
    target.returned = going.stream().allMatch(p -> p.returned);
  }

  private Binding unknownBinding(String name, String why, int line, State s) {
    Binding old = s.vars.get(name);
    return new Binding(TextValue.hole("${" + name + "}", HoleKind.UNKNOWN, name + " is " + why, Origin.file(file, line)),
        old != null && old.exported() || s.allexport, true);
  }

  // ---- simple commands ----

  private Tri simple(Simple c, State s) {
    if (c.words().isEmpty()) {
      for (Assignment a : c.assignments()) {
        assign(a, s, false);
      }
      redirects(c, s, List.of());
      return Tri.TRUE;
    }
    List<TextValue> fields = new ArrayList<>();
    for (Word w : c.words()) {
      fields.addAll(fields(w, s));
    }
    redirects(c, s, fields);
    if (fields.isEmpty()) {
      return Tri.TRUE;
    }
    Optional<String> name = fields.get(0).known();
    if (name.isEmpty()) {
      note(c.line(), ShellNote.Kind.NOT_EVALUATED, "a command whose name is not known (" + fields.get(0).template() + ") is not evaluated");
      return Tri.UNKNOWN;
    }
    List<TextValue> args = fields.subList(1, fields.size());
    String cmd = name.get();
    if (mentionsReleaseFile(fields) && !cmd.equals("exec") && !cmd.equals(".") && !cmd.equals("source")) {
      note(c.line(), ShellNote.Kind.FILE_CHANGE, "'" + cmd + "' reads or changes a release file ("
          + releaseFiles(fields) + "); not evaluated");
      return Tri.UNKNOWN;
    }
    switch (cmd) {
      case "export", "readonly", "local", "declare", "typeset" -> {
        exportCommand(c, s, !cmd.equals("local"));
        return Tri.TRUE;
      }
      case "unset" -> {
        for (TextValue a : args) {
          a.known().filter(n -> !n.startsWith("-")).ifPresent(n -> s.vars = s.vars.with(n, null));
        }
        return Tri.TRUE;
      }
      case ".", "source" -> {
        return source(c, args, s);
      }
      case "exec" -> {
        if (!args.isEmpty()) {
          State at = s.copy();
          for (Assignment a : c.assignments()) {
            assign(a, at, true);
          }
          execs.add(new Exec(args, file, c.line(), undecided > 0, at.vars));
          s.ended = true;
        }
        return Tri.TRUE;
      }
      case "exit" -> {
        note(c.line(), ShellNote.Kind.EXIT, "'exit' stops the script here");
        s.ended = true;
        return Tri.TRUE;
      }
      case "return" -> {
        s.returned = true;
        return Tri.TRUE;
      }
      case "eval" -> {
        note(c.line(), ShellNote.Kind.OPAQUE, "'eval' is not evaluated; it may set any variable");
        return Tri.UNKNOWN;
      }
      case "true", ":" -> {
        return Tri.TRUE;
      }
      case "false" -> {
        return Tri.FALSE;
      }
      case "test" -> {
        return TestCommand.evaluate(args);
      }
      case "[" -> {
        if (args.isEmpty() || !"]".equals(args.get(args.size() - 1).known().orElse(""))) {
          note(c.line(), ShellNote.Kind.NOT_EVALUATED, "'[' without its closing ']'");
          return Tri.UNKNOWN;
        }
        return TestCommand.evaluate(args.subList(0, args.size() - 1));
      }
      case "[[" -> {
        note(c.line(), ShellNote.Kind.NOT_EVALUATED, "bash's '[[ … ]]' test is not evaluated");
        return Tri.UNKNOWN;
      }
      case "set" -> {
        for (TextValue a : args) {
          String o = a.known().orElse("");
          if (o.startsWith("-") && o.contains("a") && !o.startsWith("--")) {
            s.allexport = true;
          } else if (o.startsWith("+") && o.contains("a")) {
            s.allexport = false;
          }
        }
        return Tri.TRUE;
      }
      case "read", "getopts", "mapfile", "readarray" -> {
        for (TextValue a : args) {
          a.known().filter(n -> !n.startsWith("-") && n.matches("[A-Za-z_][A-Za-z0-9_]*"))
              .ifPresent(n -> s.vars = s.vars.with(n, unknownBinding(n, "read by '" + cmd + "' at " + file + ":" + c.line(), c.line(), s)));
        }
        note(c.line(), ShellNote.Kind.NOT_EVALUATED, "'" + cmd + "' reads input; the variables it sets are unknown");
        return Tri.UNKNOWN;
      }
      default -> {
        if (s.functions.containsKey(cmd)) {
          return call(cmd, c, s);
        }
        if (cmd.equals("printf") && !args.isEmpty() && "-v".equals(args.get(0).known().orElse(""))) {
          note(c.line(), ShellNote.Kind.OPAQUE, "'printf -v' sets a variable; not evaluated");
          return Tri.UNKNOWN;
        }
        if (HARMLESS.contains(cmd)) {
          if (cmd.equals("echo") || cmd.equals("printf")) {
            return Tri.TRUE;
          }
          note(c.line(), ShellNote.Kind.NOT_EVALUATED, "'" + cmd + "' is not evaluated (it sets no variable)");
          return Tri.UNKNOWN;
        }
        note(c.line(), ShellNote.Kind.NOT_EVALUATED, "'" + shortName(cmd) + "' is not evaluated");
        State at = s.copy();
        for (Assignment a : c.assignments()) {
          assign(a, at, true);
        }
        commands.add(new Exec(fields, file, c.line(), undecided > 0, at.vars));
        return Tri.UNKNOWN;
      }
    }
  }

  private static String shortName(String cmd) {
    return cmd.length() > 60 ? cmd.substring(0, 57) + "…" : cmd;
  }

  private Tri call(String name, Simple c, State s) {
    if (callDepth >= MAX_CALL_DEPTH) {
      note(c.line(), ShellNote.Kind.OPAQUE, "the function '" + name + "' calls itself too deeply; not evaluated");
      return Tri.UNKNOWN;
    }
    callDepth++;
    Tri t = eval(s.functions.get(name), s);
    callDepth--;
    s.returned = false;
    return t;
  }

  private void exportCommand(Simple c, State s, boolean export) {
    for (Word w : c.words().subList(1, c.words().size())) {
      Assignment a = ShellParser.assignment(w);
      if (a != null) {
        assign(a, s, export);
        continue;
      }
      Optional<String> n = single(w, s).known();
      if (n.isEmpty() || n.get().startsWith("-")) {
        continue;
      }
      Binding b = s.vars.get(n.get());
      if (b != null && export) {
        s.vars = s.vars.with(n.get(), new Binding(b.value(), true, b.mayBeUnset()));
      }
    }
  }

  private void assign(Assignment a, State s, boolean export) {
    TextValue v = single(a.value(), s);
    Binding old = s.vars.get(a.name());
    boolean exported = export || s.allexport || old != null && old.exported();
    s.vars = s.vars.with(a.name(), new Binding(v, exported, false));
  }

  private Tri source(Simple c, List<TextValue> args, State s) {
    if (args.isEmpty()) {
      return Tri.FALSE;
    }
    Optional<String> path = args.get(0).known();
    Optional<String> text = path.flatMap(ctx.files());
    if (text.isEmpty()) {
      note(c.line(), ShellNote.Kind.OPAQUE, "sources " + args.get(0).template()
          + ", which is not among the inputs; it may set any variable");
      return Tri.UNKNOWN;
    }
    if (sourceDepth >= MAX_SOURCE_DEPTH) {
      note(c.line(), ShellNote.Kind.OPAQUE, "sources files nested too deeply; not evaluated");
      return Tri.UNKNOWN;
    }
    String saved = file;
    file = path.get();
    sourceDepth++;
    runText(text.get(), s, 1);
    sourceDepth--;
    file = saved;
    return Tri.TRUE;
  }

  private void redirects(Simple c, State s, List<TextValue> fields) {
    for (Redirect r : c.redirects()) {
      if (!(r.op().contains(">"))) {
        continue;
      }
      TextValue target = single(r.target(), s);
      String t = target.template();
      if (t.endsWith(".erlang.cookie")) {
        Set<String> vars = new LinkedHashSet<>();
        for (Word w : c.words()) {
          vars.addAll(variablesIn(w));
        }
        cookieWrites.add(new CookieWrite(file, c.line(), t, List.copyOf(vars)));
      } else if (t.contains("vm.args") || t.contains("sys.config")) {
        note(c.line(), ShellNote.Kind.FILE_CHANGE, "writes " + t + "; not evaluated");
      }
    }
  }

  private static List<String> variablesIn(Word w) {
    List<String> names = new ArrayList<>();
    for (WordPart p : w.parts()) {
      if (p instanceof Param param && !param.unsupported()) {
        names.add(param.name());
      }
    }
    return names;
  }

  private static boolean mentionsReleaseFile(List<TextValue> fields) {
    return !releaseFiles(fields).isEmpty();
  }

  private static String releaseFiles(List<TextValue> fields) {
    Set<String> found = new LinkedHashSet<>();
    for (TextValue f : fields.subList(1, fields.size())) {
      String t = f.template();
      if (t.contains("vm.args")) {
        found.add("vm.args");
      }
      if (t.contains("sys.config")) {
        found.add("sys.config");
      }
    }
    return String.join(", ", found);
  }

  /** Notes what a command that is not run would do to files, without changing variables. */
  private void scanEffects(Node n, State s) {
    for (Node child : children(n)) {
      scanEffects(child, s);
    }
    if (n instanceof Simple c) {
      List<TextValue> fields = new ArrayList<>();
      c.words().forEach(w -> fields.add(single(w, s)));
      redirects(c, s, fields);
    }
  }

  /** The commands directly inside a construct (bodies, not conditions, for 'if'). */
  private static List<Node> children(Node n) {
    List<Node> out = new ArrayList<>();
    if (n instanceof Sequence q) {
      out.addAll(q.items());
    } else if (n instanceof Pipeline p) {
      out.addAll(p.commands());
    } else if (n instanceof AndOr a) {
      out.add(a.first());
      out.addAll(a.rest());
    } else if (n instanceof Group g) {
      out.add(g.body());
    } else if (n instanceof Subshell sub) {
      out.add(sub.body());
    } else if (n instanceof Background b) {
      out.add(b.node());
    } else if (n instanceof Loop l) {
      out.add(l.body());
    } else if (n instanceof If i) {
      out.addAll(i.bodies());
      if (i.elseBody() != null) {
        out.add(i.elseBody());
      }
    } else if (n instanceof Case c) {
      c.arms().forEach(a -> out.add(a.body()));
    }
    return out;
  }

  /** The names a construct assigns anywhere inside it. */
  private static Set<String> assignedIn(Node n) {
    Set<String> names = new LinkedHashSet<>();
    collectAssigned(n, names);
    return names;
  }

  private static void collectAssigned(Node n, Set<String> names) {
    if (n instanceof Subshell || n instanceof FunctionDef) {
      return;
    }
    if (n instanceof If i) {
      i.conditions().forEach(b -> collectAssigned(b, names));
    }
    for (Node child : children(n)) {
      collectAssigned(child, names);
    }
    if (n instanceof Simple c) {
      c.assignments().forEach(a -> names.add(a.name()));
      if (!c.words().isEmpty() && ("export".equals(c.words().get(0).literal()) || "read".equals(c.words().get(0).literal()))) {
        for (Word w : c.words().subList(1, c.words().size())) {
          Assignment a = ShellParser.assignment(w);
          String lit = w.literal();
          if (a != null) {
            names.add(a.name());
          } else if (lit != null && lit.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            names.add(lit);
          }
        }
      }
    }
  }

  // ---- words ----

  /** One chunk of an expanded word: its text and whether field splitting applies to it. */
  private record Chunk(TextValue value, boolean split) {}

  /** The word as one piece of text (assignments, case words, redirection targets). */
  TextValue single(Word w, State s) {
    TextValue v = TextValue.empty();
    for (WordPart p : w.parts()) {
      v = v.concat(expandPart(p, s, w.line()));
    }
    return v;
  }

  /** The fields a command word expands to (unquoted expansions are split on blanks). */
  private List<TextValue> fields(Word w, State s) {
    List<Chunk> chunks = new ArrayList<>();
    for (WordPart p : w.parts()) {
      boolean quoted = p instanceof Param q ? q.quoted()
          : p instanceof CommandSub q ? q.quoted()
          : p instanceof Arith q ? q.quoted()
          : true;
      chunks.add(new Chunk(expandPart(p, s, w.line()), !quoted));
    }
    List<TextValue> out = new ArrayList<>();
    TextValue cur = null;
    for (Chunk ch : chunks) {
      if (!ch.split()) {
        cur = (cur == null ? TextValue.empty() : cur).concat(ch.value());
        continue;
      }
      for (Part part : ch.value().parts()) {
        if (part instanceof Hole h) {
          cur = (cur == null ? TextValue.empty() : cur).concat(new TextValue(List.of(h)));
          continue;
        }
        Literal l = (Literal) part;
        StringBuilder run = new StringBuilder();
        for (char c : l.text().toCharArray()) {
          if (c == ' ' || c == '\t' || c == '\n') {
            if (run.length() > 0) {
              cur = (cur == null ? TextValue.empty() : cur).concat(TextValue.of(run.toString(), l.origin()));
              run.setLength(0);
            }
            if (cur != null) {
              out.add(cur);
              cur = null;
            }
          } else {
            run.append(c);
          }
        }
        if (run.length() > 0) {
          cur = (cur == null ? TextValue.empty() : cur).concat(TextValue.of(run.toString(), l.origin()));
        }
      }
    }
    if (cur != null) {
      out.add(cur);
    }
    return out;
  }

  private TextValue expandPart(WordPart p, State s, int line) {
    Origin here = Origin.file(file, line);
    if (p instanceof Lit l) {
      return TextValue.of(l.text(), here);
    }
    if (p instanceof Tilde) {
      Binding home = s.vars.get("HOME");
      return home == null ? TextValue.of("~", here) : home.value();
    }
    if (p instanceof Arith a) {
      return TextValue.hole("$((" + a.text() + "))", HoleKind.UNKNOWN, "arithmetic is not evaluated", here);
    }
    if (p instanceof CommandSub c) {
      return commandSub(c, s);
    }
    return param((Param) p, s, here);
  }

  private TextValue commandSub(CommandSub c, State s) {
    Origin here = Origin.file(file, c.line());
    String script = c.script().strip();
    String[] words = script.split("\\s+");
    if (words.length >= 1 && words.length <= 2 && words[0].equals("hostname")) {
      String flag = words.length == 2 ? words[1] : "";
      HostNames h = ctx.hosts();
      String shown = "$(" + script + ")";
      switch (flag) {
        case "" -> {
          return hostValue(h.shortName(), "hostname", shown, "the pod's host name");
        }
        case "-s", "--short" -> {
          String v = h.shortName() == null ? null : h.shortName().split("\\.", 2)[0];
          return hostValue(v, "hostname -s", shown, "the pod's short host name");
        }
        case "-f", "--fqdn", "--long" -> {
          return hostValue(h.fqdn(), "hostname -f", shown, "the pod's fully qualified host name");
        }
        case "-i", "--ip-address" -> {
          return hostValue(h.ip(), "hostname -i", shown, "the pod's IP address");
        }
        case "-I", "--all-ip-addresses" -> {
          return hostValue(h.ip() == null ? null : h.ip() + " ", "hostname -I", shown,
              "all the pod's addresses, each followed by a space");
        }
        default -> { }
      }
    }
    if (words.length >= 1 && words[0].equals("echo") && !script.contains("|") && !script.contains(";")
        && !script.contains("$(") && !script.contains("`") && !script.contains(">")) {
      try {
        ShellAst.Node n = ShellParser.parse(script, c.line());
        if (n instanceof Sequence q && q.items().size() == 1 && q.items().get(0) instanceof Simple simple
            && simple.assignments().isEmpty()) {
          List<TextValue> f = new ArrayList<>();
          simple.words().subList(1, simple.words().size()).forEach(w -> f.addAll(fields(w, s)));
          if (f.isEmpty() || !f.get(0).known().orElse("").startsWith("-")) {
            TextValue out = TextValue.empty();
            for (int i = 0; i < f.size(); i++) {
              out = out.concat(i == 0 ? f.get(i) : TextValue.of(" ", here).concat(f.get(i)));
            }
            return out;
          }
        }
      } catch (ShellSyntaxException e) {
        // falls through to the unknown value below
      }
    }
    return TextValue.hole("$(" + abbreviate(script) + ")", HoleKind.UNKNOWN, "the output of a command is not evaluated", here);
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 40 ? one.substring(0, 37) + "…" : one;
  }

  private static TextValue hostValue(String value, String command, String shown, String what) {
    if (value == null) {
      return TextValue.hole(shown, HoleKind.RUNTIME, what + ", known only in the running pod", Origin.host(command));
    }
    return TextValue.of(value, Origin.host(command));
  }

  private TextValue param(Param q, State s, Origin here) {
    String shown = "${" + q.name() + (q.op().equals("len") ? "" : q.op()) + (q.arg() == null ? "" : q.arg().literal() != null ? q.arg().literal() : "…") + "}";
    if (q.op().equals("len")) {
      shown = "${#" + q.name() + "}";
    }
    if (q.unsupported()) {
      return TextValue.hole(shown, HoleKind.UNKNOWN, "this form of parameter expansion is not evaluated", here);
    }
    if (q.name().length() == 1 && !Character.isLetter(q.name().charAt(0)) && q.name().charAt(0) != '_') {
      return TextValue.hole(shown, HoleKind.UNKNOWN, "the special parameter $" + q.name() + " is not known here", here);
    }
    Binding b = s.vars.get(q.name());
    Tri set = b == null ? Tri.FALSE : b.mayBeUnset() ? Tri.UNKNOWN : Tri.TRUE;
    Tri nonEmpty = b == null ? Tri.FALSE : nonEmpty(b.value());
    TextValue value = b == null ? TextValue.empty() : b.value();
    String op = q.op();
    switch (op) {
      case "" -> {
        return value;
      }
      case "len" -> {
        return value.known().map(v -> TextValue.of(Integer.toString(v.length()), here))
            .orElse(TextValue.hole(shown, HoleKind.UNKNOWN, "the length of an unknown value", here));
      }
      case "-", ":-", "=", ":=" -> {
        Tri useValue = op.startsWith(":") ? and(set, nonEmpty) : set;
        if (useValue == Tri.TRUE) {
          return value;
        }
        TextValue dflt = q.arg() == null ? TextValue.empty() : single(q.arg(), s);
        if (useValue == Tri.FALSE) {
          if (op.endsWith("=")) {
            Binding old = s.vars.get(q.name());
            s.vars = s.vars.with(q.name(), new Binding(dflt, old != null && old.exported() || s.allexport, false));
          }
          return dflt;
        }
        TextValue unknown = TextValue.hole(shown, HoleKind.UNKNOWN, q.name() + " may be unset"
            + (op.startsWith(":") ? " or empty" : "") + ", and then the default '" + dflt.template() + "' applies", here);
        if (op.endsWith("=")) {
          s.vars = s.vars.with(q.name(), new Binding(unknown, b != null && b.exported() || s.allexport, false));
        }
        return unknown;
      }
      case "+", ":+" -> {
        Tri useAlt = op.startsWith(":") ? and(set, nonEmpty) : set;
        if (useAlt == Tri.TRUE) {
          return q.arg() == null ? TextValue.empty() : single(q.arg(), s);
        }
        if (useAlt == Tri.FALSE) {
          return TextValue.empty();
        }
        return TextValue.hole(shown, HoleKind.UNKNOWN, "whether " + q.name() + " is set is not known", here);
      }
      case "?", ":?" -> {
        Tri ok = op.startsWith(":") ? and(set, nonEmpty) : set;
        if (ok == Tri.FALSE) {
          note(here.line(), ShellNote.Kind.EXIT, q.name() + " is not set, so '" + shown + "' stops the script");
          s.ended = true;
          stopped = true;
        }
        return value;
      }
      case "%", "%%", "#", "##" -> {
        Optional<String> pattern = q.arg() == null ? Optional.of("") : globOf(q.arg(), s);
        Optional<String> v = value.known();
        if (pattern.isPresent() && v.isPresent()) {
          return TextValue.of(Glob.strip(v.get(), pattern.get(), op), value.origins().isEmpty() ? here : value.origins().get(0));
        }
        HoleKind kind = pattern.isPresent() && !value.hasUnknown() ? HoleKind.RUNTIME : HoleKind.UNKNOWN;
        Origin from = value.holes().isEmpty() ? here : value.holes().get(0).origin();
        return TextValue.hole(shown, kind, "part of " + value.template() + ", whose value is not known here", from);
      }
      default -> {
        return TextValue.hole(shown, HoleKind.UNKNOWN, "this form of parameter expansion is not evaluated", here);
      }
    }
  }

  private static Tri and(Tri a, Tri b) {
    if (a == Tri.FALSE || b == Tri.FALSE) {
      return Tri.FALSE;
    }
    return a == Tri.TRUE && b == Tri.TRUE ? Tri.TRUE : Tri.UNKNOWN;
  }

  /** Whether a value is non-empty: values of the running pod (its IP, its name) are never empty. */
  static Tri nonEmpty(TextValue v) {
    if (v.known().isPresent()) {
      return v.known().get().isEmpty() ? Tri.FALSE : Tri.TRUE;
    }
    for (Part p : v.parts()) {
      if (p instanceof Literal l && !l.text().isEmpty() || p instanceof Hole h && h.kind() == HoleKind.RUNTIME) {
        return Tri.TRUE;
      }
    }
    return Tri.UNKNOWN;
  }
}
