package dev.clusterctl.elixir;

import dev.clusterctl.elixir.Ast.AliasN;
import dev.clusterctl.elixir.Ast.Bad;
import dev.clusterctl.elixir.Ast.BinOp;
import dev.clusterctl.elixir.Ast.Block;
import dev.clusterctl.elixir.Ast.Call;
import dev.clusterctl.elixir.Ast.Kw;
import dev.clusterctl.elixir.Ast.ListN;
import dev.clusterctl.elixir.Ast.Lit;
import dev.clusterctl.elixir.Ast.Node;
import dev.clusterctl.elixir.Ast.UnOp;
import dev.clusterctl.elixir.Ast.Var;
import dev.clusterctl.elixir.ConfigScript.Fail;
import dev.clusterctl.elixir.ConfigScript.Import;
import dev.clusterctl.elixir.ConfigScript.Put;
import dev.clusterctl.elixir.ConfigScript.Statement;
import dev.clusterctl.elixir.Evaluator.Scope;
import dev.clusterctl.release.Origin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an Elixir config file ({@code config/config.exs}, {@code config/prod.exs},
 * {@code config/runtime.exs}) into a {@link ConfigScript}: every {@code config/2} and
 * {@code config/3} call and every {@code import_config}, including those inside
 * {@code if}/{@code unless} (their condition kept as data), with variables bound earlier in the
 * file. Calls inside constructs it does not follow ({@code case}, {@code cond}…) are kept under
 * a condition marked as not read, so nothing they set is taken as certain.
 *
 * <p>Never throws on bad input: a file that cannot be tokenized gives one note and no statement.
 */
public final class ConfigReader {

  private static final Set<String> BLOCKS = Set.of("case", "cond", "with", "for", "try", "receive");

  private final String file;
  private final Evaluator ev;
  private final List<Statement> statements = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();

  private ConfigReader(String file, Value.Phase phase) {
    this.file = file;
    this.ev = new Evaluator(file, phase);
  }

  /** The phase of a config file by its name: {@code runtime.exs} and {@code releases.exs} run in the node. */
  public static Value.Phase phaseOf(String file) {
    String base = file.substring(file.lastIndexOf('/') + 1);
    return base.equals("runtime.exs") || base.equals("releases.exs") ? Value.Phase.RUNTIME : Value.Phase.BUILD;
  }

  /** Reads {@code text} as the config file {@code file}. */
  public static ConfigScript read(String text, String file) {
    return read(text, file, phaseOf(file));
  }

  /** Reads {@code text} as a config file evaluated in {@code phase}. */
  public static ConfigScript read(String text, String file, Value.Phase phase) {
    ConfigReader r = new ConfigReader(file, phase);
    Block tree;
    try {
      tree = Parser.parse(text);
    } catch (ElixirSyntaxException e) {
      r.notes.add(new Note(file, e.line(), "the file cannot be read (" + e.getMessage()
          + "); Elixir refuses it too, so the release would not build"));
      return new ConfigScript(file, phase, List.of(), r.notes);
    }
    r.process(tree.statements(), new Scope(), Condition.ALWAYS);
    return new ConfigScript(file, phase, r.statements, r.notes);
  }

  private Origin origin(Node n) {
    return Origin.file(file, n.line());
  }

  private void process(List<Node> stmts, Scope scope, Condition cond) {
    for (Node st : stmts) {
      statement(st, scope, cond);
    }
  }

