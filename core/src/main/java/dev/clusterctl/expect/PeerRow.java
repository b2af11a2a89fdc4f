package dev.clusterctl.expect;

import dev.clusterctl.model.RenderedName;

/**
 * One pod's two names side by side: what it calls itself and what its peers will dial.
 *
 * @param pod the example pod
 * @param self the name the pod gives itself, or {@code null} when the naming is unknown
 * @param peersUse the name peers derive for it from DNS, or {@code null} when DNS does not list it
 * @param via how peers got that name ({@code SRV target}, {@code A record}, {@code PTR}, …)
 */
public record PeerRow(ExamplePod pod, RenderedName self, String peersUse, String via) {

  /** True when both names are known and equal exactly, as atoms compare (case-sensitive). */
  public boolean matches() {
    return self != null && peersUse != null && self.name().equals(peersUse);
  }
}
