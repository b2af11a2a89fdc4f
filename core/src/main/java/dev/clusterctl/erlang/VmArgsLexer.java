package dev.clusterctl.erlang;

import dev.clusterctl.erlang.VmArgs.Word;
import dev.clusterctl.error.BadInputException;
import java.util.ArrayList;
import java.util.List;

/** Splits vm.args text into words as {@code erlexec} reads an args file: white space, {@code #} comments, {@code \} escapes. */
final class VmArgsLexer {

  private VmArgsLexer() {}

  static List<Word> words(String text, String source) {
    List<Word> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int line = 1;
    int col = 1;
    int wordLine = 0;
    int wordCol = 0;
    boolean comment = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x0B)) {
        throw new BadInputException(source + ": line " + line + ", column " + col
            + ": binary data, not vm.args text (" + (c == '\uFFFD' ? "bytes that are not UTF-8" : String.format("control byte 0x%02X", (int) c)) + ")");
      }
      if (comment) {
        if (c == '\n') {
          comment = false;
        }
      } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
        if (word.length() == 0) {
          wordLine = line;
          wordCol = col;
        }
        word.append(text.charAt(++i));
        col++;
      } else if (c == '#') {
        comment = true;
      } else if (Character.isWhitespace(c)) {
        if (word.length() > 0) {
          words.add(new Word(word.toString(), wordLine, wordCol));
          word.setLength(0);
        }
      } else {
        if (word.length() == 0) {
          wordLine = line;
          wordCol = col;
        }
        word.append(c);
      }
      if (c == '\n') {
        if (word.length() > 0) {
          words.add(new Word(word.toString(), wordLine, wordCol));
          word.setLength(0);
        }
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    if (word.length() > 0) {
      words.add(new Word(word.toString(), wordLine, wordCol));
    }
    return words;
  }
}
