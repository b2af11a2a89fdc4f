package dev.clusterctl.elixir;

import dev.clusterctl.elixir.Ast.AliasN;
import dev.clusterctl.elixir.Ast.Attr;
import dev.clusterctl.elixir.Ast.Bad;
import dev.clusterctl.elixir.Ast.BinN;
import dev.clusterctl.elixir.Ast.BinOp;
import dev.clusterctl.elixir.Ast.Block;
import dev.clusterctl.elixir.Ast.Call;
import dev.clusterctl.elixir.Ast.Fn;
import dev.clusterctl.elixir.Ast.Kw;
import dev.clusterctl.elixir.Ast.ListN;
import dev.clusterctl.elixir.Ast.Lit;
import dev.clusterctl.elixir.Ast.MapN;
import dev.clusterctl.elixir.Ast.Node;
import dev.clusterctl.elixir.Ast.Pair;
import dev.clusterctl.elixir.Ast.QAtom;
import dev.clusterctl.elixir.Ast.SigilN;
import dev.clusterctl.elixir.Ast.Str;
import dev.clusterctl.elixir.Ast.TupleN;
import dev.clusterctl.elixir.Ast.UnOp;
import dev.clusterctl.elixir.Ast.Var;
import dev.clusterctl.release.Origin;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns expressions into {@link Value}s without running anything: literals as they are, the
 * calls config files use to read the environment and the application config as deferred
 * values, and everything else as {@link Value.Unknown} with its text and line.
 */
final class Evaluator {

  private static final Set<String> CONVERSIONS = Set.of("String.to_integer", "String.to_atom", "String.to_existing_atom",
      "String.to_charlist", "String.to_float", "String.trim", "String.split", "to_string", "to_charlist", "Kernel.to_string",
      "Kernel.to_charlist", "String.downcase", "String.upcase", "Keyword.get", "Keyword.fetch!");

  /** Variables, module attributes and aliases in effect. */
  static final class Scope {
    final Map<String, Value> vars;
    final Map<String, Value> attributes;
    final Map<String, List<String>> aliases;
    /** Zero-arity functions of the module being read, by name: their bodies. */
    final Map<String, Node> functions;

    Scope() {
      this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    private Scope(Map<String, Value> vars, Map<String, Value> attributes, Map<String, List<String>> aliases,
        Map<String, Node> functions) {
      this.vars = vars;
      this.attributes = attributes;
      this.aliases = aliases;
      this.functions = functions;
    }

    /** A scope for a nested block: new bindings there do not reach this one. */
    Scope child() {
      return new Scope(new HashMap<>(vars), attributes, new HashMap<>(aliases), functions);
    }

    /** A scope for a function body: no variables, the module's attributes, aliases and functions. */
    Scope function() {
      return new Scope(new HashMap<>(), attributes, new HashMap<>(aliases), functions);
    }
  }

  private final String file;
  private final Value.Phase phase;
  private int calls;

  Evaluator(String file, Value.Phase phase) {
    this.file = file;
    this.phase = phase;
  }

  Origin origin(Node n) {
    return Origin.file(file, n.line());
  }

  Value unknown(Node n, String why) {
    return new Value.Unknown(n.span().text(), why, origin(n));
  }

