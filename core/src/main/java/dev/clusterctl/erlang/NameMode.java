package dev.clusterctl.erlang;

/** Whether a node runs with long names ({@code -name}) or short names ({@code -sname}). */
public enum NameMode {
  /** {@code -name}: the host part must be fully qualified (contain a dot) or be an IP address. */
  LONG("-name"),
  /** {@code -sname}: the host part must not contain a dot. */
  SHORT("-sname");

  private final String flag;

  NameMode(String flag) {
    this.flag = flag;
  }

  /** The {@code erl} flag that selects this mode. */
  public String flag() {
    return flag;
  }
}
