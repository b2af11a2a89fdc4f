package dev.clusterctl.dns;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.InterruptedRunException;
import dev.clusterctl.time.Deadline;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;

/**
 * Asks the servers about one absolute name, round after round, by the rules of the configured
 * {@link ResolverMode}, and keeps every exchange. One query (one message ID) serves every server
 * and round, as both {@code inet_res} and glibc send it.
 *
 * <p>Each round asks the servers still to be asked, in order; each waits its round's wait
 * ({@link ResolverMode#udpWait}), a truncated UDP answer is asked again over TCP with the TCP wait,
 * and the outcome decides ({@link ResolverMode#after}) whether the name is settled, the next server
 * is asked and this one dropped, or this one is asked again next round. Every wait also ends at the
 * operation's deadline.
 */
final class NameQuery {

  private final DnsConfig config;
  private final DnsClient client;
  private final Resolver.Pause pause;

  NameQuery(DnsConfig config, DnsClient client, Resolver.Pause pause) {
    this.config = config;
    this.client = client;
    this.pause = pause;
  }

  /** A server still to be asked, and the earliest time to ask it (after a SERVFAIL, Erlang waits). */
  private record Slot(InetSocketAddress server, int index, Deadline notBefore) {}

  /** One exchange's outcome, the response it brought (if any) and whether that response was truncated. */
  private record Step(Outcome outcome, Message response, boolean truncated) {}

