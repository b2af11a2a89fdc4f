package dev.clusterctl.model;

/** The workload kinds whose pods clusterctl simulates. */
public enum WorkloadKind {
  /** A Deployment: pods named {@code <name>-<hash>-<random>} (cut to 63 characters), no stable host name. */
  DEPLOYMENT("Deployment", "deploy"),
  /** A StatefulSet: pods named {@code <name>-<ordinal>} with hostname and subdomain set. */
  STATEFULSET("StatefulSet", "sts");

  private final String kind;
  private final String shortName;

  WorkloadKind(String kind, String shortName) {
    this.kind = kind;
    this.shortName = shortName;
  }

  /** The Kubernetes kind. */
  public String kind() {
    return kind;
  }

  /** kubectl's short name, as in {@code --workload sts/NAME}. */
  public String shortName() {
    return shortName;
  }
}
