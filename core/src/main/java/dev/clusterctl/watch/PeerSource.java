package dev.clusterctl.watch;

/** Where peers come from: one call is one discovery run (a DNS lookup, in clusterctl). */
public interface PeerSource {

  /** Runs discovery once; a failed lookup is a {@link Discovered.Failed}, not an exception. */
  Discovered discover();

  /** One line saying what is looked up, e.g. {@code A ledger.payments via 10.96.0.10:53 (gen-cluster)}. */
  String describe();
}
