package dev.clusterctl.dns;

import dev.clusterctl.time.Deadline;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.xbill.DNS.Message;

/**
 * Carries one DNS question to one server over one transport and hands back, one by one, what the
 * server sends. {@link Resolver} decides which replies to take, drop or wait past (by the rules of
 * its {@link ResolverMode}); tests replace the network with synthetic replies.
 */
@FunctionalInterface
public interface DnsClient {

  /**
   * Sends {@code query} (for TCP: connects, then sends) by {@code deadline} and returns the
   * conversation to read the replies from; the caller closes it.
   *
   * @throws java.net.SocketTimeoutException when the TCP connection is not accepted by {@code deadline}
   * @throws java.net.ConnectException when the TCP port is closed
   * @throws java.nio.channels.ClosedByInterruptException when the thread is interrupted
   * @throws IOException for other network failures
   */
  Conversation send(Message query, InetSocketAddress server, Transport transport, Deadline deadline)
      throws IOException;

  /** The replies to one question from one server. */
  interface Conversation extends AutoCloseable {

    /**
     * The next message the server sends, as received (any message ID: checking it is the
     * resolver's job), waiting at most until {@code deadline}. Over TCP one call reads one
     * length-prefixed message (RFC 1035 4.2.2), all of it by {@code deadline}.
     *
     * @throws java.net.SocketTimeoutException when nothing (more) arrives by {@code deadline}; its
     *     message, when not null, says what did arrive (e.g. part of a TCP answer)
     * @throws java.net.PortUnreachableException when the server's UDP port is closed (ICMP)
     * @throws java.io.EOFException when the server closes the TCP connection early
     * @throws java.nio.channels.ClosedByInterruptException when the thread is interrupted
     * @throws IOException for other network failures
     */
    byte[] receive(Deadline deadline) throws IOException;

    /** Releases the socket. */
    @Override
    void close();
  }
}
