package dev.clusterctl.model;

/**
 * A port given by number or by name, like a Service's {@code targetPort}.
 *
 * @param number the port number, or 0 when the port is named
 * @param name the port name, or {@code null} when the port is a number
 */
public record PortRef(int number, String name) {

  /** A port by number. */
  public static PortRef number(int number) {
    return new PortRef(number, null);
  }

  /** A port by name. */
  public static PortRef named(String name) {
    return new PortRef(0, name);
  }

  /** True when the port is given by name. */
  public boolean isNamed() {
    return name != null;
  }

  @Override
  public String toString() {
    return isNamed() ? name : Integer.toString(number);
  }
}
