package dev.clusterctl.release;

import java.util.List;

/** The parsed form of a POSIX shell script, as far as {@link ShellParser} reads it. */
final class ShellAst {

  private ShellAst() {}

  /** One part of a word. */
  sealed interface WordPart permits Lit, Param, CommandSub, Arith, Tilde {}

  /** Literal characters; {@code quoted} when they came from quotes or a backslash (no splitting, no globbing). */
  record Lit(String text, boolean quoted) implements WordPart {}

  /**
   * A parameter expansion: {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-word}} and the like.
   *
   * @param name the variable (or special parameter such as {@code 1}, {@code @})
   * @param op the operator ({@code :-}, {@code -}, {@code :=}, {@code =}, {@code :+}, {@code +},
   *     {@code :?}, {@code ?}, {@code %}, {@code %%}, {@code #}, {@code ##}, {@code len}), or empty
   * @param arg the word after the operator, or {@code null}
   * @param quoted inside double quotes
   * @param unsupported when the braces hold a form this reader does not evaluate (bash's {@code ${X/a/b}})
   */
  record Param(String name, String op, Word arg, boolean quoted, boolean unsupported) implements WordPart {}

  /** {@code $(...)} or a backquoted command, with the inner script text. */
  record CommandSub(String script, boolean quoted, int line) implements WordPart {}

  /** {@code $((...))}. */
  record Arith(String text, boolean quoted) implements WordPart {}

  /** A leading {@code ~} (the home folder). */
  record Tilde() implements WordPart {}

  /** A word: its parts and its line. */
  record Word(List<WordPart> parts, int line) {
    /** The word when it is only literal text (quotes removed), else {@code null}. */
    String literal() {
      StringBuilder sb = new StringBuilder();
      for (WordPart p : parts) {
        if (p instanceof Lit l) {
          sb.append(l.text());
        } else {
          return null;
        }
      }
      return sb.toString();
    }
  }

  /** A command node. */
  sealed interface Node permits Simple, Pipeline, AndOr, Sequence, If, Case, Loop, Group, Subshell, FunctionDef, Background {
    /** The line it starts on. */
    int line();
  }

  /**
   * A redirection.
   *
   * @param op {@code >}, {@code >>}, {@code <}, {@code <<}, {@code >&}… (with its file descriptor)
   * @param target the file or descriptor word
   */
  record Redirect(String op, Word target) {}

  /** An assignment {@code NAME=word}. */
  record Assignment(String name, Word value) {}

  /** A simple command: assignments, words and redirections. */
  record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, int line) implements Node {}

  /** {@code a | b}, possibly negated with {@code !}. */
  record Pipeline(List<Node> commands, boolean negated, int line) implements Node {}

  /** {@code a && b || c}: the first node and each following operator with its node. */
  record AndOr(Node first, List<String> ops, List<Node> rest, int line) implements Node {}

  /** Commands run one after another. */
  record Sequence(List<Node> items, int line) implements Node {}

  /** {@code cmd &}. */
  record Background(Node node, int line) implements Node {}

  /** {@code if c1; then b1; elif c2; then b2; else b3; fi}: conditions and bodies in order, else body or null. */
  record If(List<Node> conditions, List<Node> bodies, Node elseBody, int line) implements Node {}

  /** One {@code pattern | pattern) body ;;} arm of a case. */
  record CaseArm(List<Word> patterns, Node body, int line) {}

  /** {@code case word in ... esac}. */
  record Case(Word word, List<CaseArm> arms, int line) implements Node {}

  /** {@code for}/{@code while}/{@code until} loops: never evaluated, only scanned. */
  record Loop(String keyword, Node body, int line) implements Node {}

  /** {@code { ...; }}. */
  record Group(Node body, int line) implements Node {}

  /** {@code ( ... )}. */
  record Subshell(Node body, int line) implements Node {}

  /** {@code name() { ... }}. */
  record FunctionDef(String name, Node body, int line) implements Node {}
}
