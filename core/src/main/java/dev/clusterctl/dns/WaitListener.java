package dev.clusterctl.dns;

import java.net.InetSocketAddress;

/**
 * Hears when clusterctl starts and stops waiting for a DNS server's reply, as it happens (the
 * exchange log of a lookup comes only at its end): a front end may show a long wait while it
 * lasts. Called from the threads that wait, possibly several at once; must return at once and
 * never throw.
 */
@FunctionalInterface
public interface WaitListener {

  /** A listener that hears nothing. */
  WaitListener NONE = (server, transport, name) -> () -> { };

  /**
   * A wait for a reply from {@code server} over {@code transport} to the question for {@code name}
   * starts; closing the returned handle says it ended (answered, timed out or interrupted).
   */
  Wait waiting(InetSocketAddress server, Transport transport, String name);

  /** One wait, ended by {@link #close()}. */
  @FunctionalInterface
  interface Wait extends AutoCloseable {
    /** The wait ended. */
    @Override
    void close();
  }

  /** {@code client}, telling this listener about every wait for a reply (connects included, over TCP). */
  default DnsClient observing(DnsClient client) {
    WaitListener listener = this;
    return (query, server, transport, deadline) -> {
      String name = query.getQuestion() == null ? "" : query.getQuestion().getName().toString();
      DnsClient.Conversation conversation;
      try (Wait connecting = listener.waiting(server, transport, name)) {
        conversation = client.send(query, server, transport, deadline);
      }
      return new DnsClient.Conversation() {
        @Override
        public byte[] receive(dev.clusterctl.time.Deadline until) throws java.io.IOException {
          try (Wait waiting = listener.waiting(server, transport, name)) {
            return conversation.receive(until);
          }
        }

        @Override
        public void close() {
          conversation.close();
        }
      };
    };
  }
}
