package dev.clusterctl.erlang.term;

/**
 * A process identifier, as carried by the
 * <a href="https://www.erlang.org/doc/apps/erts/erl_ext_dist.html#new_pid_ext">external term
 * format</a> ({@code NEW_PID_EXT}); node-local numbers that only mean something on {@code node}.
 *
 * @param node the node the process lives on
 * @param id the process number (32 bits on the wire; 64 with {@code V4_NC})
 * @param serial the serial number
 * @param creation the node's creation (which incarnation of {@code node})
 */
public record Pid(String node, long id, long serial, long creation) implements Term {

  @Override
  public String toString() {
    return "<" + node + "." + id + "." + serial + ">";
  }
}