  Value eval(Node n, Scope s) {
    if (n instanceof Lit l) {
      return literal(l);
    }
    if (n instanceof Str str) {
      return string(str, s);
    }
    if (n instanceof QAtom q) {
      return new Value.Convert("String.to_atom", string(new Str(q.parts(), false, q.span()), s), List.of(), origin(n));
    }
    if (n instanceof Var v) {
      if (v.name().startsWith("__") && v.name().endsWith("__")) {
        return unknown(n, v.name() + " depends on where the code is compiled; not read");
      }
      Value bound = s.vars.get(v.name());
      return bound != null ? bound : unknown(n, "the variable " + v.name() + " is not bound to a value read here");
    }
    if (n instanceof AliasN a) {
      return alias(a, s);
    }
    if (n instanceof ListN l) {
      return list(l, s);
    }
    if (n instanceof Kw kw) {
      return new Value.TupleOf(List.of(eval(kw.key(), s), eval(kw.value(), s)), origin(n));
    }
    if (n instanceof TupleN t) {
      List<Value> items = new ArrayList<>();
      t.items().forEach(item -> items.add(eval(item, s)));
      return new Value.TupleOf(items, origin(n));
    }
    if (n instanceof MapN m) {
      if (m.struct() != null || m.update() != null) {
        return unknown(n, m.struct() != null ? "structs are not read" : "map updates are not read");
      }
      List<Value.Entry> entries = new ArrayList<>();
      for (Pair p : m.pairs()) {
        entries.add(new Value.Entry(eval(p.key(), s), eval(p.value(), s)));
      }
      return new Value.MapOf(entries, origin(n));
    }
    if (n instanceof BinN) {
      return unknown(n, "binaries are not read");
    }
    if (n instanceof SigilN sig) {
      return sigil(sig, s);
    }
    if (n instanceof Call c) {
      return call(c, s);
    }
    if (n instanceof BinOp b) {
      return binary(b, s);
    }
    if (n instanceof UnOp u) {
      return unary(u, s);
    }
    if (n instanceof Attr a) {
      if (a.value() != null) {
        return eval(a.value(), s);
      }
      Value v = s.attributes.get(a.name());
      return v != null ? v : unknown(n, "the module attribute @" + a.name() + " is not set to a value read here");
    }
    if (n instanceof Block b) {
      Value last = new Value.Atom("nil", origin(n));
      for (Node st : b.statements()) {
        last = statement(st, s);
      }
      return last;
    }
    if (n instanceof Fn) {
      return unknown(n, "anonymous functions are not read");
    }
    if (n instanceof Ast.Access a) {
      return new Value.Convert("access", eval(a.target(), s), List.of(eval(a.key(), s)), origin(n));
    }
    Bad bad = (Bad) n;
    return unknown(n, "cannot be parsed (" + bad.message() + ")");
  }

  /** A statement inside a block: a match binds variables. */
  Value statement(Node st, Scope s) {
    if (st instanceof BinOp b && b.op().equals("=")) {
      Value v = eval(b.right(), s);
      if (b.left() instanceof Var var) {
        s.vars.put(var.name(), v);
      }
      return v;
    }
    return eval(st, s);
  }

  private Value literal(Lit l) {
    Origin o = origin(l);
    return switch (l.type()) {
      case 'i' -> new Value.Int((BigInteger) l.value(), o);
      case 'f' -> new Value.Real((Double) l.value(), o);
      case 'a' -> new Value.Atom((String) l.value(), o);
      case 'c' -> new Value.Chars((String) l.value(), o);
      default -> new Value.Text((String) l.value(), o);
    };
  }

  private Value string(Str str, Scope s) {
    List<Value> parts = new ArrayList<>();
    for (Object p : str.parts()) {
      parts.add(p instanceof String t ? new Value.Text(t, origin(str)) : eval((Node) p, s));
    }
    Value joined = Resolver.fold(parts, origin(str));
    if (str.charlist()) {
      return joined instanceof Value.Text t ? new Value.Chars(t.text(), t.origin())
          : new Value.Convert("to_charlist", joined, List.of(), origin(str));
    }
    return joined;
  }

  private Value alias(AliasN a, Scope s) {
    if (a.base() != null) {
      return unknown(a, "an alias built on " + a.base().span().text() + " is not read");
    }
    List<String> segs = new ArrayList<>(a.segments());
    List<String> expanded = s.aliases.get(segs.get(0));
    if (expanded != null) {
      segs.remove(0);
      segs.addAll(0, expanded);
    }
    String name = String.join(".", segs);
    return new Value.Atom(name.startsWith("Elixir.") || name.equals("Elixir") ? name : "Elixir." + name, origin(a));
  }

  private Value list(ListN l, Scope s) {
    List<Value> items = new ArrayList<>();
    l.items().forEach(item -> items.add(eval(item, s)));
    if (l.tail() != null) {
      Value tail = eval(l.tail(), s);
      if (tail instanceof Value.ListOf t) {
        items.addAll(t.items());
      } else {
        return unknown(l, "a list with a tail that is not a list read here");
      }
    }
    return new Value.ListOf(items, origin(l));
  }

