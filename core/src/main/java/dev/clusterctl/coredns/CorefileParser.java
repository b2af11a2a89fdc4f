package dev.clusterctl.coredns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups Corefile tokens into server blocks and directives following CoreDNS's Caddyfile parser
 * (coredns/caddy {@code caddyfile/parse.go}): keys up to {@code {} or the end of the line (a
 * trailing comma continues the list), a single block may omit its braces, one directive per line,
 * {@code {} opens a nested block, {@code (name)} defines a snippet and {@code import name} pastes it.
 */
final class CorefileParser {

  /** CoreDNS's cap on snippet expansions, which also stops import cycles. */
  private static final int MAX_EXPANSIONS = 1000;

  /** Nesting deeper than this is refused rather than risking the Java stack. */
  private static final int MAX_DEPTH = 100;

  private final List<CorefileToken> tokens;
  private final Corefile.Errors errors;
  private final Map<String, List<CorefileToken>> snippets = new HashMap<>();
  private final List<Corefile.FileImport> fileImports = new ArrayList<>();
  private int pos;
  private int expansions;

  CorefileParser(List<CorefileToken> tokens, Corefile.Errors errors) {
    this.tokens = new ArrayList<>(tokens);
    this.errors = errors;
  }

  List<Corefile.FileImport> fileImports() {
    return fileImports;
  }

  List<ServerBlock> parse() {
    List<ServerBlock> blocks = new ArrayList<>();
    while (pos < tokens.size()) {
      ServerBlock b = block();
      if (b != null) {
        blocks.add(b);
      }
    }
    return blocks;
  }

  private boolean more() {
    return pos < tokens.size();
  }

  private CorefileToken cur() {
    return tokens.get(pos);
  }

  private Corefile.BadCorefile error(CorefileToken at, String what) {
    return errors.at(at.line(), at.column(), what);
  }

  /** One server block or snippet definition (null for a snippet). */
  private ServerBlock block() {
    List<String> keys = new ArrayList<>();
    int firstLine = cur().line();
    boolean expectingAnother = false;
    while (true) {
      CorefileToken t = cur();
      if (t.is("import") && t.newLine()) {
        doImport();
        if (!more()) {
          return keys.isEmpty() ? null : new ServerBlock(keys, List.of(), firstLine);
        }
        continue;
      }
      if (t.is("{")) {
        if (expectingAnother) {
          throw error(t, "expected another server block key after ',' but found '{' (check for an extra comma)");
        }
        break;
      }
      if (t.is("}")) {
        throw error(t, "unbalanced '}': no '{' to close");
      }
      String key = t.text();
      if (!key.isEmpty()) {
        expectingAnother = key.endsWith(",");
        if (expectingAnother) {
          key = key.substring(0, key.length() - 1);
        }
        if (!key.isEmpty()) {
          keys.add(key);
        }
      }
      pos++;
      if (!more()) {
        if (expectingAnother) {
          throw error(t, "expected another server block key after ',' but the file ends");
        }
        return new ServerBlock(keys, List.of(), firstLine);
      }
      if (!expectingAnother && cur().newLine()) {
        break;
      }
    }
    if (keys.size() == 1 && keys.get(0).startsWith("(") && keys.get(0).endsWith(")")) {
      defineSnippet(keys.get(0).substring(1, keys.get(0).length() - 1));
      return null;
    }
    boolean braced = cur().is("{");
    CorefileToken open = cur();
    if (braced) {
      pos++;
    }
    List<Directive> directives = new ArrayList<>();
    while (more()) {
      CorefileToken t = cur();
      if (t.is("}")) {
        if (!braced) {
          throw error(t, "unbalanced '}': no '{' to close");
        }
        pos++;
        return new ServerBlock(keys, directives, firstLine);
      }
      if (t.is("import")) {
        doImport();
        continue;
      }
      if (t.is("{")) {
        throw error(t, "a '{' at the start of a line opens no block (put it at the end of the plugin's line)");
      }
      directives.add(directive(0));
    }
    if (braced) {
      throw error(open, "unbalanced '{': the server block opened here is never closed");
    }
    return new ServerBlock(keys, directives, firstLine);
  }

  private void defineSnippet(String name) {
    CorefileToken at = tokens.get(pos - 1);
    if (!more() || !cur().is("{")) {
      throw error(at, "snippet (" + name + ") must be followed by '{'");
    }
    if (snippets.containsKey(name)) {
      throw error(at, "snippet (" + name + ") is defined twice");
    }
    CorefileToken open = cur();
    pos++;
    int depth = 1;
    List<CorefileToken> body = new ArrayList<>();
    while (more()) {
      CorefileToken t = cur();
      pos++;
      if (t.is("}") && --depth == 0) {
        snippets.put(name, body);
        return;
      }
      if (t.is("{")) {
        depth++;
      }
      body.add(t);
    }
    throw error(open, "unbalanced '{': snippet (" + name + ") opened here is never closed");
  }

  /** Replaces {@code import NAME} at the cursor by the snippet's tokens, or records a file import. */
  private void doImport() {
    CorefileToken imp = cur();
    if (pos + 1 >= tokens.size() || tokens.get(pos + 1).newLine()) {
      throw error(imp, "import needs a snippet name or a file");
    }
    CorefileToken arg = tokens.get(pos + 1);
    if (pos + 2 < tokens.size() && !tokens.get(pos + 2).newLine()) {
      throw error(tokens.get(pos + 2), "import takes only one argument (a snippet name or a file)");
    }
    tokens.remove(pos + 1);
    tokens.remove(pos);
    List<CorefileToken> snippet = snippets.get(arg.text());
    if (snippet == null) {
      fileImports.add(new Corefile.FileImport(arg.text(), imp.line()));
      return;
    }
    if (++expansions > MAX_EXPANSIONS) {
      throw error(imp, "more than " + MAX_EXPANSIONS + " snippet imports (do snippets import each other in a loop?)");
    }
    List<CorefileToken> pasted = new ArrayList<>(snippet);
    if (!pasted.isEmpty()) {
      pasted.set(0, pasted.get(0).startingLine());
    }
    tokens.addAll(pos, pasted);
  }

  /**
   * One directive line at nesting {@code depth} (0 = a plugin in a server block). At depth 0 a
   * '}' inside the line is an error, as in CoreDNS; deeper, it closes the enclosing block.
   */
  private Directive directive(int depth) {
    CorefileToken name = cur();
    pos++;
    List<String> args = new ArrayList<>();
    List<Directive> block = new ArrayList<>();
    while (more()) {
      CorefileToken t = cur();
      if (t.newLine()) {
        break;
      }
      if (t.is("}")) {
        if (depth == 0) {
          throw error(t, "unbalanced '}': no '{' to close on this line (a block's '}' goes on its own line)");
        }
        break;
      }
      if (t.is("{")) {
        pos++;
        block.addAll(nested(t, depth + 1));
        continue;
      }
      args.add(t.text());
      pos++;
    }
    return new Directive(name.text(), args, block, name.line(), name.column());
  }

  /** The lines of a nested block after its '{', through its '}'. */
  private List<Directive> nested(CorefileToken open, int depth) {
    if (depth > MAX_DEPTH) {
      throw error(open, "blocks nested deeper than " + MAX_DEPTH + " levels");
    }
    List<Directive> lines = new ArrayList<>();
    while (more()) {
      CorefileToken t = cur();
      if (t.is("}")) {
        pos++;
        return lines;
      }
      if (t.is("import") && t.newLine()) {
        doImport();
        continue;
      }
      if (t.is("{")) {
        throw error(t, "a '{' at the start of a line opens no block (put it at the end of the option's line)");
      }
      lines.add(directive(depth));
    }
    throw error(open, "unbalanced '{': the block opened here is never closed");
  }
}
