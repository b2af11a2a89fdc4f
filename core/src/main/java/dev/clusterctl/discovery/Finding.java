package dev.clusterctl.discovery;

import java.util.Locale;

/**
 * What a discovery library does with an answer beyond naming nodes: a crash (the library's
 * process fails on this answer and finds no peer at all) or a warning (it works, but not as the
 * answer suggests, e.g. inet_res's cache hides peers). The message uses the library's own words
 * ({@code case_clause}, {@code CaseClauseError}, {@code system_limit}) so it can be matched against
 * the node's log.
 *
 * @param severity how bad it is
 * @param code a stable id ({@code case-clause}, {@code case-clause-error}, {@code system-limit}, {@code inet-res-cache})
 * @param message one or two sentences: what the real node does with this answer
 * @param avoid the configuration that avoids it
 */
public record Finding(Severity severity, String code, String message, String avoid) {

  /** How bad a finding is. */
  public enum Severity {
    /** The library crashes on this answer: no peer is ever found (doctor FAIL, resolve exit 1). */
    CRASH,
    /** The library runs but finds fewer peers than the answer holds (doctor WARN; resolve still exits 0). */
    WARNING;

    /** The lower-case id used in JSON. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A crash. */
  static Finding crash(String code, String message, String avoid) {
    return new Finding(Severity.CRASH, code, message, avoid);
  }

  /** A warning. */
  static Finding warning(String code, String message, String avoid) {
    return new Finding(Severity.WARNING, code, message, avoid);
  }
}