  private Value sigil(SigilN sig, Scope s) {
    Value text = string(new Str(sig.parts(), false, sig.span()), s);
    char letter = Character.toLowerCase(sig.letter());
    if (!(text instanceof Value.Text t)) {
      return letter == 's' ? text : unknown(sig, "a sigil with interpolation is not read");
    }
    switch (letter) {
      case 's' -> {
        return t;
      }
      case 'c' -> {
        return new Value.Chars(t.text(), origin(sig));
      }
      case 'w' -> {
        List<Value> words = new ArrayList<>();
        for (String w : t.text().strip().split("\\s+")) {
          if (w.isEmpty()) {
            continue;
          }
          Origin o = origin(sig);
          words.add(sig.modifiers().contains("a") ? new Value.Atom(w, o)
              : sig.modifiers().contains("c") ? new Value.Chars(w, o) : new Value.Text(w, o));
        }
        return new Value.ListOf(words, origin(sig));
      }
      default -> {
        return unknown(sig, "the sigil ~" + sig.letter() + " is not read");
      }
    }
  }

  private Value binary(BinOp b, Scope s) {
    Origin o = origin(b);
    switch (b.op()) {
      case "||", "&&" -> {
        return new Value.Either(b.op(), eval(b.left(), s), eval(b.right(), s), o);
      }
      case "or", "and" -> {
        return new Value.Either(b.op().equals("or") ? "||" : "&&", eval(b.left(), s), eval(b.right(), s), o);
      }
      case "<>" -> {
        return Resolver.fold(List.of(eval(b.left(), s), eval(b.right(), s)), o);
      }
      case "|>" -> {
        Node right = b.right();
        if (right instanceof Call c) {
          List<Node> args = new ArrayList<>();
          args.add(b.left());
          args.addAll(c.args());
          return call(new Call(c.target(), c.name(), args, true, c.span()), s);
        }
        if (right instanceof AliasN || right instanceof Var) {
          return unknown(b, "a pipe into something that is not a call");
        }
        return unknown(b, "a pipe into something that is not a call");
      }
      case "++" -> {
        Value l = eval(b.left(), s);
        Value r = eval(b.right(), s);
        if (l instanceof Value.ListOf ll && r instanceof Value.ListOf rl) {
          List<Value> items = new ArrayList<>(ll.items());
          items.addAll(rl.items());
          return new Value.ListOf(items, o);
        }
        return unknown(b, "'++' of values not read as lists");
      }
      case "==", "!=" -> {
        Value l = eval(b.left(), s);
        Value r = eval(b.right(), s);
        if (Value.isLiteral(l) && Value.isLiteral(r)) {
          boolean eq = ElixirTerms.toTerm(l).equals(ElixirTerms.toTerm(r));
          return new Value.Atom(Boolean.toString(b.op().equals("==") == eq), o);
        }
        return unknown(b, "a comparison of values known only later");
      }
      default -> {
        return unknown(b, "the operator " + b.op() + " is not evaluated");
      }
    }
  }

  private Value unary(UnOp u, Scope s) {
    Value v = eval(u.operand(), s);
    switch (u.op()) {
      case "-" -> {
        if (v instanceof Value.Int i) {
          return new Value.Int(i.value().negate(), origin(u));
        }
        if (v instanceof Value.Real r) {
          return new Value.Real(-r.value(), origin(u));
        }
      }
      case "+" -> {
        if (v instanceof Value.Int || v instanceof Value.Real) {
          return v;
        }
      }
      case "!", "not" -> {
        if (v instanceof Value.Atom a && Value.isLiteral(v)) {
          return new Value.Atom(Boolean.toString(a.falsy()), origin(u));
        }
        if (Value.isLiteral(v)) {
          return new Value.Atom("false", origin(u));
        }
      }
      default -> { }
    }
    return unknown(u, "the operator " + u.op() + " is not evaluated here");
  }

