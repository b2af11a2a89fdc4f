package dev.clusterctl.erlang;

import dev.clusterctl.erlang.VmArgs.Word;
import dev.clusterctl.error.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits vm.args text into words as {@code erlexec} reads an args file ({@code erl -args_file},
 * which relx uses for vm.args): white space separates words; {@code #} outside quotes starts a
 * comment to the end of the line; {@code "..."} and {@code '...'} make one word (line breaks
 * and {@code #} included); outside quotes {@code \} keeps the next character as it is.
 * Checked against {@code init:get_arguments/0} of a real VM (OTP 25).
 */
final class VmArgsLexer {

  private VmArgsLexer() {}

  static List<Word> words(String text, String source) {
    List<Word> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int wordLine = 0;
    int wordCol = 0;
    char quote = 0;
    boolean comment = false;
    int line = 1;
    int col = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      col++;
      if (c == 0 || c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x0B)) {
        throw new BadInputException(source + ": line " + line + ", column " + col
            + ": binary data, not vm.args text ("
            + (c == '\uFFFD' ? "bytes that are not UTF-8" : String.format("control byte 0x%02X", (int) c)) + ")");
      }
      int here = line;
      int hereCol = col;
      if (c == '\n') {
        line++;
        col = 0;
      }
      if (comment) {
        comment = c != '\n';
        if (!comment && inWord) {
          words.add(new Word(word.toString(), wordLine, wordCol));
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
        continue;
      }
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(new Word(word.toString(), wordLine, wordCol));
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      if (c == '#') {
        comment = true;
        continue;
      }
      if (!inWord) {
        inWord = true;
        wordLine = here;
        wordCol = hereCol;
      }
      if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        col++;
        if (next == '\n') {
          line++;
          col = 0;
        }
        word.append(next);
      } else {
        word.append(c);
      }
    }
    if (inWord) {
      words.add(new Word(word.toString(), wordLine, wordCol));
    }
    return words;
  }
}
