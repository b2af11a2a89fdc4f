package dev.clusterctl.model;

/**
 * One place the distribution cookie is set. The value is a secret: it is only ever hashed.
 *
 * @param origin where it is set ({@code vm.args:4 -setcookie}, {@code env RELX_COOKIE})
 * @param template the value as written: a literal, a {@code ${VAR}} reference (vm.args), or
 *     {@code null} when it is an environment variable of the pod template
 * @param envVar the environment variable it is, or {@code null}
 */
public record CookieSource(String origin, String template, String envVar) {

  @Override
  public String toString() {
    return origin;
  }
}
