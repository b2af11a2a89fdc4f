package dev.clusterctl.release;

import java.util.regex.Pattern;

/**
 * Shell pattern matching ({@code *}, {@code ?}, {@code [...]}, {@code \} quoting) as
 * <a href="https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_13">Pattern
 * Matching Notation</a> defines it, for {@code case} arms and {@code ${X%pattern}}.
 */
final class Glob {

  private Glob() {}

  /** {@code text} with every pattern character quoted, so it matches only itself. */
  static String quote(String text) {
    StringBuilder sb = new StringBuilder();
    for (char c : text.toCharArray()) {
      if ("*?[]\\".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** True when the whole of {@code text} matches {@code pattern}. */
  static boolean matches(String pattern, String text) {
    return Pattern.compile(regex(pattern), Pattern.DOTALL).matcher(text).matches();
  }

  /**
   * {@code ${X%p}} (shortest suffix), {@code %%} (longest suffix), {@code #} (shortest prefix) or
   * {@code ##} (longest prefix) removal.
   */
  static String strip(String value, String pattern, String op) {
    Pattern p = Pattern.compile(regex(pattern), Pattern.DOTALL);
    int n = value.length();
    switch (op) {
      case "#" -> {
        for (int i = 0; i <= n; i++) {
          if (p.matcher(value.substring(0, i)).matches()) {
            return value.substring(i);
          }
        }
      }
      case "##" -> {
        for (int i = n; i >= 0; i--) {
          if (p.matcher(value.substring(0, i)).matches()) {
            return value.substring(i);
          }
        }
      }
      case "%" -> {
        for (int i = n; i >= 0; i--) {
          if (p.matcher(value.substring(i)).matches()) {
            return value.substring(0, i);
          }
        }
      }
      default -> {
        for (int i = 0; i <= n; i++) {
          if (p.matcher(value.substring(i)).matches()) {
            return value.substring(0, i);
          }
        }
      }
    }
    return value;
  }

  private static String regex(String pattern) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        sb.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        sb.append(".*");
      } else if (c == '?') {
        sb.append('.');
      } else if (c == '[') {
        int end = pattern.indexOf(']', i + 2);
        if (end < 0) {
          sb.append("\\[");
          continue;
        }
        String body = pattern.substring(i + 1, end);
        sb.append('[');
        if (body.startsWith("!") || body.startsWith("^")) {
          sb.append('^');
          body = body.substring(1);
        }
        for (char b : body.toCharArray()) {
          if ("\\^[]&".indexOf(b) >= 0) {
            sb.append('\\');
          }
          sb.append(b);
        }
        sb.append(']');
        i = end;
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }
}
