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
import dev.clusterctl.elixir.Ast.Span;
import dev.clusterctl.elixir.Ast.Str;
import dev.clusterctl.elixir.Ast.TupleN;
import dev.clusterctl.elixir.Ast.UnOp;
import dev.clusterctl.elixir.Ast.Var;
import dev.clusterctl.elixir.Token.Interp;
import dev.clusterctl.elixir.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses Elixir source into {@link Ast} nodes: operators by precedence, calls with and without
 * parentheses, {@code do … end} blocks, lists, keyword lists, tuples, maps, structs, module
 * attributes, sigils and interpolation.
 *
 * <p>Hand-written: no maintained Java library reads Elixir. A statement that cannot be parsed
 * becomes a {@link Bad} node covering its text, and parsing goes on with the next statement.
 */
final class Parser {

  private static final int MAX_DEPTH = 300;

  /** Binary operators: precedence (higher binds tighter) and right associativity. */
  private static final Map<String, int[]> BINARY = Map.ofEntries(
      Map.entry("->", new int[] {1, 1}),
      Map.entry("\\\\", new int[] {2, 0}), Map.entry("<-", new int[] {2, 0}),
      Map.entry("when", new int[] {3, 1}),
      Map.entry("::", new int[] {4, 1}),
      Map.entry("|", new int[] {5, 1}),
      Map.entry("=>", new int[] {6, 1}),
      Map.entry("=", new int[] {8, 1}),
      Map.entry("||", new int[] {9, 0}), Map.entry("|||", new int[] {9, 0}), Map.entry("or", new int[] {9, 0}),
      Map.entry("&&", new int[] {10, 0}), Map.entry("&&&", new int[] {10, 0}), Map.entry("and", new int[] {10, 0}),
      Map.entry("==", new int[] {11, 0}), Map.entry("!=", new int[] {11, 0}), Map.entry("=~", new int[] {11, 0}),
      Map.entry("===", new int[] {11, 0}), Map.entry("!==", new int[] {11, 0}),
      Map.entry("<", new int[] {12, 0}), Map.entry(">", new int[] {12, 0}), Map.entry("<=", new int[] {12, 0}),
      Map.entry(">=", new int[] {12, 0}),
      Map.entry("|>", new int[] {13, 0}), Map.entry("<<<", new int[] {13, 0}), Map.entry(">>>", new int[] {13, 0}),
      Map.entry("<<~", new int[] {13, 0}), Map.entry("~>>", new int[] {13, 0}), Map.entry("<~", new int[] {13, 0}),
      Map.entry("~>", new int[] {13, 0}), Map.entry("<~>", new int[] {13, 0}),
      Map.entry("in", new int[] {14, 0}), Map.entry("not in", new int[] {14, 0}),
      Map.entry("^^^", new int[] {15, 0}),
      Map.entry("++", new int[] {16, 1}), Map.entry("--", new int[] {16, 1}), Map.entry("..", new int[] {16, 1}),
      Map.entry("<>", new int[] {16, 1}), Map.entry("//", new int[] {16, 1}),
      Map.entry("+", new int[] {17, 0}), Map.entry("-", new int[] {17, 0}),
      Map.entry("*", new int[] {18, 0}), Map.entry("/", new int[] {18, 0}),
      Map.entry("**", new int[] {19, 1}));
  private static final int UNARY = 20;
  private static final int CAPTURE = 7;

  /** Operators that may start a continuation line ({@code |> f()} under the expression). */
  private static final Set<String> LEADING = Set.of("|>", "||", "&&", "<>", "++", "--", "..", "==", "!=", "and", "or", "in", "when", ".");
  private static final Set<String> BLOCK_WORDS = Set.of("end", "else", "rescue", "catch", "after");
  private static final Set<String> NOT_ARGS = Set.of("do", "end", "else", "rescue", "catch", "after", "when", "and", "or", "in");

  private final String src;
  private final List<Token> tokens;
  private int i;
  private int noDo;
  private int depth;

