package dev.clusterctl.discovery;

import java.util.Locale;

/** Where the host part of a discovered node name comes from (gen_cluster's {@code host_type}). */
public enum HostType {
  /** The IP address: of the A/AAAA record, or of an SRV target resolved to one address. */
  IP,
  /** A host name: the SRV target, or the PTR name of an A/AAAA address. */
  HOSTNAME;

  /** The lower-case id used on the command line and in JSON. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
