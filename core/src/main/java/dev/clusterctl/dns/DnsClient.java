package dev.clusterctl.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.xbill.DNS.Message;

/**
 * Sends one DNS message to one server over one transport and returns the response as received,
 * truncated or not. {@link Resolver} decides what to do with it; tests replace the network with
 * synthetic responses.
 */
@FunctionalInterface
public interface DnsClient {

  /**
   * Sends {@code query} and waits for its response.
   *
   * @throws java.net.SocketTimeoutException when nothing arrives within {@code timeout}
   * @throws java.net.PortUnreachableException or {@link java.net.ConnectException} when the port is closed
   * @throws org.xbill.DNS.WireParseException when what arrives is not a DNS message answering the query
   * @throws IOException for other network failures
   */
  Message send(Message query, InetSocketAddress server, Transport transport, Duration timeout)
      throws IOException;
}
