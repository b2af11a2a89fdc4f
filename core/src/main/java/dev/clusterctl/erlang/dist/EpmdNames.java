package dev.clusterctl.erlang.dist;

import java.util.List;

/**
 * EPMD's answer to {@code NAMES_REQ}: the nodes registered on one host.
 *
 * @param epmdPort the port EPMD says it listens on
 * @param nodes each registered alive name with its distribution port
 */
public record EpmdNames(int epmdPort, List<Registration> nodes) {

  /** One registered node: {@code name <alive> at port <port>}. */
  public record Registration(String alive, int port) {}

  /** The names with a copy of {@code nodes}. */
  public EpmdNames {
    nodes = List.copyOf(nodes);
  }
}