  private Parser(String src, int firstLine) {
    this.src = src;
    this.tokens = Lexer.tokens(src, firstLine);
  }

  /** Parses a whole file into a block of top-level statements. */
  static Block parse(String src) {
    Parser p = new Parser(src, 1);
    List<Node> stmts = p.statements(Set.of(), false);
    return new Block(stmts, new Span(src, 0, src.length(), 1));
  }

  /** Parses the code of an interpolation. */
  static Node parseInterpolation(Interp in) {
    Parser p = new Parser(in.code(), in.line());
    List<Node> stmts = p.statements(Set.of(), false);
    if (stmts.size() == 1) {
      return stmts.get(0);
    }
    return new Block(stmts, new Span(in.code(), 0, in.code().length(), in.line()));
  }

  // ---- token helpers ----

  private Token peek() {
    return tokens.get(i);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(i + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(i);
    if (i < tokens.size() - 1) {
      i++;
    }
    return t;
  }

  private boolean at(Kind k) {
    return peek().is(k);
  }

  private boolean atIdent(String name) {
    return peek().isIdent(name);
  }

  private void skipNewlines() {
    while (at(Kind.NEWLINE)) {
      next();
    }
  }

  private Token expect(Kind k, String what) {
    if (!at(k)) {
      throw error("expected " + what);
    }
    return next();
  }

  private ElixirSyntaxException error(String what) {
    Token t = peek();
    String found = t.is(Kind.EOF) ? "the end of the file" : t.is(Kind.NEWLINE) ? "the end of the line" : "'" + t.text() + "'";
    return new ElixirSyntaxException(t.line(), what + ", found " + found);
  }

  private Span span(Token first) {
    Token last = tokens.get(Math.max(0, i - 1));
    return new Span(src, first.start(), Math.max(first.end(), last.end()), first.line());
  }

  // ---- statements ----

  private List<Node> statements(Set<String> terminators, boolean closeParen) {
    List<Node> out = new ArrayList<>();
    while (true) {
      while (at(Kind.NEWLINE) || at(Kind.SEMI)) {
        next();
      }
      if (at(Kind.EOF) || closeParen && at(Kind.RPAREN)
          || peek().is(Kind.IDENT) && terminators.contains(peek().text())) {
        return out;
      }
      int start = i;
      int savedNoDo = noDo;
      try {
        Node n = expr(0);
        if (!(at(Kind.NEWLINE) || at(Kind.SEMI) || at(Kind.EOF) || closeParen && at(Kind.RPAREN)
            || peek().is(Kind.IDENT) && terminators.contains(peek().text()))) {
          throw error("expected the end of the expression");
        }
        out.add(n);
      } catch (ElixirSyntaxException e) {
        noDo = savedNoDo;
        i = start;
        Token first = peek();
        skipStatement(terminators, closeParen);
        Span sp = span(first);
        out.add(new Bad("line " + e.line() + ": " + e.getMessage(), sp));
        if (i == start) {
          next();
        }
      }
    }
  }

  /** Skips to the end of the statement that starts here, keeping brackets and do/end balanced. */
  private void skipStatement(Set<String> terminators, boolean closeParen) {
    int d = 0;
    while (!at(Kind.EOF)) {
      Token t = peek();
      if (d == 0 && (t.is(Kind.NEWLINE) || t.is(Kind.SEMI))) {
        return;
      }
      if (d == 0 && (closeParen && t.is(Kind.RPAREN) || t.is(Kind.IDENT) && terminators.contains(t.text()))) {
        return;
      }
      switch (t.kind()) {
        case LPAREN, LBRACKET, LBRACE, MAP_OPEN, BIN_OPEN -> d++;
        case RPAREN, RBRACKET, RBRACE, BIN_CLOSE -> {
          if (d == 0) {
            return;
          }
          d--;
        }
        case IDENT -> {
          if (t.text().equals("do") || t.text().equals("fn")) {
            d++;
          } else if (t.text().equals("end")) {
            if (d == 0) {
              return;
            }
            d--;
          }
        }
        default -> { }
      }
      next();
    }
  }

  // ---- expressions ----

  Node expr(int minPrec) {
    if (++depth > MAX_DEPTH) {
      throw error("nested too deeply");
    }
    try {
      Token first = peek();
      Node left = unary();
      while (true) {
        if (at(Kind.NEWLINE)) {
          int j = i;
          while (tokens.get(j).is(Kind.NEWLINE)) {
            j++;
          }
          Token after = tokens.get(j);
          if (!(after.is(Kind.OP) || after.is(Kind.IDENT)) || !LEADING.contains(after.text())) {
            break;
          }
          i = j;
          if (after.isOp(".")) {
            left = postfix(left, first);
            continue;
          }
        }
        String op = binaryOp();
        if (op == null) {
          break;
        }
        int[] info = BINARY.get(op);
        if (info[0] < minPrec) {
          break;
        }
        next();
        if (op.equals("not in")) {
          next();
        }
        skipNewlines();
        Node right = expr(info[1] == 1 ? info[0] : info[0] + 1);
        left = new BinOp(op, left, right, span(first));
      }
      return left;
    } finally {
      depth--;
    }
  }

  private String binaryOp() {
    Token t = peek();
    if (t.is(Kind.OP) && BINARY.containsKey(t.text())) {
      return t.text();
    }
    if (t.is(Kind.IDENT)) {
      if (t.text().equals("not") && peek(1).isIdent("in")) {
        return "not in";
      }
      if (Set.of("when", "and", "or", "in").contains(t.text())) {
        return t.text();
      }
    }
    return null;
  }

  private Node unary() {
    Token t = peek();
    if (t.is(Kind.OP) && (t.text().equals("!") || t.text().equals("^") || t.text().equals("-") || t.text().equals("+")
        || t.text().equals("~~~")) || t.isIdent("not")) {
      next();
      Node operand = expr(UNARY);
      return new UnOp(t.text(), operand, span(t));
    }
    if (t.isOp("&")) {
      next();
      Node operand = expr(CAPTURE + 1);
      return new UnOp("&", operand, span(t));
    }
    if (t.isOp("@")) {
      next();
      Token name = expect(Kind.IDENT, "a module attribute name after '@'");
      Node value = null;
      if (canStartArg(peek()) && peek().spaceBefore() && !at(Kind.LPAREN)) {
        noDo++;
        try {
          value = expr(CAPTURE + 1);
        } finally {
          noDo--;
        }
      } else if (at(Kind.LPAREN) && !peek().spaceBefore()) {
        next();
        value = expr(0);
        expect(Kind.RPAREN, "')'");
      }
      return postfix(new Attr(name.text(), value, span(t)), t);
    }
    return postfix(primary(), t);
  }

  private Node postfix(Node node, Token first) {
    while (true) {
      Token t = peek();
      if (t.isOp(".")) {
        Token n = peek(1);
        if (n.is(Kind.ALIAS)) {
          next();
          next();
          List<String> segs = new ArrayList<>();
          Node base = null;
          if (node instanceof AliasN a) {
            segs.addAll(a.segments());
            base = a.base();
          } else {
            base = node;
          }
          segs.add(n.text());
          node = new AliasN(segs, base, span(first));
          continue;
        }
        if (n.is(Kind.IDENT) || n.is(Kind.KW)) {
          next();
          next();
          if (n.is(Kind.KW)) {
            throw error("a keyword after '.'");
          }
          node = callRest(node, n.text(), first, n);
          continue;
        }
        if (n.is(Kind.LPAREN)) {
          next();
          next();
          List<Node> args = args(Kind.RPAREN, ")");
          node = new Call(node, ".", args, true, span(first));
          continue;
        }
        if (n.is(Kind.LBRACE)) {
          next();
          next();
          List<Node> items = args(Kind.RBRACE, "}");
          node = new Call(node, "{}", items, true, span(first));
          continue;
        }
        throw error("expected a name after '.'");
      }
      if (t.is(Kind.LBRACKET) && !t.spaceBefore()) {
        next();
        skipNewlines();
        Node key = expr(0);
        skipNewlines();
        expect(Kind.RBRACKET, "']'");
        node = new Ast.Access(node, key, span(first));
        continue;
      }
      return node;
    }
  }

  /** After {@code target.name}: arguments in parentheses, without, or none; then a do-block. */
  private Node callRest(Node target, String name, Token first, Token nameToken) {
    List<Node> args;
    boolean parens;
    if (at(Kind.LPAREN) && !peek().spaceBefore()) {
      next();
      args = args(Kind.RPAREN, ")");
      parens = true;
    } else if (canStartArg(peek()) && peek().spaceBefore()) {
      args = noParensArgs();
      parens = false;
    } else {
      args = new ArrayList<>();
      parens = false;
    }
    return doBlock(new Call(target, name, args, parens, span(first)), first);
  }

  private Node primary() {
    Token t = peek();
    switch (t.kind()) {
      case INT -> {
        next();
        return new Lit('i', t.value(), span(t));
      }
      case FLOAT -> {
        next();
        return new Lit('f', t.value(), span(t));
      }
      case STRING, CHARLIST -> {
        next();
        return string(t, t.is(Kind.CHARLIST));
      }
      case ATOM -> {
        next();
        return new Lit('a', t.value(), span(t));
      }
      case QUOTED_ATOM -> {
        next();
        Node s = string(t, false);
        if (s instanceof Lit l) {
          return new Lit('a', l.value(), l.span());
        }
        return new QAtom(((Str) s).parts(), s.span());
      }
      case ALIAS -> {
        next();
        return new AliasN(List.of(t.text()), null, span(t));
      }
      case SIGIL -> {
        next();
        Token.Sigil s = (Token.Sigil) t.value();
        return new SigilN(s.letter(), parsedParts(s.parts()), s.modifiers(), span(t));
      }
      case LBRACKET -> {
        next();
        return list(t);
      }
      case LBRACE -> {
        next();
        return new TupleN(args(Kind.RBRACE, "}"), span(t));
      }
      case MAP_OPEN -> {
        next();
        return map(t, null);
      }
      case PERCENT -> {
        next();
        Node name = at(Kind.ALIAS) ? postfixAliasOnly() : at(Kind.IDENT) ? new Var(next().text(), span(t)) : null;
        if (name == null || !at(Kind.LBRACE)) {
          throw error("expected a struct name and '{' after '%'");
        }
        next();
        return map(t, name);
      }
      case BIN_OPEN -> {
        next();
        int d = 1;
        while (d > 0 && !at(Kind.EOF)) {
          Token b = next();
          if (b.is(Kind.BIN_OPEN)) {
            d++;
          } else if (b.is(Kind.BIN_CLOSE)) {
            d--;
          }
        }
        return new BinN(span(t));
      }
      case LPAREN -> {
        next();
        int saved = noDo;
        noDo = 0;
        List<Node> stmts = statements(Set.of(), true);
        noDo = saved;
        expect(Kind.RPAREN, "')'");
        if (stmts.size() == 1) {
          return stmts.get(0);
        }
        return new Block(stmts, span(t));
      }
      case KW, QUOTED_KW -> {
        return new ListN(keywords(), null, span(t));
      }
      case IDENT -> {
        return identifier(t);
      }
      default -> throw error("expected an expression");
    }
  }

  private Node postfixAliasOnly() {
    Token first = peek();
    List<String> segs = new ArrayList<>();
    segs.add(next().text());
    while (peek().isOp(".") && peek(1).is(Kind.ALIAS)) {
      next();
      segs.add(next().text());
    }
    return new AliasN(segs, null, span(first));
  }

  private Node identifier(Token t) {
    String name = t.text();
    switch (name) {
      case "true", "false", "nil" -> {
        next();
        return new Lit('a', name, span(t));
      }
      case "fn" -> {
        next();
        int d = 1;
        while (d > 0 && !at(Kind.EOF)) {
          Token b = next();
          if (b.isIdent("do") || b.isIdent("fn")) {
            d++;
          } else if (b.isIdent("end")) {
            d--;
          }
        }
        if (d > 0) {
          throw new ElixirSyntaxException(t.line(), "'fn' is not closed by 'end'");
        }
        return new Fn(span(t));
      }
      case "do", "end", "else", "rescue", "catch", "after", "when", "and", "or", "in" -> throw error("expected an expression");
      default -> { }
    }
    next();
    if (at(Kind.LPAREN) && !peek().spaceBefore()) {
      next();
      List<Node> args = args(Kind.RPAREN, ")");
      return doBlock(new Call(null, name, args, true, span(t)), t);
    }
    if (canStartArg(peek()) && peek().spaceBefore()) {
      List<Node> args = noParensArgs();
      return doBlock(new Call(null, name, args, false, span(t)), t);
    }
    if (atIdent("do") && noDo == 0) {
      return doBlock(new Call(null, name, new ArrayList<>(), false, span(t)), t);
    }
    return new Var(name, span(t));
  }

  /** True when {@code t} can start an argument of a call without parentheses. */
  private static boolean canStartArg(Token t) {
    return switch (t.kind()) {
      case INT, FLOAT, STRING, CHARLIST, ATOM, QUOTED_ATOM, KW, QUOTED_KW, ALIAS, SIGIL, LBRACKET, LBRACE, MAP_OPEN,
          PERCENT, BIN_OPEN, LPAREN -> true;
      case IDENT -> !NOT_ARGS.contains(t.text());
      case OP -> t.text().equals("@") || t.text().equals("!") || t.text().equals("^") || t.text().equals("&");
      default -> false;
    };
  }

  private List<Node> noParensArgs() {
    noDo++;
    try {
      List<Node> args = new ArrayList<>();
      while (true) {
        if (at(Kind.KW) || at(Kind.QUOTED_KW)) {
          Token first = peek();
          args.add(new ListN(keywords(), null, span(first)));
          break;
        }
        args.add(expr(0));
        if (at(Kind.COMMA)) {
          next();
          skipNewlines();
          continue;
        }
        break;
      }
      return args;
    } finally {
      noDo--;
    }
  }

  /** {@code key: value, key2: value2} up to the first token that is not a comma. */
  private List<Node> keywords() {
    List<Node> pairs = new ArrayList<>();
    while (at(Kind.KW) || at(Kind.QUOTED_KW)) {
      Token k = next();
      Node key = k.is(Kind.KW) ? new Lit('a', k.value(), span(k)) : keyOf(k);
      skipNewlines();
      Node value = expr(0);
      pairs.add(new Kw(key, value, span(k)));
      if (at(Kind.COMMA) && (peek(1).is(Kind.KW) || peek(1).is(Kind.QUOTED_KW) || peek(1).is(Kind.NEWLINE))) {
        int save = i;
        next();
        skipNewlines();
        if (!(at(Kind.KW) || at(Kind.QUOTED_KW))) {
          i = save;
          break;
        }
        continue;
      }
      break;
    }
    return pairs;
  }

  private Node keyOf(Token quotedKw) {
    Node s = string(quotedKw, false);
    return s instanceof Lit l ? new Lit('a', l.value(), l.span()) : new QAtom(((Str) s).parts(), s.span());
  }

  /** Comma-separated items up to {@code close}, keyword pairs at the end gathered into one list. */
  private List<Node> args(Kind close, String closeText) {
    int saved = noDo;
    noDo = 0;
    try {
      List<Node> items = new ArrayList<>();
      skipNewlines();
      while (!at(close)) {
        if (at(Kind.KW) || at(Kind.QUOTED_KW)) {
          Token first = peek();
          items.add(new ListN(keywords(), null, span(first)));
          skipNewlines();
          if (at(Kind.COMMA)) {
            next();
            skipNewlines();
          }
          break;
        }
        items.add(expr(0));
        skipNewlines();
        if (at(Kind.COMMA)) {
          next();
          skipNewlines();
        } else {
          break;
        }
      }
      skipNewlines();
      expect(close, "'" + closeText + "'");
      return items;
    } finally {
      noDo = saved;
    }
  }

  private Node list(Token open) {
    int saved = noDo;
    noDo = 0;
    try {
      List<Node> items = new ArrayList<>();
      Node tail = null;
      skipNewlines();
      while (!at(Kind.RBRACKET)) {
        if (at(Kind.KW) || at(Kind.QUOTED_KW)) {
          items.addAll(keywords());
        } else {
          Node item = expr(0);
          if (item instanceof BinOp b && b.op().equals("|")) {
            items.add(b.left());
            tail = b.right();
          } else {
            items.add(item);
          }
        }
        skipNewlines();
        if (at(Kind.COMMA)) {
          next();
          skipNewlines();
        } else {
          break;
        }
      }
      skipNewlines();
      expect(Kind.RBRACKET, "']'");
      return new ListN(items, tail, span(open));
    } finally {
      noDo = saved;
    }
  }

  private Node map(Token open, Node struct) {
    List<Node> items = args(Kind.RBRACE, "}");
    List<Pair> pairs = new ArrayList<>();
    Node update = null;
    for (Node n : items) {
      if (n instanceof ListN l && !l.items().isEmpty() && l.items().get(0) instanceof Kw) {
        for (Node k : l.items()) {
          pairs.add(new Pair(((Kw) k).key(), ((Kw) k).value()));
        }
      } else if (n instanceof BinOp b && b.op().equals("=>")) {
        pairs.add(new Pair(b.left(), b.right()));
      } else if (n instanceof BinOp b && b.op().equals("|") && update == null && pairs.isEmpty()) {
        update = b.left();
        Node rest = b.right();
        if (rest instanceof ListN l) {
          for (Node k : l.items()) {
            if (k instanceof Kw kw) {
              pairs.add(new Pair(kw.key(), kw.value()));
            }
          }
        } else if (rest instanceof BinOp r && r.op().equals("=>")) {
          pairs.add(new Pair(r.left(), r.right()));
        }
      } else {
        throw new ElixirSyntaxException(n.line(), "a map entry needs '=>' or 'key:'");
      }
    }
    return new MapN(pairs, update, struct, span(open));
  }

  /** A do-block after a call, when this call may take one. */
  private Node doBlock(Call call, Token first) {
    if (!atIdent("do") || noDo > 0) {
      return call;
    }
    Token doToken = next();
    List<Node> kws = new ArrayList<>();
    String section = "do";
    Token sectionToken = doToken;
    while (true) {
      int saved = noDo;
      noDo = 0;
      List<Node> body = statements(BLOCK_WORDS, false);
      noDo = saved;
      Span sp = span(sectionToken);
      kws.add(new Kw(new Lit('a', section, sp), new Block(body, sp), sp));
      if (atIdent("end")) {
        next();
        break;
      }
      if (at(Kind.EOF)) {
        throw new ElixirSyntaxException(doToken.line(), "'do' is not closed by 'end'");
      }
      sectionToken = next();
      section = sectionToken.text();
    }
    List<Node> args = new ArrayList<>(call.args());
    args.add(new ListN(kws, null, span(doToken)));
    return new Call(call.target(), call.name(), args, call.parens(), span(first));
  }

  private Node string(Token t, boolean charlist) {
    @SuppressWarnings("unchecked")
    List<Object> parts = (List<Object>) t.value();
    if (parts.stream().allMatch(p -> p instanceof String)) {
      String s = String.join("", parts.stream().map(p -> (String) p).toList());
      return new Lit(charlist ? 'c' : 't', s, span(t));
    }
    return new Str(parsedParts(parts), charlist, span(t));
  }

  private static List<Object> parsedParts(List<Object> parts) {
    List<Object> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Interp in) {
        try {
          out.add(parseInterpolation(in));
        } catch (ElixirSyntaxException e) {
          out.add(new Bad("line " + e.line() + ": " + e.getMessage(), new Span(in.code(), 0, in.code().length(), in.line())));
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