  private Value call(Call c, Scope s) {
    String name = calleeName(c, s);
    List<Node> args = c.args();
    Origin o = origin(c);
    if (name == null) {
      return unknown(c, "the call is not evaluated");
    }
    switch (name) {
      case "System.get_env" -> {
        if (args.size() == 1 || args.size() == 2) {
          Optional<String> var = literalText(args.get(0), s);
          if (var.isPresent()) {
            return args.size() == 1 ? new Value.FromEnv(var.get(), null, Value.EnvCall.GET, phase, o)
                : new Value.FromEnv(var.get(), eval(args.get(1), s), Value.EnvCall.GET_DEFAULT, phase, o);
          }
        }
        return unknown(c, "System.get_env with a variable name that is not a literal string");
      }
      case "System.fetch_env!" -> {
        Optional<String> var = args.size() == 1 ? literalText(args.get(0), s) : Optional.empty();
        return var.<Value>map(v -> new Value.FromEnv(v, null, Value.EnvCall.FETCH, phase, o))
            .orElseGet(() -> unknown(c, "System.fetch_env! with a variable name that is not a literal string"));
      }
      case "Application.get_env", "Application.compile_env", "Application.fetch_env!", "Application.compile_env!" -> {
        if (args.size() == 2 || args.size() == 3 && !name.endsWith("!")) {
          Value app = eval(args.get(0), s);
          Value key = eval(args.get(1), s);
          if (app instanceof Value.Atom a && key instanceof Value.Atom k) {
            return new Value.AppEnv(a.name(), k.name(), args.size() == 3 ? eval(args.get(2), s) : null, name.endsWith("!"), o);
          }
        }
        return unknown(c, name + " with arguments that are not literal atoms");
      }
      case "config_env", "Config.config_env", "Mix.env" -> {
        return args.isEmpty() ? new Value.ConfigEnv(o) : unknown(c, "not read");
      }
      case "raise" -> {
        Optional<String> msg = args.size() == 1 ? literalText(args.get(0), s) : Optional.empty();
        return new Value.Raise(msg.orElse(c.span().text()), o);
      }
      case "if", "unless" -> {
        return ifValue(c, s, name.equals("unless"));
      }
      default -> { }
    }
    if (c.target() == null && args.isEmpty() && s.functions.containsKey(name) && calls < 16) {
      calls++;
      try {
        return eval(s.functions.get(name), s.function());
      } finally {
        calls--;
      }
    }
    if (CONVERSIONS.contains(name)) {
      if (args.isEmpty()) {
        return unknown(c, name + " without arguments");
      }
      List<Value> extra = new ArrayList<>();
      args.subList(1, args.size()).forEach(a -> extra.add(eval(a, s)));
      String fn = name.startsWith("Kernel.") ? name.substring("Kernel.".length()) : name;
      return new Value.Convert(fn, eval(args.get(0), s), extra, o);
    }
    return unknown(c, "the function " + name + " is not evaluated");
  }

  /** {@code if cond, do: a, else: b} (or with a do-block) as a value. */
  private Value ifValue(Call c, Scope s, boolean unless) {
    if (c.args().size() != 2 || !(c.args().get(1) instanceof ListN kws)) {
      return unknown(c, "an 'if' this reader does not read");
    }
    Value then = new Value.Atom("nil", origin(c));
    Value otherwise = new Value.Atom("nil", origin(c));
    for (Node k : kws.items()) {
      if (k instanceof Kw kw && kw.key() instanceof Lit l) {
        if ("do".equals(l.value())) {
          then = eval(kw.value(), s.child());
        } else if ("else".equals(l.value())) {
          otherwise = eval(kw.value(), s.child());
        }
      }
    }
    Value cond = eval(c.args().get(0), s);
    return unless ? new Value.Convert("if", cond, List.of(otherwise, then), origin(c))
        : new Value.Convert("if", cond, List.of(then, otherwise), origin(c));
  }

  /** {@code Mod.fun} or {@code fun} for a call, aliases expanded; null when the target is not a module. */
  String calleeName(Call c, Scope s) {
    if (c.target() == null) {
      return c.name();
    }
    if (c.target() instanceof AliasN a && a.base() == null) {
      List<String> segs = new ArrayList<>(a.segments());
      List<String> expanded = s.aliases.get(segs.get(0));
      if (expanded != null) {
        segs.remove(0);
        segs.addAll(0, expanded);
      }
      return String.join(".", segs) + "." + c.name();
    }
    if (c.target() instanceof Lit l && l.type() == 'a') {
      return ":" + l.value() + "." + c.name();
    }
    return null;
  }

  private Optional<String> literalText(Node n, Scope s) {
    Value v = eval(n, s);
    return v instanceof Value.Text t ? Optional.of(t.text()) : Optional.empty();
  }
}
