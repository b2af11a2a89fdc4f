package dev.clusterctl.elixir;

import java.util.List;

/** The parsed form of Elixir source, close to Elixir's own quoted form. */
final class Ast {

  private Ast() {}

  /** Where a node is: its source text and first line. */
  record Span(String src, int start, int end, int line) {
    String text() {
      String t = src.substring(Math.max(0, start), Math.min(src.length(), Math.max(start, end))).strip();
      String one = t.replaceAll("\\s+", " ");
      return one.length() > 120 ? one.substring(0, 117) + "…" : one;
    }
  }

  sealed interface Node permits Lit, Str, QAtom, Var, AliasN, ListN, Kw, TupleN, MapN, BinN, Call, BinOp, UnOp, Attr, Block,
      Fn, Access, SigilN, Bad {
    Span span();

    default int line() {
      return span().line();
    }
  }

  /** A literal: {@code type} is 'i' (BigInteger), 'f' (Double), 'a' (atom name), 't' (string), 'c' (charlist). */
  record Lit(char type, Object value, Span span) implements Node {}

  /** A string or charlist with interpolations: parts are String or Node. */
  record Str(List<Object> parts, boolean charlist, Span span) implements Node {}

  /** A quoted atom with interpolation. */
  record QAtom(List<Object> parts, Span span) implements Node {}

  /** A variable (or {@code __MODULE__} and friends). */
  record Var(String name, Span span) implements Node {}

  /** An alias {@code Foo.Bar}; {@code base} is set for {@code __MODULE__.Foo}. */
  record AliasN(List<String> segments, Node base, Span span) implements Node {}

  /** A list; {@code tail} is set for {@code [h | t]}. */
  record ListN(List<Node> items, Node tail, Span span) implements Node {}

  /** A keyword pair {@code key: value} (a list element or a trailing argument). */
  record Kw(Node key, Node value, Span span) implements Node {}

  /** A tuple. */
  record TupleN(List<Node> items, Span span) implements Node {}

  /** One map pair. */
  record Pair(Node key, Node value) {}

  /** A map or struct; {@code update} is set for {@code %{m | …}}, {@code struct} for {@code %Name{}}. */
  record MapN(List<Pair> pairs, Node update, Node struct, Span span) implements Node {}

  /** A binary {@code <<…>>}, not read. */
  record BinN(Span span) implements Node {}

  /**
   * A call: local ({@code target} null), remote ({@code Mod.fun}), field access without parens
   * ({@code map.key}), or anonymous ({@code name} "."). A do-block is the last argument, a
   * keyword list with {@code do:} (and {@code else:} …).
   */
  record Call(Node target, String name, List<Node> args, boolean parens, Span span) implements Node {}

  /** A binary operator. */
  record BinOp(String op, Node left, Node right, Span span) implements Node {}

  /** A unary operator. */
  record UnOp(String op, Node operand, Span span) implements Node {}

  /** {@code @name value} (definition) or {@code @name} (read, {@code value} null). */
  record Attr(String name, Node value, Span span) implements Node {}

  /** Statements in order. */
  record Block(List<Node> statements, Span span) implements Node {}

  /** {@code fn … end}, not read. */
  record Fn(Span span) implements Node {}

  /** {@code term[key]}. */
  record Access(Node target, Node key, Span span) implements Node {}

  /** A sigil. */
  record SigilN(char letter, List<Object> parts, String modifiers, Span span) implements Node {}

  /** Source that could not be parsed. */
  record Bad(String message, Span span) implements Node {}
}
