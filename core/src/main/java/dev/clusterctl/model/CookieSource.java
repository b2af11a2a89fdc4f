package dev.clusterctl.model;

import java.util.List;

/**
 * One place the distribution cookie is set. The model never holds the cookie itself: a literal
 * is kept only as its SHA-256 ({@link dev.clusterctl.erlang.CookieHash}).
 *
 * @param origin where it is set ({@code vm.args line 4 (-setcookie, literal)}, {@code env RELX_COOKIE})
 * @param envVar the container environment variable that holds it, or {@code null}
 * @param literalHash the SHA-256 of a literal vm.args cookie, or {@code null}
 * @param variables the {@code ${VAR}} names a vm.args cookie is made of (empty for a literal)
 */
public record CookieSource(String origin, String envVar, String literalHash, List<String> variables) {

  /** Copies the list. */
  public CookieSource {
    variables = List.copyOf(variables);
  }

  @Override
  public String toString() {
    return origin;
  }
}
