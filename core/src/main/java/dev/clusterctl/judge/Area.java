package dev.clusterctl.judge;

/** The part of the set-up a check looks at; the report groups results by area. */
public enum Area {
  /** The headless Service. */
  SERVICE("Service"),
  /** The workload's pods. */
  PODS("Pods"),
  /** CoreDNS and the discovery query. */
  DNS("DNS"),
  /** The node names. */
  NODE_NAMES("Node names"),
  /** Erlang distribution: ports and cookie. */
  DISTRIBUTION("Distribution");

  private final String title;

  Area(String title) {
    this.title = title;
  }

  /** The heading shown in reports. */
  public String title() {
    return title;
  }
}
