package dev.clusterctl.erlang.dist;

import java.util.List;

/**
 * A cookie and where it came from, with warnings about how it is stored.
 *
 * @param cookie the cookie (prints redacted)
 * @param source where it was read, e.g. {@code file /home/app/.erlang.cookie} or
 *     {@code environment variable RELEASE_COOKIE}; never the value
 * @param warnings one-line warnings, e.g. a cookie file readable by others
 */
public record LoadedCookie(Cookie cookie, String source, List<String> warnings) {

  /** A loaded cookie with a copy of {@code warnings}. */
  public LoadedCookie {
    warnings = List.copyOf(warnings);
  }
}
