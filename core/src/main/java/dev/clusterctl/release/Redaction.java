package dev.clusterctl.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Shows command words with the argument of a cookie flag replaced, for printing. */
final class Redaction {

  private static final Set<String> COOKIE_FLAGS = Set.of("-setcookie", "--cookie");

  private Redaction() {}

  /** The words as templates, each one after {@code -setcookie}/{@code --cookie} (and inside a word) redacted. */
  static String words(List<TextValue> words) {
    List<String> out = new ArrayList<>();
    boolean next = false;
    for (TextValue w : words) {
      String t = w.template();
      if (next) {
        out.add("<redacted>");
        next = false;
        continue;
      }
      for (String flag : COOKIE_FLAGS) {
        int at = t.indexOf(flag + " ");
        if (at >= 0) {
          t = t.substring(0, at + flag.length()) + " <redacted>";
        }
      }
      next = COOKIE_FLAGS.contains(t);
      out.add(t);
    }
    return String.join(" ", out);
  }
}
