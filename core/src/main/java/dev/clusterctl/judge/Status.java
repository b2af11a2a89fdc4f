package dev.clusterctl.judge;

import java.util.Locale;

/** The outcome of one check. */
public enum Status {
  /** Nothing wrong. */
  PASS,
  /** Works, but is fragile or surprising. */
  WARN,
  /** The nodes will not form a cluster because of this. */
  FAIL,
  /** Not applicable, or lacking the input it needs. */
  SKIP,
  /** The check itself could not run. */
  ERROR;

  /** The lower-case id used in JSON and on the command line ({@code pass}, …). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
