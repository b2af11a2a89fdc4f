package dev.clusterctl.erlang.dist;

/**
 * What EPMD knows about one registered node: the answer to {@code PORT_PLEASE2_REQ}
 * (<a href="https://www.erlang.org/doc/apps/erts/erl_dist_protocol.html#port_please2_req">spec</a>).
 *
 * @param port the node's distribution port
 * @param hidden true when the node registered as hidden (type 72), false for a normal node (77)
 * @param protocol the protocol byte (0 = TCP/IPv4)
 * @param highestVersion highest distribution version the node speaks
 * @param lowestVersion lowest distribution version the node speaks
 * @param name the alive name as registered
 */
public record EpmdEntry(int port, boolean hidden, int protocol, int highestVersion, int lowestVersion, String name) {}
