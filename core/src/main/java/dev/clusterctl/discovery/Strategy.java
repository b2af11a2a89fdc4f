package dev.clusterctl.discovery;

import java.util.Locale;

/** The discovery libraries whose peer lookup and node naming clusterctl reproduces. */
public enum Strategy {
  /** gen_cluster's {@code dns} module: A → {@code base@ip}, SRV → {@code base@target}. */
  GEN_CLUSTER("gen-cluster"),
  /** libcluster's {@code Cluster.Strategy.Kubernetes.DNS}: A records only → {@code app@ip}. */
  LIBCLUSTER_DNS("libcluster-dns"),
  /** libcluster's {@code Cluster.Strategy.Kubernetes.DNSSRV}: SRV of the bare service name → {@code app@target}. */
  LIBCLUSTER_DNSSRV("libcluster-dnssrv"),
  /** libcluster's {@code Cluster.Strategy.DNSPoll}: {@code inet_res:lookup} of A and AAAA, no search list → {@code base@ip}. */
  LIBCLUSTER_DNSPOLL("libcluster-dnspoll"),
  /** Phoenix's dns_cluster: always {@code base@ip}; SRV targets are turned into addresses. */
  DNS_CLUSTER("dns-cluster");

  private final String id;

  Strategy(String id) {
    this.id = id;
  }

  /** The id used on the command line and in JSON ({@code gen-cluster}, …). */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }

  /** The strategy with this id (case-insensitive); throws {@link IllegalArgumentException} for others. */
  public static Strategy fromId(String id) {
    for (Strategy s : values()) {
      if (s.id.equals(id.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown strategy '" + id + "'");
  }
}
