package dev.clusterctl.gather;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the live doctor asks the discovery query.
 *
 * @param mode which kind of server
 * @param servers the servers for {@link Mode#NAMESERVERS}
 * @param resolvConf the resolver configuration for {@link Mode#RESOLV_CONF}
 */
public record DnsWhere(Mode mode, List<InetSocketAddress> servers, Path resolvConf) {

  /** Copies the list. */
  public DnsWhere {
    servers = List.copyOf(servers);
  }

  /** The kinds of server. */
  public enum Mode {
    /** {@code --nameserver}: the given servers, with a pod's search list. */
    NAMESERVERS,
    /** In a pod: its resolver (resolv.conf's nameservers and search list). */
    RESOLV_CONF,
    /** {@code --dns-port-forward}: a port-forward to a CoreDNS pod, over TCP. */
    PORT_FORWARD,
    /** Not asked: no server is reachable from here. */
    NONE
  }

  /** Ask {@code servers}. */
  public static DnsWhere nameservers(List<InetSocketAddress> servers) {
    return new DnsWhere(Mode.NAMESERVERS, servers, null);
  }

  /** Ask the resolver {@code file} describes. */
  public static DnsWhere resolvConf(Path file) {
    return new DnsWhere(Mode.RESOLV_CONF, List.of(), file);
  }

  /** Port-forward to a CoreDNS pod. */
  public static DnsWhere portForward() {
    return new DnsWhere(Mode.PORT_FORWARD, List.of(), null);
  }

  /** Do not ask. */
  public static DnsWhere none() {
    return new DnsWhere(Mode.NONE, List.of(), null);
  }
}
