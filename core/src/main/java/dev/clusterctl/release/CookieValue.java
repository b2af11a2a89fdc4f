package dev.clusterctl.release;

import dev.clusterctl.erlang.CookieHash;
import java.util.List;
import java.util.Optional;

/**
 * A cookie given to the VM ({@code -setcookie}), described without its text: where it is
 * given, which variables it is made of, and its SHA-256 ({@link CookieHash}) when the text is
 * known here. Printing it shows only the place and the variable names.
 *
 * @param origin where {@code -setcookie} is given
 * @param variables the variables the text comes from (names only; empty for a literal)
 * @param sha256 the hash of the text, when every part is known
 */
public record CookieValue(Origin origin, List<String> variables, Optional<String> sha256) {

  /** Copies the list. */
  public CookieValue {
    variables = List.copyOf(variables);
  }

  /** Describes {@code text} given at {@code origin}; the text itself is not kept. */
  public static CookieValue of(TextValue text, Origin origin) {
    List<String> vars = text.parts().stream()
        .filter(p -> p instanceof TextValue.Hole || p.origin().kind() == Origin.Kind.ENV)
        .map(p -> p instanceof TextValue.Hole h ? bare(h.name()) : p.origin().where())
        .distinct().toList();
    return new CookieValue(origin, vars, text.known().map(CookieHash::of));
  }

  private static String bare(String holeName) {
    return holeName.startsWith("${") && holeName.endsWith("}") ? holeName.substring(2, holeName.length() - 1) : holeName;
  }

  /** True when the text is written as a literal where it is given (no variable). */
  public boolean literal() {
    return variables.isEmpty();
  }

  /** {@code -setcookie at vm.args:3 (from ${RELEASE_COOKIE})}; never the cookie. */
  @Override
  public String toString() {
    return "-setcookie at " + origin + (variables.isEmpty() ? " (literal)" : " (from " + String.join(", ", variables) + ")");
  }
}
