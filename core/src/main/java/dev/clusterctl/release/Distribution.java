package dev.clusterctl.release;

/** Whether and how a node is named for distribution. */
public enum Distribution {
  /** Long names ({@code -name}): the host part is fully qualified or an IP address. */
  LONG,
  /** Short names ({@code -sname}): the host part has no dot. */
  SHORT,
  /** Not distributed: no name ({@code RELEASE_DISTRIBUTION=none}, or {@code erl} without a name). */
  NONE,
  /** The inputs do not say. */
  UNKNOWN
}
