package dev.clusterctl.discovery;

/** How a library turns an SRV target into addresses, when it does. */
public enum TargetLookup {
  /** It does not: the target is the host part (a follow-up A, then AAAA, query only checks the target has an address). */
  NONE,
  /**
   * gen_cluster's {@code host_type => ip}: {@code inet_res:getbyname(Target, a, 5000)} (search list
   * applied), expecting exactly one address.
   */
  GETBYNAME_ONE,
  /** dns_cluster: {@code :inet.gethostbyname(Target)}, IPv4 only: an A query, no AAAA. */
  GETHOSTBYNAME_IPV4
}