  /**
   * Asks about {@code absoluteName} until it is settled, the rounds are over or the deadline passes;
   * {@code deadlines} is asked for the deadline once the question is built (a budget may start then).
   */
  Attempt run(String absoluteName, int type, Supplier<Deadline> deadlines) {
    Name qname;
    try {
      qname = Name.fromString(absoluteName, Name.root);
    } catch (TextParseException e) {
      throw new BadInputException("invalid domain name '" + absoluteName + "': " + e.getMessage(), e);
    }
    Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
    query.toWire();
    Deadline deadline = deadlines.get();
    ResolverMode mode = config.resolver();
    List<InetSocketAddress> servers = config.servers();
    List<Exchange> log = new ArrayList<>();
    List<Slot> toAsk = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      toAsk.add(new Slot(servers.get(i), i, null));
    }
    Status responseStatus = null;
    Status failureStatus = null;
    Message lastResponse = null;
    boolean outOfTime = false;
    rounds:
    for (int round = 0; round < config.tries() && !toAsk.isEmpty(); round++) {
      List<Slot> again = new ArrayList<>();
      for (Slot slot : toAsk) {
        if (slot.notBefore() != null) {
          pauseUntil(slot.notBefore(), deadline);
        }
        if (deadline.expired()) {
          outOfTime = true;
          break rounds;
        }
        Transport transport = config.tcp() ? Transport.TCP : Transport.UDP;
        Duration wait = transport == Transport.UDP
            ? mode.udpWait(config.timeout(), config.tries(), round, slot.index(), servers.size())
            : mode.tcpWait(config.timeout());
        Step step = exchange(query, type, slot.server(), transport, wait, deadline, log);
        if (transport == Transport.UDP && step.truncated() && retriesOverTcp(mode, step.outcome())) {
          step = exchange(query, type, slot.server(), Transport.TCP, mode.tcpWait(config.timeout()), deadline, log);
        }
        outOfTime |= log.get(log.size() - 1).cutShort();
        if (step.outcome().kind() == Outcome.Kind.RESPONSE) {
          responseStatus = step.outcome().status();
          lastResponse = step.response();
        } else if (step.outcome().kind() != Outcome.Kind.TIMEOUT || failureStatus == null) {
          failureStatus = step.outcome().status();
        }
        switch (mode.after(step.outcome())) {
          case ANSWER -> {
            return new Attempt(absoluteName, type, step.outcome().status(), log, Optional.of(step.response()), false);
          }
          case NEXT_SERVER -> {
            // this server is not asked again for this name
          }
          case ASK_AGAIN -> again.add(new Slot(slot.server(), slot.index(), null));
          case ASK_AGAIN_AFTER_PAUSE -> {
            // inet_res asks a server that said SERVFAIL again only when the lookup has the pause left
            if (!deadline.cuts(ResolverMode.ERLANG_SERVFAIL_RETRY_DELAY)) {
              again.add(new Slot(slot.server(), slot.index(), Deadline.after(ResolverMode.ERLANG_SERVFAIL_RETRY_DELAY)));
            }
          }
        }
      }
      toAsk = again;
    }
    Status status = responseStatus != null ? responseStatus
        : failureStatus != null ? failureStatus : Status.NOT_ASKED;
    return new Attempt(absoluteName, type, status, log, Optional.ofNullable(lastResponse), outOfTime);
  }

  /**
   * True when a truncated UDP response is asked again over TCP: by Erlang only when it is a NOERROR
   * response ({@code query_ns} matches {@code {ok, …}} with TC), by glibc unless it is one that moves
   * on to the next server.
   */
  private static boolean retriesOverTcp(ResolverMode mode, Outcome o) {
    if (o.kind() != Outcome.Kind.RESPONSE) {
      return false;
    }
    if (mode == ResolverMode.ERLANG) {
      return o.rcode() == Rcode.NOERROR;
    }
    return o.status() != Status.SERVFAIL && o.status() != Status.NOTIMP && o.status() != Status.REFUSED;
  }

  private void pauseUntil(Deadline notBefore, Deadline deadline) {
    try {
      pause.sleep(notBefore.remaining(), deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedRunException("interrupted while waiting to ask a DNS server again", e);
    }
  }

  private Step exchange(Message query, int type, InetSocketAddress server, Transport transport, Duration wait,
      Deadline deadline, List<Exchange> log) {
    ResolverMode mode = config.resolver();
    boolean cut = deadline.cuts(wait);
    Deadline own = deadline.within(wait);
    Duration allowed = cut ? deadline.remaining() : wait;
    long start = System.nanoTime();
    List<String> dropped = new ArrayList<>();
    Outcome.Kind droppedKind = null;
    try (DnsClient.Conversation conversation = client.send(query, server, transport, own)) {
      while (true) {
        byte[] wire = conversation.receive(own);
        ReplyCheck.Verdict v = ReplyCheck.check(wire, query, mode);
        if (v.kind() != Outcome.Kind.RESPONSE && mode.dropsAndWaits(v.kind(), transport)) {
          dropped.add(v.description());
          droppedKind = droppedKind == null ? v.kind() : droppedKind;
          continue;
        }
        if (v.kind() == Outcome.Kind.RESPONSE) {
          Message m = v.message().orElseThrow();
          Status s = Resolver.status(m, query.getQuestion().getName(), type);
          boolean tc = m.getHeader().getFlag(Flags.TC);
          log.add(new Exchange(server, transport, s, m.getRcode(), tc, since(start), "", allowed, dropped, false));
          return new Step(new Outcome(Outcome.Kind.RESPONSE, s, m.getRcode()), m, tc);
        }
        return failure(log, server, transport, start, allowed, dropped, false,
            new Outcome(v.kind(), Status.MALFORMED, -1), "malformed answer: " + v.description());
      }
    } catch (SocketTimeoutException e) {
      if (!dropped.isEmpty()) {
        return failure(log, server, transport, start, allowed, dropped, cut,
            new Outcome(Outcome.Kind.TIMEOUT, Status.MALFORMED, -1), onlyDropped(droppedKind, dropped.get(0)));
      }
      String detail = "no answer within " + allowed.toMillis() + " ms"
          + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + (cut ? " (the time for the lookup ran out)" : "");
      return failure(log, server, transport, start, allowed, dropped, cut,
          new Outcome(Outcome.Kind.TIMEOUT, Status.TIMEOUT, -1), detail);
    } catch (ClosedByInterruptException e) {
      throw interrupted(server, e);
    } catch (PortUnreachableException | ConnectException e) {
      checkInterrupt(server, e);
      return failure(log, server, transport, start, allowed, dropped, false,
          new Outcome(Outcome.Kind.PORT_CLOSED, Status.CONNECTION_REFUSED, -1), "connection refused (port closed)");
    } catch (NoRouteToHostException e) {
      checkInterrupt(server, e);
      return failure(log, server, transport, start, allowed, dropped, false,
          new Outcome(Outcome.Kind.UNREACHABLE, Status.NETWORK_ERROR, -1), "no route to the server");
    } catch (EOFException e) {
      checkInterrupt(server, e);
      return failure(log, server, transport, start, allowed, dropped, false,
          new Outcome(Outcome.Kind.CLOSED, Status.NETWORK_ERROR, -1), e.getMessage());
    } catch (IOException e) {
      checkInterrupt(server, e);
      return failure(log, server, transport, start, allowed, dropped, false,
          new Outcome(Outcome.Kind.OTHER, Status.NETWORK_ERROR, -1), rootMessage(e));
    }
  }

  private static String onlyDropped(Outcome.Kind kind, String first) {
    if (kind == Outcome.Kind.WRONG_ID) {
      int paren = first.indexOf('(');
      return "malformed answer: only answers with the wrong message ID arrived" + (paren < 0 ? "" : " " + first.substring(paren));
    }
    return "malformed answer: only replies that are not the answer arrived, the first: " + first;
  }

  private static Step failure(List<Exchange> log, InetSocketAddress server, Transport transport, long start,
      Duration allowed, List<String> dropped, boolean cut, Outcome outcome, String detail) {
    log.add(new Exchange(server, transport, outcome.status(), -1, false, since(start), detail, allowed, dropped, cut));
    return new Step(outcome, null, false);
  }

  private static void checkInterrupt(InetSocketAddress server, IOException e) {
    if (Thread.currentThread().isInterrupted()) {
      throw interrupted(server, e);
    }
  }

  private static InterruptedRunException interrupted(InetSocketAddress server, IOException e) {
    Thread.currentThread().interrupt();
    InterruptedException cause = new InterruptedException("interrupted while asking " + Servers.format(server));
    cause.initCause(e);
    return new InterruptedRunException("interrupted while asking the DNS server " + Servers.format(server), cause);
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? "network failure" : m;
  }
}
