package dev.clusterctl.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.xbill.DNS.Message;
import org.xbill.DNS.SimpleResolver;

/**
 * The network {@link DnsClient}: dnsjava's {@link SimpleResolver}, without EDNS (as Erlang's
 * {@code inet_res} and glibc ask by default, so UDP answers are limited to 512 bytes, RFC 1035
 * 4.2.1) and without dnsjava's own TCP retry, which {@link Resolver} does visibly.
 */
public final class SimpleResolverClient implements DnsClient {

  @Override
  public Message send(Message query, InetSocketAddress server, Transport transport, Duration timeout)
      throws IOException {
    SimpleResolver r = new SimpleResolver(server);
    r.setTCP(transport == Transport.TCP);
    r.setIgnoreTruncation(true);
    r.setEDNS(-1);
    r.setTimeout(timeout);
    return r.send(query);
  }
}
