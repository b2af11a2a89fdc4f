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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the POSIX shell language of
 * <a href="https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html">Shell
 * Command Language</a> as far as start scripts use it: words with quotes and expansions, simple
 * commands with assignments and redirections, pipelines, {@code &&}/{@code ||} lists,
 * {@code if}, {@code case}, loops, groups, subshells, functions and here-documents (skipped).
 *
 * <p>Hand-written: the Java shell parsers that exist (for example in IDE plug-ins) are tied to
 * their editors and are not published as libraries. Parsing is linear in the input; nesting is
 * bounded.
 */
final class ShellParser {

  private static final int MAX_DEPTH = 200;
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> RESERVED = Set.of(
      "if", "then", "elif", "else", "fi", "case", "esac", "for", "while", "until", "do", "done",
      "{", "}", "!", "in", "function");

  private final String src;
  private int pos;
  private int line;
  private int depth;
  private final List<String[]> pendingHeredocs = new ArrayList<>();

  private ShellParser(String src, int firstLine) {
    this.src = src;
    this.line = firstLine;
  }

  /** Parses a whole script. */
  static Node parse(String text) {
    return parse(text, 1);
  }

  /** Parses a script whose first line is line {@code firstLine} of its file (for {@code $(...)} bodies). */
  static Node parse(String text, int firstLine) {
    ShellParser p = new ShellParser(text, firstLine);
    Node n = p.list(Set.of(), false);
    p.skipBlank();
    if (p.pos < p.src.length()) {
      throw p.error("unexpected '" + p.src.charAt(p.pos) + "'");
    }
    return n;
  }

  /** Parses the text after an operator inside {@code ${...}} as one word (spaces are literal). */
  static Word braceWord(String text, int line) {
    ShellParser p = new ShellParser(text, line);
    return p.word(true);
  }

  private ShellSyntaxException error(String what) {
    return new ShellSyntaxException(line, what);
  }

  // ---- lexical helpers ----

  private boolean eof() {
    return pos >= src.length();
  }

  private char cur() {
    return src.charAt(pos);
  }

  private char at(int i) {
    return i < src.length() ? src.charAt(i) : '\0';
  }

  private boolean startsWith(String s) {
    return src.startsWith(s, pos);
  }