  private void statement(Node st, Scope scope, Condition cond) {
    if (st instanceof Bad b) {
      notes.add(new Note(file, st.line(), "cannot be parsed (" + b.message() + "); not read"));
      return;
    }
    if (st instanceof BinOp b && b.op().equals("=")) {
      if (b.left() instanceof Var v) {
        scope.vars.put(v.name(), ev.eval(b.right(), scope));
      } else {
        notes.add(new Note(file, st.line(), "a pattern match other than 'name = value' is not read"));
      }
      return;
    }
    if (!(st instanceof Call c)) {
      return;
    }
    String name = ev.calleeName(c, scope);
    if (name == null) {
      notes.add(new Note(file, st.line(), "a call that is not read: " + c.span().text()));
      return;
    }
    switch (name) {
      case "import", "use", "require" -> {
        String what = c.args().isEmpty() ? "" : c.args().get(0).span().text();
        if (!what.equals("Config") && !what.equals("Mix.Config")) {
          notes.add(new Note(file, st.line(), "'" + name + " " + what + "' is not followed"));
        }
      }
      case "alias" -> alias(c, scope);
      case "config", "Config.config" -> put(c, scope, cond);
      case "import_config", "Config.import_config" -> {
        if (c.args().size() == 1) {
          statements.add(new Import(ev.eval(c.args().get(0), scope), cond, origin(c)));
        } else {
          notes.add(new Note(file, st.line(), "import_config with " + c.args().size() + " arguments is not read"));
        }
      }
      case "if", "unless" -> ifStatement(c, scope, cond, name.equals("unless"));
      case "raise" -> statements.add(new Fail(ev.eval(c, scope), cond, origin(c)));
      default -> {
        if (BLOCKS.contains(name)) {
          notes.add(new Note(file, st.line(), "'" + name + "' is not evaluated; config calls inside it are kept as uncertain"));
          Condition opaque = Condition.and(cond, new Condition.Opaque("'" + name + "' at " + origin(c), origin(c)));
          for (Node inner : blocks(c)) {
            scanOpaque(inner, scope.child(), opaque);
          }
        } else {
          notes.add(new Note(file, st.line(), "the call " + name + " is not evaluated"));
        }
      }
    }
  }

  /** Follows config calls inside a construct that is not evaluated, under an undecided condition. */
  private void scanOpaque(Node n, Scope scope, Condition cond) {
    if (n instanceof Block b) {
      b.statements().forEach(s -> scanOpaque(s, scope, cond));
    } else if (n instanceof BinOp b && b.op().equals("->")) {
      scanOpaque(b.right(), scope, cond);
    } else if (n instanceof Call c) {
      String name = ev.calleeName(c, scope);
      if (name != null && (name.endsWith("config") || name.endsWith("import_config") || name.equals("if") || name.equals("unless"))) {
        statement(c, scope, cond);
      } else {
        for (Node inner : blocks(c)) {
          scanOpaque(inner, scope, cond);
        }
      }
    }
  }

  /** The do/else blocks given to a call. */
  private static List<Node> blocks(Call c) {
    List<Node> out = new ArrayList<>();
    if (!c.args().isEmpty() && c.args().get(c.args().size() - 1) instanceof ListN kws) {
      for (Node k : kws.items()) {
        if (k instanceof Kw kw) {
          out.add(kw.value());
        }
      }
    }
    return out;
  }

  private void alias(Call c, Scope scope) {
    if (c.args().isEmpty() || !(c.args().get(0) instanceof AliasN a) || a.base() != null) {
      return;
    }
    String as = a.segments().get(a.segments().size() - 1);
    if (c.args().size() == 2 && c.args().get(1) instanceof ListN opts) {
      for (Node k : opts.items()) {
        if (k instanceof Kw kw && kw.key() instanceof Lit l && "as".equals(l.value()) && kw.value() instanceof AliasN to) {
          as = to.segments().get(0);
        }
      }
    }
    scope.aliases.put(as, a.segments());
  }

  private void put(Call c, Scope scope, Condition cond) {
    List<Node> args = c.args();
    if (args.size() != 2 && args.size() != 3) {
      notes.add(new Note(file, c.line(), "config with " + args.size() + " arguments is not read"));
      return;
    }
    Value app = ev.eval(args.get(0), scope);
    if (!(app instanceof Value.Atom a)) {
      notes.add(new Note(file, c.line(), "config for an application that is not a literal atom is not read"));
      return;
    }
    if (args.size() == 2) {
      statements.add(new Put(a.name(), null, ev.eval(args.get(1), scope), cond, origin(c)));
      return;
    }
    Value key = ev.eval(args.get(1), scope);
    if (!(key instanceof Value.Atom k)) {
      statements.add(new Put(a.name(), null, new Value.Unknown(args.get(1).span().text(),
          "a config key that is not a literal atom or alias", origin(c)), cond, origin(c)));
      return;
    }
    statements.add(new Put(a.name(), k.name(), ev.eval(args.get(2), scope), cond, origin(c)));
  }

