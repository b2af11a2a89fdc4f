package dev.clusterctl.model;

/** What a discovery strategy puts after the {@code @} of a discovered node name. */
public enum HostType {
  /** The address ({@code base@10.244.0.5}). */
  IP,
  /** A host name: the SRV target or the PTR name ({@code base@pod.svc.ns.svc.cluster.local}). */
  HOSTNAME
}
