package dev.clusterctl.testing;

import dev.clusterctl.dns.DnsClient;
import dev.clusterctl.time.Deadline;
import java.net.SocketTimeoutException;
import java.util.function.UnaryOperator;
import org.xbill.DNS.Message;

/**
 * A {@link DnsClient} without a network, for tests of code above the resolver: each question is
 * handed to a function that plays the server; its reply (or silence, for {@code null}) is what the
 * resolver reads. Thread-safe when the function is.
 */
public final class InMemoryDns {

  private InMemoryDns() {}

  /** A client whose every question is answered by {@code server} ({@code null}: no reply, the wait runs out at once). */
  public static DnsClient answering(UnaryOperator<Message> server) {
    return (query, address, transport, deadline) -> {
      Message reply = server.apply(query);
      byte[][] pending = {reply == null ? null : reply.toWire()};
      return new DnsClient.Conversation() {
        @Override
        public byte[] receive(Deadline d) throws SocketTimeoutException {
          byte[] next = pending[0];
          pending[0] = null;
          if (next == null) {
            throw new SocketTimeoutException();
          }
          return next;
        }

        @Override
        public void close() {}
      };
    };
  }
}
