package dev.clusterctl.erlang.term;

/**
 * A port identifier, as carried by the
 * <a href="https://www.erlang.org/doc/apps/erts/erl_ext_dist.html#new_port_ext">external term
 * format</a> ({@code NEW_PORT_EXT} or {@code V4_PORT_EXT}).
 *
 * @param node the node that owns the port
 * @param id the port number
 * @param creation the node's creation
 */
public record Port(String node, long id, long creation) implements Term {

  @Override
  public String toString() {
    return "#Port<" + node + "." + id + ">";
  }
}
