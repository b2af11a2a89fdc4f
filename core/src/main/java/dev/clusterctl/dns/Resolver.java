package dev.clusterctl.dns;

import dev.clusterctl.error.BadInputException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.WireParseException;

/**
 * Looks names up the way a discovery library does and keeps every step: candidates from the
 * search rules, each asked of every server for up to {@code tries} rounds, UDP answers with the TC
 * bit asked again over TCP (RFC 1035 4.2.1, RFC 7766 section 5).
 */
public final class Resolver {

  private final DnsConfig config;
  private final DnsClient client;

  /** A resolver that sends through {@code client} (tests pass synthetic ones). */
  public Resolver(DnsConfig config, DnsClient client) {
    this.config = config;
    this.client = client;
  }

  /** A resolver that asks the configured servers over the network. */
  public static Resolver of(DnsConfig config) {
    return new Resolver(config, new SocketDnsClient());
  }

  /** The configuration this resolver uses. */
  public DnsConfig config() {
    return config;
  }

  /**
   * Looks {@code name} up for {@code type}, expanding it with the configured search rules and
   * stopping at the first candidate with records or at a failure that ends the search.
   *
   * @throws BadInputException when the name is invalid or no server is configured
   */
  public LookupResult lookup(String name, int type) {
    DomainNames.lookupName(name);
    requireServers();
    List<Attempt> attempts = new ArrayList<>();
    for (String candidate : config.candidates(name)) {
      Attempt a = query(candidate, type);
      attempts.add(a);
      if (a.status() == Status.NOERROR || !config.searchMode().continuesAfter(a.status())) {
        break;
      }
    }
    return new LookupResult(name, type, config.searchMode(), attempts);
  }

  /** Looks up an absolute name (as {@code inet_res:lookup/3} does: no search list). */
  public LookupResult lookupAbsolute(String name, int type) {
    String absolute = name.endsWith(".") ? name : name + ".";
    DomainNames.lookupName(absolute);
    requireServers();
    return new LookupResult(name, type, SearchMode.NONE, List.of(query(absolute, type)));
  }

  /** Asks every server, round after round, about one absolute name until one settles it. */
  public Attempt query(String absoluteName, int type) {
    Name qname;
    try {
      qname = Name.fromString(absoluteName, Name.root);
    } catch (TextParseException e) {
      throw new BadInputException("invalid domain name '" + absoluteName + "': " + e.getMessage(), e);
    }
    List<Exchange> exchanges = new ArrayList<>();
    Status last = Status.NETWORK_ERROR;
    Message lastResponse = null;
    for (int round = 0; round < config.tries(); round++) {
      for (InetSocketAddress server : config.servers()) {
        Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
        Message response = exchange(query, server, config.tcp() ? Transport.TCP : Transport.UDP, exchanges);
        if (response != null && response.getHeader().getFlag(Flags.TC) && !config.tcp()) {
          response = exchange(query, server, Transport.TCP, exchanges);
        }
        if (response == null) {
          if (lastResponse == null) {
            last = exchanges.get(exchanges.size() - 1).status();
          }
          continue;
        }
        Status status = status(response, type);
        last = status;
        lastResponse = response;
        if (settles(status)) {
          return new Attempt(absoluteName, type, status, exchanges, Optional.of(response));
        }
      }
    }
    return new Attempt(absoluteName, type, last, exchanges, Optional.ofNullable(lastResponse));
  }

  /** NOERROR, NODATA and NXDOMAIN are final answers; SERVFAIL, REFUSED and the rest make us ask the next server. */
  private static boolean settles(Status status) {
    return status == Status.NOERROR || status == Status.NODATA || status == Status.NXDOMAIN;
  }

  private Message exchange(Message query, InetSocketAddress server, Transport transport, List<Exchange> log) {
    long start = System.nanoTime();
    Duration timeout = config.timeout();
    try {
      Message response = client.send(query, server, transport, timeout);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (response.getHeader().getID() != query.getHeader().getID()) {
        log.add(new Exchange(server, transport, Status.MALFORMED, -1, false, elapsed,
            "answer has the wrong message ID " + response.getHeader().getID()
                + " (asked with " + query.getHeader().getID() + ")"));
        return null;
      }
      if (!response.getHeader().getFlag(Flags.QR)) {
        log.add(new Exchange(server, transport, Status.MALFORMED, -1, false, elapsed,
            "the packet received is not a DNS response (QR bit unset)"));
        return null;
      }
      boolean tc = response.getHeader().getFlag(Flags.TC);
      int rcode = response.getRcode();
      log.add(new Exchange(server, transport, status(response, query.getQuestion().getType()),
          rcode, tc, elapsed, ""));
      return response;
    } catch (SocketTimeoutException e) {
      log.add(failure(server, transport, Status.TIMEOUT, start, "no answer within " + timeout.toMillis() + " ms"));
    } catch (PortUnreachableException | ConnectException e) {
      log.add(failure(server, transport, Status.CONNECTION_REFUSED, start, "connection refused (port closed)"));
    } catch (WireParseException e) {
      log.add(failure(server, transport, Status.MALFORMED, start, "malformed answer: " + e.getMessage()));
    } catch (IOException e) {
      log.add(failure(server, transport, classify(e), start, describe(e, timeout.toMillis())));
    }
    return null;
  }

  private static Exchange failure(InetSocketAddress server, Transport transport, Status status, long start, String detail) {
    return new Exchange(server, transport, status, -1, false, Duration.ofNanos(System.nanoTime() - start), detail);
  }

  /** dnsjava wraps some failures; look through the causes for a timeout or a closed port. */
  private static Status classify(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
        return Status.TIMEOUT;
      }
      if (t instanceof PortUnreachableException || t instanceof ConnectException) {
        return Status.CONNECTION_REFUSED;
      }
      if (t instanceof WireParseException) {
        return Status.MALFORMED;
      }

    }
    return Status.NETWORK_ERROR;
  }

  private static String describe(IOException e, long timeoutMillis) {
    return switch (classify(e)) {
      case TIMEOUT -> "no answer within " + timeoutMillis + " ms";
      case CONNECTION_REFUSED -> "connection refused (port closed)";
      case MALFORMED -> "malformed answer: " + rootMessage(e);
      default -> rootMessage(e);
    };
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  /** The {@link Status} a response means for a question of {@code type}. */
  public static Status status(Message response, int type) {
    int rcode = response.getRcode();
    return switch (rcode) {
      case Rcode.NOERROR -> response.getSection(Section.ANSWER).stream().anyMatch(r -> r.getType() == type)
          ? Status.NOERROR : Status.NODATA;
      case Rcode.NXDOMAIN -> Status.NXDOMAIN;
      case Rcode.SERVFAIL -> Status.SERVFAIL;
      case Rcode.REFUSED -> Status.REFUSED;
      default -> Status.OTHER_RCODE;
    };
  }

  private void requireServers() {
    if (config.servers().isEmpty()) {
      throw new BadInputException("no nameserver to ask: give @host[:port], --nameserver or a resolv.conf with a 'nameserver' line");
    }
  }
}
