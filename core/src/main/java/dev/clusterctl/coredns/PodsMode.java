package dev.clusterctl.coredns;

/**
 * The {@code kubernetes} plugin's {@code pods} option: how {@code a-b-c-d.<ns>.pod.<zone>} is
 * answered; see <a href="https://coredns.io/plugins/kubernetes/">kubernetes plugin</a>.
 */
public enum PodsMode {
  /** No pod records (NXDOMAIN); the plugin's default. */
  DISABLED,
  /** Any parsable IP is echoed back, pod or not. */
  INSECURE,
  /** Only IPs of existing pods in that namespace. */
  VERIFIED
}
