package dev.clusterctl.coredns;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Corefile into tokens as CoreDNS's Caddyfile lexer (coredns/caddy) does: white space
 * separates tokens; {@code "..."} is one token (a backslash escapes only {@code "}) and may span
 * lines; {@code #} starts a comment to the end of the line, even inside a token; a quote inside a
 * token is an ordinary character.
 */
final class CorefileLexer {

  private CorefileLexer() {}

  static List<CorefileToken> tokens(String text, Corefile.Errors errors) {
    List<CorefileToken> tokens = new ArrayList<>();
    StringBuilder val = new StringBuilder();
    int line = 1;
    int col = 0;
    int lastEndLine = 0;
    int startLine = 0;
    int startCol = 0;
    boolean comment = false;
    boolean quoted = false;
    boolean wasQuoted = false;
    boolean escaped = false;
    boolean inToken = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      col++;
      if (ch == 0 || ch == '\uFFFD' || (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f' && ch != 0x0B)) {
        throw errors.at(line, col, "binary data, not a Corefile ("
            + (ch == '\uFFFD' ? "bytes that are not UTF-8" : String.format("control byte 0x%02X", (int) ch)) + ")");
      }
      if (quoted) {
        if (!escaped && ch == '\\') {
          escaped = true;
          continue;
        }
        if (!escaped && ch == '"') {
          quoted = false;
          tokens.add(new CorefileToken(val.toString(), startLine, startCol, startLine > lastEndLine, true));
          lastEndLine = line;
          val.setLength(0);
          inToken = false;
          continue;
        }
        if (escaped && ch != '"') {
          val.append('\\');
        }
        escaped = false;
        val.append(ch);
        if (ch == '\n') {
          line++;
          col = 0;
        }
        continue;
      }
      if (Character.isWhitespace(ch)) {
        if (inToken) {
          tokens.add(new CorefileToken(val.toString(), startLine, startCol, startLine > lastEndLine, wasQuoted));
          lastEndLine = line;
          val.setLength(0);
          inToken = false;
        }
        if (ch == '\n') {
          line++;
          col = 0;
          comment = false;
        }
        continue;
      }
      if (ch == '#') {
        comment = true;
      }
      if (comment) {
        continue;
      }
      if (!inToken) {
        inToken = true;
        startLine = line;
        startCol = col;
        wasQuoted = false;
        if (ch == '"') {
          quoted = true;
          wasQuoted = true;
          continue;
        }
      }
      val.append(ch);
    }
    if (quoted) {
      throw errors.at(startLine, startCol, "unterminated quoted string (no closing '\"')");
    }
    if (inToken) {
      tokens.add(new CorefileToken(val.toString(), startLine, startCol, startLine > lastEndLine, wasQuoted));
    }
    return tokens;
  }
}
