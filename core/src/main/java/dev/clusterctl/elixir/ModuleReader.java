package dev.clusterctl.elixir;

import dev.clusterctl.elixir.Ast.AliasN;
import dev.clusterctl.elixir.Ast.Attr;
import dev.clusterctl.elixir.Ast.Bad;
import dev.clusterctl.elixir.Ast.BinOp;
import dev.clusterctl.elixir.Ast.Block;
import dev.clusterctl.elixir.Ast.Call;
import dev.clusterctl.elixir.Ast.Kw;
import dev.clusterctl.elixir.Ast.ListN;
import dev.clusterctl.elixir.Ast.Lit;
import dev.clusterctl.elixir.Ast.MapN;
import dev.clusterctl.elixir.Ast.Node;
import dev.clusterctl.elixir.Ast.Pair;
import dev.clusterctl.elixir.Ast.TupleN;
import dev.clusterctl.elixir.Ast.UnOp;
import dev.clusterctl.elixir.Ast.Var;
import dev.clusterctl.elixir.Evaluator.Scope;
import dev.clusterctl.release.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads an Elixir module file for the child specs of the discovery libraries:
 * {@code {Cluster.Supervisor, [topologies, opts]}} (libcluster) and {@code {DNSCluster, opts}}
 * (dns_cluster), wherever they are written (a {@code children = [...]} list, a
 * {@code Supervisor.child_spec/2} call). Their arguments are evaluated in the scope they are
 * written in: variables bound earlier in the function ({@code topologies =
 * Application.get_env(:libcluster, :topologies)}), module attributes (evaluated as at compile
 * time), zero-arity functions of the module and aliases.
 */
public final class ModuleReader {

  /** The child modules whose specs are collected. */
  public static final Set<String> MODULES = Set.of("Elixir.Cluster.Supervisor", "Elixir.DNSCluster");

  private final String file;
  private final Evaluator runtime;
  private final Evaluator compile;
  private final List<ChildSpec> children = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();

  private ModuleReader(String file) {
    this.file = file;
    this.runtime = new Evaluator(file, Value.Phase.RUNTIME);
    this.compile = new Evaluator(file, Value.Phase.BUILD);
  }

  /** Reads {@code text} as the module file {@code file}; never throws on bad input. */
  public static ModuleFile read(String text, String file) {
    ModuleReader r = new ModuleReader(file);
    Block tree;
    try {
      tree = Parser.parse(text);
    } catch (ElixirSyntaxException e) {
      r.notes.add(new Note(file, e.line(), "the file cannot be read (" + e.getMessage() + "); Elixir refuses it too"));
      return new ModuleFile(file, List.of(), r.notes);
    }
    r.body(tree.statements(), new Scope());
    return new ModuleFile(file, r.children, r.notes);
  }

  private void body(List<Node> stmts, Scope scope) {
    for (Node st : stmts) {
      if (st instanceof Call c && c.target() == null && (c.name().equals("def") || c.name().equals("defp"))
          && !c.args().isEmpty()) {
        Node head = c.args().get(0);
        if (head instanceof Var v) {
          Node b = doBody(c);
          if (b != null) {
            scope.functions.put(v.name(), b);
          }
        } else if (head instanceof Call h && h.args().isEmpty() && h.target() == null) {
          Node b = doBody(c);
          if (b != null) {
            scope.functions.put(h.name(), b);
          }
        }
      }
    }
    for (Node st : stmts) {
      statement(st, scope);
    }
  }

  private static Node doBody(Call c) {
    Node last = c.args().get(c.args().size() - 1);
    if (c.args().size() >= 2 && last instanceof ListN kws) {
      for (Node k : kws.items()) {
        if (k instanceof Kw kw && kw.key() instanceof Lit l && "do".equals(l.value())) {
          return kw.value();
        }
      }
    }
    return null;
  }

  private void statement(Node st, Scope scope) {
    if (st instanceof Bad b) {
      notes.add(new Note(file, st.line(), "cannot be parsed (" + b.message() + "); not read"));
      return;
    }
    if (st instanceof Attr a && a.value() != null) {
      scope.attributes.put(a.name(), compile.eval(a.value(), scope));
      scan(a.value(), scope, compile);
      return;
    }
    if (st instanceof Call c && c.target() == null) {
      switch (c.name()) {
        case "defmodule" -> {
          Node b = doBody(c);
          if (b instanceof Block block) {
            body(block.statements(), scope.child());
          } else if (b != null) {
            body(List.of(b), scope.child());
          }
          return;
        }
        case "def", "defp" -> {
          Node b = doBody(c);
          if (b != null) {
            Scope fn = scope.function();
            for (Node inner : b instanceof Block block ? block.statements() : List.of(b)) {
              scan(inner, fn, runtime);
              runtime.statement(inner, fn);
            }
          }
          return;
        }
        case "alias" -> {
          if (!c.args().isEmpty() && c.args().get(0) instanceof AliasN a && a.base() == null) {
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
          return;
        }
        default -> { }
      }
    }
    scan(st, scope, runtime);
  }

  /** Finds the child specs inside {@code n}, evaluating them in {@code scope}. */
  private void scan(Node n, Scope scope, Evaluator ev) {
    if (n instanceof TupleN t && !t.items().isEmpty()) {
      Value head = ev.eval(t.items().get(0), scope);
      if (head instanceof Value.Atom a && MODULES.contains(a.name())) {
        if (t.items().size() == 2) {
          children.add(new ChildSpec(a.name(), ev.eval(t.items().get(1), scope), ev.origin(t)));
          return;
        }
        if (t.items().size() == 3 && t.items().get(2) instanceof ListN args && args.items().size() == 1) {
          children.add(new ChildSpec(a.name(), ev.eval(args.items().get(0), scope), ev.origin(t)));
          return;
        }
        notes.add(new Note(file, t.line(), "a child spec of " + a.shown() + " in a form this reader does not read"));
        return;
      }
    }
    if (n instanceof ListN l) {
      for (Node item : l.items()) {
        if (item instanceof AliasN a && a.base() == null) {
          Value v = ev.eval(a, scope);
          if (v instanceof Value.Atom atom && MODULES.contains(atom.name())) {
            children.add(new ChildSpec(atom.name(), new Value.ListOf(List.of(), ev.origin(a)), ev.origin(a)));
          }
        }
      }
    }
    for (Node child : children(n)) {
      scan(child, scope, ev);
    }
  }

  private static List<Node> children(Node n) {
    List<Node> out = new ArrayList<>();
    if (n instanceof ListN l) {
      out.addAll(l.items());
      if (l.tail() != null) {
        out.add(l.tail());
      }
    } else if (n instanceof TupleN t) {
      out.addAll(t.items());
    } else if (n instanceof Kw k) {
      out.add(k.value());
    } else if (n instanceof MapN m) {
      for (Pair p : m.pairs()) {
        out.add(p.value());
      }
    } else if (n instanceof Call c) {
      out.addAll(c.args());
      if (c.target() != null) {
        out.add(c.target());
      }
    } else if (n instanceof BinOp b) {
      out.add(b.left());
      out.add(b.right());
    } else if (n instanceof UnOp u) {
      out.add(u.operand());
    } else if (n instanceof Block b) {
      out.addAll(b.statements());
    } else if (n instanceof Attr a && a.value() != null) {
      out.add(a.value());
    }
    return out;
  }

  /** Where a node is, for callers that report it. */
  Origin origin(Node n) {
    return Origin.file(file, n.line());
  }
}
