package dev.clusterctl.release;

import dev.clusterctl.release.TextValue.Hole;
import dev.clusterctl.release.TextValue.Literal;
import dev.clusterctl.release.TextValue.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into {@code erl} arguments as OTP's {@code erlexec} does for {@code ERL_FLAGS},
 * {@code ERL_AFLAGS}, {@code ERL_ZFLAGS} and an {@code -args_file} ({@code vm.args}):
 * blanks separate words; {@code "…"} and {@code '…'} group characters (blanks and line breaks
 * included) into a word; {@code \} keeps the next character as it is. Only an args file has
 * comments: {@code #} outside quotes ends the word and skips to the end of the line. Read from
 * {@code build_args_from_string} in {@code erts/etc/common/erlexec.c}.
 *
 * <p>Holes (values only the pod has) stay inside the word they appear in.
 */
public final class ErlexecWords {

  private ErlexecWords() {}

  /** The words of a flags variable such as {@code ERL_FLAGS} (no comments). */
  public static List<TextValue> ofVariable(TextValue value) {
    return split(value, false);
  }

  /** The words of an args file such as {@code vm.args} ({@code #} comments). */
  public static List<TextValue> ofArgsFile(TextValue text) {
    return split(text, true);
  }

  private static List<TextValue> split(TextValue text, boolean comments) {
    List<TextValue> words = new ArrayList<>();
    TextValue word = null;
    StringBuilder run = new StringBuilder();
    Origin runOrigin = null;
    char quote = 0;
    boolean comment = false;
    boolean escape = false;
    for (Part part : text.parts()) {
      if (part instanceof Hole h) {
        if (comment) {
          continue;
        }
        escape = false;
        if (run.length() > 0) {
          word = append(word, TextValue.of(run.toString(), runOrigin));
          run.setLength(0);
        }
        word = append(word, new TextValue(List.of(h)));
        continue;
      }
      Literal l = (Literal) part;
      if (run.length() > 0 && !l.origin().equals(runOrigin)) {
        word = append(word, TextValue.of(run.toString(), runOrigin));
        run.setLength(0);
      }
      runOrigin = l.origin();
      for (char c : l.text().toCharArray()) {
        if (comment) {
          if (c == '\n') {
            comment = false;
          }
          continue;
        }
        if (escape) {
          run.append(c);
          escape = false;
          if (word == null) {
            word = TextValue.empty();
          }
          continue;
        }
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          } else {
            run.append(c);
          }
          continue;
        }
        if (c == '"' || c == '\'') {
          quote = c;
          if (word == null) {
            word = TextValue.empty();
          }
        } else if (c == '\\') {
          escape = true;
        } else if (c == '#' && comments) {
          word = end(words, word, run, runOrigin);
          comment = true;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
          word = end(words, word, run, runOrigin);
        } else {
          run.append(c);
        }
      }
    }
    end(words, word, run, runOrigin);
    return words;
  }

  private static TextValue append(TextValue word, TextValue more) {
    return word == null ? more : word.concat(more);
  }

  private static TextValue end(List<TextValue> words, TextValue word, StringBuilder run, Origin runOrigin) {
    if (run.length() > 0) {
      word = append(word, TextValue.of(run.toString(), runOrigin));
      run.setLength(0);
    }
    if (word != null) {
      words.add(word);
    }
    return null;
  }
}
