package dev.clusterctl.erlang;

/**
 * The TCP ports the distribution listens on, from kernel's {@code inet_dist_listen_min} and
 * {@code inet_dist_listen_max}; see
 * <a href="https://www.erlang.org/doc/apps/kernel/kernel_app.html">kernel application</a>.
 *
 * @param min lowest port
 * @param max highest port (equal to {@code min} when only the minimum is set, as kernel does)
 */
public record PortRange(int min, int max) {

  /** True when the range is one fixed port. */
  public boolean isSinglePort() {
    return min == max;
  }

  @Override
  public String toString() {
    return isSinglePort() ? Integer.toString(min) : min + "-" + max;
  }
}