  /** Skips blanks, line continuations and a comment, but not newlines. */
  private void skipSpaces() {
    while (!eof()) {
      char c = cur();
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\\' && at(pos + 1) == '\n') {
        pos += 2;
        line++;
      } else if (c == '#') {
        while (!eof() && cur() != '\n') {
          pos++;
        }
      } else {
        break;
      }
    }
  }

  /** Consumes one newline and any here-document bodies waiting for it. */
  private void newline() {
    pos++;
    line++;
    if (!pendingHeredocs.isEmpty()) {
      List<String[]> docs = new ArrayList<>(pendingHeredocs);
      pendingHeredocs.clear();
      for (String[] doc : docs) {
        skipHeredoc(doc[0], doc[1].equals("-"));
      }
    }
  }

  private void skipHeredoc(String delimiter, boolean stripTabs) {
    int startLine = line;
    while (!eof()) {
      int end = src.indexOf('\n', pos);
      String l = end < 0 ? src.substring(pos) : src.substring(pos, end);
      pos = end < 0 ? src.length() : end + 1;
      line++;
      String cmp = stripTabs ? l.replaceFirst("^\t+", "") : l;
      if (cmp.replace("\r", "").equals(delimiter)) {
        return;
      }
    }
    throw new ShellSyntaxException(startLine, "here-document is not closed by '" + delimiter + "'");
  }

  /** Skips blanks, comments, newlines and semicolons between commands. */
  private void skipBlank() {
    while (true) {
      skipSpaces();
      if (!eof() && cur() == '\n') {
        newline();
      } else if (!eof() && cur() == ';' && at(pos + 1) != ';') {
        pos++;
      } else {
        return;
      }
    }
  }

  private void skipNewlines() {
    while (true) {
      skipSpaces();
      if (!eof() && cur() == '\n') {
        newline();
      } else {
        return;
      }
    }
  }

  /** The reserved word at the current position (in command position), or null. */
  private String peekReserved() {
    int i = pos;
    while (i < src.length() && !isMeta(src.charAt(i)) && src.charAt(i) != '\'' && src.charAt(i) != '"') {
      i++;
    }
    String w = src.substring(pos, i);
    if (w.equals("{") || w.equals("}") || w.equals("!")) {
      return w;
    }
    if (i < src.length() && (src.charAt(i) == '\'' || src.charAt(i) == '"')) {
      return null;
    }
    return RESERVED.contains(w) ? w : null;
  }

  private void expectReserved(String word) {
    skipBlank();
    if (!word.equals(peekReserved())) {
      throw error("expected '" + word + "'");
    }
    pos += word.length();
  }

  private static boolean isMeta(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|'
        || c == '(' || c == ')' || c == '<' || c == '>';
  }

  // ---- grammar ----

  private Node list(Set<String> terminators, boolean closeParen) {
    if (++depth > MAX_DEPTH) {
      throw error("nested too deeply");
    }
    int start = line;
    List<Node> items = new ArrayList<>();
    while (true) {
      skipBlank();
      if (eof()) {
        break;
      }
      if (closeParen && cur() == ')') {
        break;
      }
      if (startsWith(";;")) {
        break;
      }
      String reserved = peekReserved();
      if (reserved != null && terminators.contains(reserved)) {
        break;
      }
      Node n = andOr();
      skipSpaces();
      if (!eof() && cur() == '&' && at(pos + 1) != '&') {
        pos++;
        n = new Background(n, n.line());
      }
      items.add(n);
      skipSpaces();
      if (!eof() && !(cur() == '\n' || cur() == ';' || (closeParen && cur() == ')'))) {
        String r = peekReserved();
        if (r == null || !terminators.contains(r)) {
          throw error("unexpected '" + cur() + "'");
        }
      }
    }
    depth--;
    return new Sequence(items, start);
  }

  private Node andOr() {
    Node first = pipeline();
    List<String> ops = new ArrayList<>();
    List<Node> rest = new ArrayList<>();
    while (true) {
      skipSpaces();
      if (startsWith("&&") || startsWith("||")) {
        ops.add(src.substring(pos, pos + 2));
        pos += 2;
        skipNewlines();
        rest.add(pipeline());
      } else {
        break;
      }
    }
    return ops.isEmpty() ? first : new AndOr(first, ops, rest, first.line());
  }

  private Node pipeline() {
    skipSpaces();
    int start = line;
    boolean negated = false;
    if ("!".equals(peekReserved())) {
      pos++;
      negated = true;
    }
    List<Node> commands = new ArrayList<>();
    commands.add(command());
    while (true) {
      skipSpaces();
      if (!eof() && cur() == '|' && at(pos + 1) != '|') {
        pos++;
        skipNewlines();
        commands.add(command());
      } else {
        break;
      }
    }
    return commands.size() == 1 && !negated ? commands.get(0) : new Pipeline(commands, negated, start);
  }

  private Node command() {
    skipSpaces();
    if (eof()) {
      throw error("a command is missing at the end of the script");
    }
    int start = line;
    String reserved = peekReserved();
    if (reserved != null) {
      switch (reserved) {
        case "if" -> {
          pos += 2;
          return withRedirects(ifCommand(start));
        }
        case "case" -> {
          pos += 4;
          return withRedirects(caseCommand(start));
        }
        case "for", "while", "until" -> {
          pos += reserved.length();
          return withRedirects(loop(reserved, start));
        }
        case "{" -> {
          pos++;
          Node body = list(Set.of("}"), false);
          expectReserved("}");
          return withRedirects(new Group(body, start));
        }
        case "function" -> {
          pos += "function".length();
          skipSpaces();
          Word name = word(false);
          String n = name == null ? null : name.literal();
          if (n == null) {
            throw error("'function' needs a name");
          }
          skipSpaces();
          if (startsWith("()")) {
            pos += 2;
          }
          skipNewlines();
          return new FunctionDef(n, command(), start);
        }
        default -> throw error("unexpected '" + reserved + "'");
      }
    }
    if (cur() == '(') {
      pos++;
      Node body = list(Set.of(), true);
      if (eof() || cur() != ')') {
        throw new ShellSyntaxException(start, "'(' is not closed");
      }
      pos++;
      return withRedirects(new Subshell(body, start));
    }
    return simple(start);
  }

  private Node withRedirects(Node n) {
    while (true) {
      skipSpaces();
      if (redirect() == null) {
        return n;
      }
    }
  }

  private Node ifCommand(int start) {
    List<Node> conditions = new ArrayList<>();
    List<Node> bodies = new ArrayList<>();
    Node elseBody = null;
    conditions.add(list(Set.of("then"), false));
    expectReserved("then");
    bodies.add(list(Set.of("elif", "else", "fi"), false));
    while (true) {
      skipBlank();
      String r = peekReserved();
      if ("elif".equals(r)) {
        pos += 4;
        conditions.add(list(Set.of("then"), false));
        expectReserved("then");
        bodies.add(list(Set.of("elif", "else", "fi"), false));
      } else if ("else".equals(r)) {
        pos += 4;
        elseBody = list(Set.of("fi"), false);
        expectReserved("fi");
        break;
      } else if ("fi".equals(r)) {
        pos += 2;
        break;
      } else {
        throw new ShellSyntaxException(start, "'if' is not closed by 'fi'");
      }
    }
    return new If(conditions, bodies, elseBody, start);
  }

  private Node caseCommand(int start) {
    skipSpaces();
    Word subject = word(false);
    if (subject == null) {
      throw error("'case' needs a word");
    }
    skipNewlines();
    expectReserved("in");
    List<CaseArm> arms = new ArrayList<>();
    while (true) {
      skipBlank();
      if (eof()) {
        throw new ShellSyntaxException(start, "'case' is not closed by 'esac'");
      }
      if ("esac".equals(peekReserved())) {
        pos += 4;
        break;
      }
      int armLine = line;
      if (cur() == '(') {
        pos++;
      }
      List<Word> patterns = new ArrayList<>();
      while (true) {
        skipSpaces();
        Word w = word(false);
        if (w == null) {
          throw error("a case pattern is missing");
        }
        patterns.add(w);
        skipSpaces();
        if (!eof() && cur() == '|') {
          pos++;
          continue;
        }
        if (!eof() && cur() == ')') {
          pos++;
          break;
        }
        throw error("expected ')' after a case pattern");
      }
      Node body = list(Set.of("esac"), false);
      arms.add(new CaseArm(patterns, body, armLine));
      skipSpaces();
      if (startsWith(";;&")) {
        pos += 3;
      } else if (startsWith(";;") || startsWith(";&")) {
        pos += 2;
      }
    }
    return new Case(subject, arms, start);
  }

  private Node loop(String keyword, int start) {
    if (keyword.equals("for")) {
      // the header: a name and an optional word list, up to 'do'
      while (true) {
        skipBlank();
        if (eof()) {
          throw new ShellSyntaxException(start, "'for' has no 'do'");
        }
        if ("do".equals(peekReserved())) {
          break;
        }
        if (word(false) == null) {
          pos++;
        }
      }
    } else {
      list(Set.of("do"), false);
    }
    expectReserved("do");
    Node body = list(Set.of("done"), false);
    expectReserved("done");
    return new Loop(keyword, body, start);
  }

  private Node simple(int start) {
    List<Assignment> assignments = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    while (true) {
      skipSpaces();
      if (eof()) {
        break;
      }
      char c = cur();
      if (c == '\n' || c == ';' || c == '&' || c == '|' || c == ')') {
        break;
      }
      if (c == '(') {
        if (words.size() == 1 && assignments.isEmpty() && startsWith("()")) {
          pos += 2;
          skipNewlines();
          String name = words.get(0).literal();
          if (name == null || !NAME.matcher(name).matches()) {
            throw error("a function needs a plain name");
          }
          return new FunctionDef(name, command(), start);
        }
        throw error("unexpected '('");
      }
      Redirect r = redirect();
      if (r != null) {
        redirects.add(r);
        continue;
      }
      if (!words.isEmpty() && "[[".equals(words.get(0).literal())) {
        words.add(rawUntil("]]"));
        continue;
      }
      Word w = word(false);
      if (w == null) {
        throw error("unexpected '" + c + "'");
      }
      Assignment a = words.isEmpty() ? assignment(w) : null;
      if (a != null) {
        if (!eof() && cur() == '(' && a.value().parts().isEmpty()) {
          // a bash array: NAME=( ... ): skipped to its ')' and kept as an unsupported value
          int close = src.indexOf(')', pos);
          pos = close < 0 ? src.length() : close + 1;
          assignments.add(new Assignment(a.name(), new Word(List.of(new Param("(array)", "", null, false, true)), w.line())));
          continue;
        }
        assignments.add(a);
      } else {
        words.add(w);
      }
    }
    return new Simple(assignments, words, redirects, start);
  }

  /** Everything up to {@code end} as one literal word (bash's {@code [[ ... ]]}, kept opaque). */
  private Word rawUntil(String end) {
    int l = line;
    int e = src.indexOf(end, pos);
    if (e < 0) {
      throw error("'[[' is not closed by ']]'");
    }
    String raw = src.substring(pos, e);
    line += (int) raw.chars().filter(ch -> ch == '\n').count();
    pos = e + end.length();
    return new Word(List.of(new Lit(raw.strip(), true), new Lit(" " + end, true)), l);
  }

  /** {@code NAME=value} when {@code w} starts with an unquoted name and {@code =}. */
  static Assignment assignment(Word w) {
    if (w.parts().isEmpty() || !(w.parts().get(0) instanceof Lit first) || first.quoted()) {
      return null;
    }
    int eq = first.text().indexOf('=');
    if (eq <= 0 || !NAME.matcher(first.text().substring(0, eq)).matches()) {
      return null;
    }
    List<WordPart> value = new ArrayList<>();
    String rest = first.text().substring(eq + 1);
    if (!rest.isEmpty()) {
      value.add(new Lit(rest, false));
    }
    value.addAll(w.parts().subList(1, w.parts().size()));
    return new Assignment(first.text().substring(0, eq), new Word(value, w.line()));
  }

  private Redirect redirect() {
    int save = pos;
    int i = pos;
    while (i < src.length() && Character.isDigit(src.charAt(i))) {
      i++;
    }
    if (i >= src.length()) {
      return null;
    }
    char c = src.charAt(i);
    if (src.startsWith("&>", i)) {
      pos = i + (src.startsWith("&>>", i) ? 3 : 2);
    } else if (c == '<' || c == '>') {
      pos = i + 1;
      if (!eof() && (cur() == '>' || cur() == '&' || cur() == '|' || (c == '<' && cur() == '<'))) {
        pos++;
      }
      if (src.startsWith("<<", i) && !eof() && cur() == '-') {
        pos++;
      }
    } else {
      pos = save;
      return null;
    }
    String op = src.substring(save, pos);
    skipSpaces();
    Word target = word(false);
    if (target == null) {
      throw error("a redirection needs a target");
    }
    if (op.endsWith("<<") || op.endsWith("<<-")) {
      String delimiter = target.literal() == null ? "" : target.literal();
      if (delimiter.isEmpty()) {
        throw error("a here-document needs a plain delimiter");
      }
      pendingHeredocs.add(new String[] {delimiter, op.endsWith("-") ? "-" : ""});
    }
    return new Redirect(op, target);
  }

  /**
   * Reads one word, or returns null at an operator, a newline or the end. With
   * {@code braceArg} every character up to the end is part of the word.
   */
  private Word word(boolean braceArg) {
    int startLine = line;
    List<WordPart> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    boolean[] litQuoted = {false};
    boolean any = false;
    while (!eof()) {
      char c = cur();
      if (!braceArg && isMeta(c)) {
        break;
      }
      any = true;
      if (c == '\\') {
        if (at(pos + 1) == '\n') {
          pos += 2;
          line++;
          continue;
        }
        flush(parts, lit, litQuoted, true);
        if (pos + 1 < src.length()) {
          lit.append(src.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '\'') {
        int end = src.indexOf('\'', pos + 1);
        if (end < 0) {
          throw new ShellSyntaxException(line, "a single quote is not closed");
        }
        flush(parts, lit, litQuoted, true);
        String s = src.substring(pos + 1, end);
        line += count(s, '\n');
        lit.append(s);
        pos = end + 1;
      } else if (c == '"') {
        pos++;
        doubleQuoted(parts, lit, litQuoted);
      } else if (c == '$') {
        dollar(parts, lit, litQuoted, false);
      } else if (c == '`') {
        flush(parts, lit, litQuoted, null);
        parts.add(backquote(false));
      } else if (c == '~' && parts.isEmpty() && lit.length() == 0
          && (pos + 1 >= src.length() || at(pos + 1) == '/' || isMeta(at(pos + 1)))) {
        parts.add(new Tilde());
        pos++;
      } else {
        flush(parts, lit, litQuoted, false);
        lit.append(c);
        if (c == '\n') {
          line++;
        }
        pos++;
      }
    }
    if (!any) {
      return null;
    }
    flush(parts, lit, litQuoted, null);
    return new Word(parts, startLine);
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(ch -> ch == c).count();
  }

  /** Ends the literal run when its quoting changes ({@code quoted} null: always). */
  private static void flush(List<WordPart> parts, StringBuilder lit, boolean[] litQuoted, Boolean quoted) {
    if (lit.length() > 0 && (quoted == null || quoted != litQuoted[0])) {
      parts.add(new Lit(lit.toString(), litQuoted[0]));
      lit.setLength(0);
    }
    if (quoted != null) {
      litQuoted[0] = quoted;
    }
  }

  private void doubleQuoted(List<WordPart> parts, StringBuilder lit, boolean[] litQuoted) {
    int startLine = line;
    flush(parts, lit, litQuoted, true);
    boolean empty = true;
    while (true) {
      if (eof()) {
        throw new ShellSyntaxException(startLine, "a double quote is not closed");
      }
      char c = cur();
      if (c == '"') {
        pos++;
        break;
      }
      empty = false;
      if (c == '\\' && "$`\"\\\n".indexOf(at(pos + 1)) >= 0) {
        if (at(pos + 1) == '\n') {
          line++;
        } else {
          flush(parts, lit, litQuoted, true);
          lit.append(at(pos + 1));
        }
        pos += 2;
      } else if (c == '$') {
        dollar(parts, lit, litQuoted, true);
      } else if (c == '`') {
        flush(parts, lit, litQuoted, null);
        parts.add(backquote(true));
      } else {
        flush(parts, lit, litQuoted, true);
        lit.append(c);
        if (c == '\n') {
          line++;
        }
        pos++;
      }
    }
    if (empty && lit.length() == 0) {
      // "" is an empty word, not no word
      parts.add(new Lit("", true));
    }
  }

  private CommandSub backquote(boolean quoted) {
    int startLine = line;
    pos++;
    StringBuilder inner = new StringBuilder();
    while (true) {
      if (eof()) {
        throw new ShellSyntaxException(startLine, "a backquote is not closed");
      }
      char c = cur();
      if (c == '`') {
        pos++;
        break;
      }
      if (c == '\\' && "$`\\".indexOf(at(pos + 1)) >= 0) {
        inner.append(at(pos + 1));
        pos += 2;
        continue;
      }
      if (c == '\n') {
        line++;
      }
      inner.append(c);
      pos++;
    }
    return new CommandSub(inner.toString(), quoted, startLine);
  }

  private void dollar(List<WordPart> parts, StringBuilder lit, boolean[] litQuoted, boolean quoted) {
    char n = at(pos + 1);
    if (n == '(' && at(pos + 2) == '(') {
      int end = matching(pos + 3, '(', ')', 2);
      flush(parts, lit, litQuoted, null);
      parts.add(new Arith(src.substring(pos + 3, end - 1), quoted));
      line += count(src.substring(pos, end + 1), '\n');
      pos = end + 1;
    } else if (n == '(') {
      int startLine = line;
      int end = matching(pos + 2, '(', ')', 1);
      String inner = src.substring(pos + 2, end);
      flush(parts, lit, litQuoted, null);
      parts.add(new CommandSub(inner, quoted, startLine));
      line += count(inner, '\n');
      pos = end + 1;
    } else if (n == '{') {
      int end = matching(pos + 2, '{', '}', 1);
      String inner = src.substring(pos + 2, end);
      flush(parts, lit, litQuoted, null);
      parts.add(braceParam(inner, quoted));
      line += count(inner, '\n');
      pos = end + 1;
    } else if (n == '\'' && !quoted) {
      flush(parts, lit, litQuoted, true);
      pos += 2;
      lit.append(ansiC());
    } else if (Character.isLetter(n) || n == '_') {
      int i = pos + 1;
      while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_') && src.charAt(i) < 128) {
        i++;
      }
      flush(parts, lit, litQuoted, null);
      parts.add(new Param(src.substring(pos + 1, i), "", null, quoted, false));
      pos = i;
    } else if (Character.isDigit(n) || "@*#?$!-".indexOf(n) >= 0 && n != '\0') {
      flush(parts, lit, litQuoted, null);
      parts.add(new Param(String.valueOf(n), "", null, quoted, false));
      pos += 2;
    } else {
      flush(parts, lit, litQuoted, quoted);
      lit.append('$');
      pos++;
    }
  }

  /** bash's {@code $'...'}: the common backslash escapes. */
  private String ansiC() {
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (eof()) {
        throw error("a $'...' quote is not closed");
      }
      char c = cur();
      pos++;
      if (c == '\'') {
        return sb.toString();
      }
      if (c == '\\' && !eof()) {
        char e = cur();
        pos++;
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '\\' -> sb.append('\\');
          case '\'' -> sb.append('\'');
          case '"' -> sb.append('"');
          default -> sb.append('\\').append(e);
        }
      } else {
        if (c == '\n') {
          line++;
        }
        sb.append(c);
      }
    }
  }

  /**
   * The index of the character closing a construct opened just before {@code from}, skipping
   * quoted text and nested pairs; {@code closers} closing characters in a row are needed
   * ({@code ))} for arithmetic).
   */
  private int matching(int from, char open, char close, int closers) {
    int depthHere = 1;
    int i = from;
    int startLine = line;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '\'' && open != '{') {
        int e = src.indexOf('\'', i + 1);
        if (e < 0) {
          break;
        }
        i = e + 1;
        continue;
      }
      if (c == '"') {
        int j = i + 1;
        while (j < src.length() && src.charAt(j) != '"') {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        continue;
      }
      if (c == open) {
        depthHere++;
      } else if (c == close) {
        depthHere--;
        if (depthHere == 0) {
          if (closers == 2) {
            if (i + 1 < src.length() && src.charAt(i + 1) == close) {
              return i + 1;
            }
            depthHere = 1;
          } else {
            return i;
          }
        }
      }
      i++;
    }
    throw new ShellSyntaxException(startLine, "'" + (open == '{' ? "${" : "$(") + "' is not closed");
  }

  private Param braceParam(String inner, boolean quoted) {
    if (inner.startsWith("#") && inner.length() > 1 && NAME.matcher(inner.substring(1)).matches()) {
      return new Param(inner.substring(1), "len", null, quoted, false);
    }
    int i = 0;
    if (!inner.isEmpty() && (Character.isLetter(inner.charAt(0)) || inner.charAt(0) == '_')) {
      while (i < inner.length() && (Character.isLetterOrDigit(inner.charAt(i)) || inner.charAt(i) == '_')) {
        i++;
      }
    } else if (!inner.isEmpty() && Character.isDigit(inner.charAt(0))) {
      while (i < inner.length() && Character.isDigit(inner.charAt(i))) {
        i++;
      }
    } else if (!inner.isEmpty() && "@*#?$!-".indexOf(inner.charAt(0)) >= 0) {
      i = 1;
    }
    if (i == 0) {
      return new Param(inner, "", null, quoted, true);
    }
    String name = inner.substring(0, i);
    String rest = inner.substring(i);
    if (rest.isEmpty()) {
      return new Param(name, "", null, quoted, false);
    }
    for (String op : new String[] {":-", ":=", ":+", ":?", "%%", "##", "-", "=", "+", "?", "%", "#"}) {
      if (rest.startsWith(op)) {
        return new Param(name, op, braceWord(rest.substring(op.length()), line), quoted, false);
      }
    }
    return new Param(name, rest, null, quoted, true);
  }
}