  private void ifStatement(Call c, Scope scope, Condition cond, boolean unless) {
    if (c.args().size() != 2 || !(c.args().get(1) instanceof ListN kws)) {
      notes.add(new Note(file, c.line(), "an 'if' of a form this reader does not read"));
      return;
    }
    Condition test = condition(c.args().get(0), scope);
    if (unless) {
      test = new Condition.Not(test);
    }
    for (Node k : kws.items()) {
      if (!(k instanceof Kw kw) || !(kw.key() instanceof Lit l)) {
        continue;
      }
      Condition branch = "do".equals(l.value()) ? test : "else".equals(l.value()) ? new Condition.Not(test) : null;
      if (branch == null) {
        continue;
      }
      List<Node> body = kw.value() instanceof Block b ? b.statements() : List.of(kw.value());
      process(body, scope.child(), Condition.and(cond, branch));
    }
  }

  /** The condition of an {@code if}, as data. */
  Condition condition(Node n, Scope scope) {
    if (n instanceof BinOp b) {
      switch (b.op()) {
        case "and", "&&" -> {
          return new Condition.All(condition(b.left(), scope), condition(b.right(), scope));
        }
        case "or", "||" -> {
          return new Condition.Any(condition(b.left(), scope), condition(b.right(), scope));
        }
        case "==", "!=", "===", "!==" -> {
          Condition eq = equality(ev.eval(b.left(), scope), ev.eval(b.right(), scope), n);
          return b.op().startsWith("!") ? new Condition.Not(eq) : eq;
        }
        case "in", "not in" -> {
          Condition in = membership(ev.eval(b.left(), scope), ev.eval(b.right(), scope), n);
          return b.op().equals("not in") ? new Condition.Not(in) : in;
        }
        default -> { }
      }
    }
    if (n instanceof UnOp u && (u.op().equals("!") || u.op().equals("not"))) {
      return new Condition.Not(condition(u.operand(), scope));
    }
    Value v = ev.eval(n, scope);
    if (v instanceof Value.FromEnv e && e.call() == Value.EnvCall.GET) {
      return new Condition.EnvTest(e.variable(), null, e.origin());
    }
    if (Value.isLiteral(v)) {
      return new Condition.Const(!(v instanceof Value.Atom a && a.falsy()));
    }
    return new Condition.Opaque(n.span().text(), origin(n));
  }

  private Condition equality(Value l, Value r, Node n) {
    if (r instanceof Value.ConfigEnv) {
      Value t = l;
      l = r;
      r = t;
    }
    if (l instanceof Value.ConfigEnv && r instanceof Value.Atom a) {
      return new Condition.ConfigEnvIn(Set.of(a.name()));
    }
    if (r instanceof Value.FromEnv) {
      Value t = l;
      l = r;
      r = t;
    }
    if (l instanceof Value.FromEnv e && e.call() == Value.EnvCall.GET && r instanceof Value.Text t) {
      return new Condition.EnvTest(e.variable(), Set.of(t.text()), e.origin());
    }
    if (Value.isLiteral(l) && Value.isLiteral(r)) {
      return new Condition.Const(ElixirTerms.same(l, r));
    }
    return new Condition.Opaque(n.span().text(), origin(n));
  }

  private Condition membership(Value l, Value r, Node n) {
    if (r instanceof Value.ListOf list && Value.isLiteral(r)) {
      Set<String> names = new HashSet<>();
      boolean atoms = list.items().stream().allMatch(i -> i instanceof Value.Atom);
      boolean texts = list.items().stream().allMatch(i -> i instanceof Value.Text);
      list.items().forEach(i -> names.add(i instanceof Value.Atom a ? a.name() : i instanceof Value.Text t ? t.text() : ""));
      if (l instanceof Value.ConfigEnv && atoms) {
        return new Condition.ConfigEnvIn(names);
      }
      if (l instanceof Value.FromEnv e && e.call() == Value.EnvCall.GET && texts) {
        return new Condition.EnvTest(e.variable(), names, e.origin());
      }
    }
    return new Condition.Opaque(n.span().text(), origin(n));
  }
}
