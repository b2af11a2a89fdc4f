package dev.clusterctl.dns;

import dev.clusterctl.error.BadInputException;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Checks domain names given by users against the DNS limits of RFC 1035 2.3.4 (labels ≤ 63, names ≤ 255 octets). */
public final class DomainNames {

  private DomainNames() {}

  /**
   * Checks a name to look up, relative or absolute (trailing dot), and returns it unchanged.
   *
   * @throws BadInputException with one line naming the input when it is not a valid domain name
   */
  public static String lookupName(String text) {
    String problem = problem(text);
    if (problem != null) {
      throw new BadInputException("invalid domain name '" + printable(text) + "': " + problem);
    }
    return text;
  }

  /** {@code name} without its trailing dot (an absolute name as Erlang writes it); the root {@code .} stays as it is. */
  public static String withoutTrailingDot(String name) {
    return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
  }

  /** Checks a search domain (no leading or trailing dot needed) and returns it without a trailing dot. */
  static String searchDomain(String text, String where) {
    String d = withoutTrailingDot(text);
    String problem = problem(d);
    if (problem != null || d.endsWith(".")) {
      throw new BadInputException(where + "invalid domain '" + printable(text) + "'"
          + (problem == null ? "" : ": " + problem));
    }
    return d;
  }

  /** Why {@code text} is not a valid domain name, or {@code null} when it is. */
  public static String problem(String text) {
    if (text.isEmpty()) {
      return "it is empty";
    }
    if (text.equals(".")) {
      return "the root is not a name to look up";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        return "it contains a space, control or non-ASCII character";
      }
    }
    if (text.indexOf('\\') >= 0) {
      return "backslash escapes are not accepted";
    }
    if (text.startsWith(".") || text.contains("..")) {
      return "it has an empty label";
    }
    try {
      Name.fromString(text, Name.root);
    } catch (TextParseException e) {
      return e.getMessage().replaceFirst("^'[^']*': ", "");
    }
    return null;
  }

  private static String printable(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(c < ' ' || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }
}
