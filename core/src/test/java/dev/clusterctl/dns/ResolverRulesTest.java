package dev.clusterctl.dns;

import static dev.clusterctl.dns.ScriptedClient.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.time.Deadline;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Each rule of the resolvers, exchange by exchange, with synthetic replies and no network:
 * which outcomes settle a name, which move on to the next server, which servers are asked again.
 * The same rules against the real {@code inet_res} are in {@link InetResCrossCheckTest}.
 */
class ResolverRulesTest {

  private static final InetSocketAddress S1 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1053);
  private static final InetSocketAddress S2 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 2053);

  private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());

  private static DnsConfig erlang(InetSocketAddress... servers) {
    return DnsConfig.from(ResolvConf.empty("test")).withServers(List.of(servers));
  }

  private static DnsConfig libc(InetSocketAddress... servers) {
    return erlang(servers).withResolver(ResolverMode.LIBC).withSearchMode(SearchMode.LIBC);
  }

  private Resolver resolver(DnsConfig c, DnsClient client) {
    return new Resolver(c, client, (p, d) -> pauses.add(p));
  }

  private static ARecord a(String owner, String ip) {
    try {
      return new ARecord(name(owner), DClass.IN, 30, InetAddress.getByName(ip));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** S1 answers {@code rcode}, S2 never answers. */
  private static ScriptedClient firstAnswersSecondSilent(int rcode) {
    return new ScriptedClient((q, server, t) -> server.equals(S1) ? ScriptedClient.rcode(q, rcode) : null);
  }

  private static List<Integer> ports(ScriptedClient c) {
    return c.sent.stream().map(s -> Integer.parseInt(s.split(" ")[0])).toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {Rcode.REFUSED, Rcode.FORMERR, Rcode.NOTIMP})
  void erlangDoesNotAskAServerAgainThatRefusedOrCouldNotDoTheQuery(int rcode) {
    ScriptedClient c = firstAnswersSecondSilent(rcode);
    Attempt at = resolver(erlang(S1, S2), c).query("x.example.", Type.A);
    // S1 once, the next server at once, then only S2 in the later rounds
    assertThat(ports(c)).containsExactly(1053, 2053, 2053, 2053);
    assertThat(at.exchanges()).extracting(e -> e.allowed().toMillis()).containsExactly(666L, 666L, 1333L, 2666L);
    assertThat(at.status().name()).isEqualTo(Rcode.string(rcode));
    assertThat(at.response()).isPresent();
  }

  @Test
  void erlangAsksAServerThatSaidServfailAgainAfterItsPause() {
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, ScriptedClient.code(Rcode.SERVFAIL));
    Attempt at = resolver(erlang(S1), c).query("x.example.", Type.A);
    assertThat(c.sent).hasSize(3);
    assertThat(at.status()).isEqualTo(Status.SERVFAIL);
    assertThat(pauses).hasSize(2).allSatisfy(p -> assertThat(p).isBetween(Duration.ofMillis(1400), Duration.ofMillis(1500)));
  }

  @Test
  void erlangDoesNotAskAgainAfterServfailWhenTheLookupHasNotThePauseLeft() {
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, ScriptedClient.code(Rcode.SERVFAIL));
    Attempt at = resolver(erlang(S1), c).query("x.example.", Type.A, Deadline.after(Duration.ofMillis(1000)));
    assertThat(c.sent).hasSize(1);
    assertThat(pauses).isEmpty();
    assertThat(at.status()).isEqualTo(Status.SERVFAIL);
  }

  @Test
  void erlangAsksASilentServerAgainEveryRound() {
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, ScriptedClient.silence());
    Attempt at = resolver(erlang(S1), c).query("x.example.", Type.A);
    assertThat(at.exchanges()).extracting(Exchange::status).containsOnly(Status.TIMEOUT).hasSize(3);
    assertThat(at.exchanges()).extracting(Exchange::detail)
        .containsExactly("no answer within 666 ms", "no answer within 1333 ms", "no answer within 2666 ms");
    assertThat(at.outOfTime()).isFalse();
  }

  @Test
  void aClosedPortIsNotAskedAgainByErlangButIsByGlibc() {
    ScriptedClient.ServerScript closedThenSilent = (q, server, t) -> {
      if (server.equals(S1)) {
        throw new PortUnreachableException("ICMP port unreachable");
      }
      return null;
    };
    ScriptedClient e = new ScriptedClient(closedThenSilent);
    resolver(erlang(S1, S2), e).query("x.example.", Type.A);
    assertThat(ports(e)).containsExactly(1053, 2053, 2053, 2053);
    ScriptedClient g = new ScriptedClient(closedThenSilent);
    resolver(libc(S1, S2).withTries(2), g).query("x.example.", Type.A);
    assertThat(ports(g)).containsExactly(1053, 2053, 1053, 2053);
  }

  @Test
  void nxdomainSettlesTheNameWithoutAskingTheNextServer() {
    ScriptedClient c = firstAnswersSecondSilent(Rcode.NXDOMAIN);
    Attempt at = resolver(erlang(S1, S2), c).query("x.example.", Type.A);
    assertThat(ports(c)).containsExactly(1053);
    assertThat(at.status()).isEqualTo(Status.NXDOMAIN);
  }

  @Test
  void glibcAsksEveryServerAgainAfterRefusedAndKeepsItsOwnWaits() {
    ScriptedClient c = firstAnswersSecondSilent(Rcode.REFUSED);
    Attempt at = resolver(libc(S1, S2), c).query("x.example.", Type.A);
    // resolv.conf's defaults: timeout 5 s, attempts 2; every try asks every server
    assertThat(ports(c)).containsExactly(1053, 2053, 1053, 2053);
    assertThat(at.exchanges()).extracting(e -> e.allowed().toSeconds()).containsExactly(5L, 5L, 5L, 5L);
    assertThat(at.status()).isEqualTo(Status.REFUSED);
  }

  @Test
  void erlangEndsTheExchangeOnAReplyToAnotherQuestionAndAsksAgainNextRound() {
    ScriptedClient c = new ScriptedClient((q, server, t) -> server.equals(S1) ? otherQuestion(q) : null);
    Attempt at = resolver(erlang(S1, S2), c).query("x.example.", Type.A);
    // inet_res's {error,{noquery,_}}: the next server at once, this one again in the next round
    assertThat(ports(c)).containsExactly(1053, 2053, 1053, 2053, 1053, 2053);
    assertThat(at.status()).isEqualTo(Status.MALFORMED);
    assertThat(at.response()).isEmpty();
    assertThat(at.exchanges().get(0).detail())
        .isEqualTo("malformed answer: a reply to another question: elsewhere.example. A (asked x.example. A)");
  }

  @Test
  void glibcDropsAReplyToAnotherQuestionAndTakesTheRightOneThatFollows() {
    ScriptedClient c = new ScriptedClient().onMany("x.example.", Type.A, q -> List.of(otherQuestion(q).toWire(),
        ScriptedClient.response(q, Rcode.NOERROR, List.of(a("x.example.", "10.0.0.1")), List.of()).toWire()));
    Attempt at = resolver(libc(S1), c).query("x.example.", Type.A);
    assertThat(at.status()).isEqualTo(Status.NOERROR);
    assertThat(at.exchanges()).hasSize(1);
    assertThat(at.exchanges().get(0).dropped())
        .containsExactly("a reply to another question: elsewhere.example. A (asked x.example. A)");
  }

  @Test
  void glibcWaitsPastRepliesToAnotherQuestionUntilItsWaitRunsOut() {
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, ResolverRulesTest::otherQuestion);
    Attempt at = resolver(libc(S1).withTries(1), c).query("x.example.", Type.A);
    assertThat(at.status()).isEqualTo(Status.MALFORMED);
    assertThat(at.exchanges().get(0).detail()).startsWith(
        "malformed answer: only replies that are not the answer arrived, the first: a reply to another question");
  }

  @Test
  void theQuestionNameIsComparedWithoutRegardToCase() {
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, q -> {
      Message m = ScriptedClient.response(q, Rcode.NOERROR, List.of(a("X.EXAMPLE.", "10.0.0.1")), List.of());
      m.removeAllRecords(Section.QUESTION);
      m.addRecord(org.xbill.DNS.Record.newRecord(name("X.Example."), Type.A, DClass.IN), Section.QUESTION);
      return m;
    });
    assertThat(resolver(erlang(S1), c).query("x.example.", Type.A).status()).isEqualTo(Status.NOERROR);
  }

  @Test
  void aWrongIdOverUdpIsDroppedAndTheRightReplyThatFollowsIsTaken() {
    ScriptedClient c = new ScriptedClient().onMany("x.example.", Type.A, q -> {
      Message right = ScriptedClient.response(q, Rcode.NOERROR, List.of(a("x.example.", "10.0.0.1")), List.of());
      Message forged = ScriptedClient.response(q, Rcode.NOERROR, List.of(a("x.example.", "192.0.2.66")), List.of());
      forged.getHeader().setID((q.getHeader().getID() + 1) & 0xffff);
      return List.of(forged.toWire(), right.toWire());
    });
    Attempt at = resolver(erlang(S1), c).query("x.example.", Type.A);
    assertThat(at.status()).isEqualTo(Status.NOERROR);
    assertThat(Answers.addresses(at.records())).extracting(InetAddress::getHostAddress).containsExactly("10.0.0.1");
    assertThat(at.exchanges().get(0).dropped()).singleElement().asString().startsWith("a reply with the wrong message ID");
  }

  @Test
  void erlangTakesAnErrorResponseAsItComesLikeInetResButGlibcChecksItsId() {
    Resolver.Pause none = (p, d) -> { };
    ScriptedClient.Reply refusedWrongId = q -> {
      Message m = ScriptedClient.rcode(q, Rcode.REFUSED);
      m.getHeader().setID((q.getHeader().getID() + 7) & 0xffff);
      return m;
    };
    ScriptedClient e = new ScriptedClient().on("x.example.", Type.A, refusedWrongId);
    assertThat(new Resolver(erlang(S1), e, none).query("x.example.", Type.A).status()).isEqualTo(Status.REFUSED);
    ScriptedClient g = new ScriptedClient().on("x.example.", Type.A, refusedWrongId);
    assertThat(new Resolver(libc(S1).withTries(1), g, none).query("x.example.", Type.A).status())
        .isEqualTo(Status.MALFORMED);
  }

  @Test
  void aPacketThatIsNotAResponseIsNotTakenAndNotAskedAgainByErlang() {
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, q -> {
      Message m = ScriptedClient.response(q, Rcode.NOERROR, List.of(a("x.example.", "10.0.0.1")), List.of());
      m.getHeader().unsetFlag(Flags.QR);
      return m;
    });
    Attempt at = resolver(erlang(S1), c).query("x.example.", Type.A);
    assertThat(c.sent).hasSize(1);
    assertThat(at.status()).isEqualTo(Status.MALFORMED);
    assertThat(at.exchanges().get(0).detail()).isEqualTo("malformed answer: the packet received is not a DNS response (QR bit unset)");
  }

  @Test
  void erlangGivesTcpFiveTimesItsTimeoutWithinTheLookupsBudget() {
    ScriptedClient c = new ScriptedClient()
        .on("big.example.", Type.A, Transport.UDP, ScriptedClient.truncated())
        .on("big.example.", Type.A, Transport.TCP, ScriptedClient.silence());
    Attempt at = resolver(erlang(S1), c).query("big.example.", Type.A, Deadline.after(Duration.ofMinutes(1)));
    assertThat(at.exchanges()).extracting(Exchange::transport, e -> e.allowed().toMillis()).startsWith(
        org.assertj.core.groups.Tuple.tuple(Transport.UDP, 666L), org.assertj.core.groups.Tuple.tuple(Transport.TCP, 10_000L));
    // the default budget is the UDP schedule (inet_res:getbyname/2 has none): it caps the TCP wait, and says so
    Attempt capped = resolver(erlang(S1), c).query("big.example.", Type.A);
    assertThat(capped.exchanges().get(1).allowed()).isLessThan(Duration.ofSeconds(5));
    assertThat(capped.exchanges().get(1).cutShort()).isTrue();
    assertThat(capped.outOfTime()).isTrue();
  }

  @Test
  void aTruncatedErrorResponseIsNotAskedOverTcpByErlang() {
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, q -> {
      Message m = ScriptedClient.rcode(q, Rcode.NXDOMAIN);
      m.getHeader().setFlag(Flags.TC);
      return m;
    });
    Attempt at = resolver(erlang(S1), c).query("x.example.", Type.A);
    assertThat(c.sent).containsExactly("1053 UDP x.example. A");
    assertThat(at.status()).isEqualTo(Status.NXDOMAIN);
  }

  @Test
  void theOperationsDeadlineCutsTheWaitAndSaysSo() {
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, ScriptedClient.silence());
    Attempt at = resolver(erlang(S1), c).query("x.example.", Type.A, Deadline.after(Duration.ofMillis(300)));
    Exchange first = at.exchanges().get(0);
    assertThat(first.cutShort()).isTrue();
    assertThat(first.allowed()).isLessThanOrEqualTo(Duration.ofMillis(300));
    assertThat(first.detail()).endsWith("(the time for the lookup ran out)");
    assertThat(at.outOfTime()).isTrue();
  }

  @Test
  void aDeadlineAlreadyPastAsksNothing() {
    ScriptedClient c = new ScriptedClient();
    Attempt at = resolver(erlang(S1), c).query("x.example.", Type.A, Deadline.after(Duration.ZERO));
    assertThat(c.sent).isEmpty();
    assertThat(at.status()).isEqualTo(Status.NOT_ASKED);
    assertThat(at.outOfTime()).isTrue();
  }

  @Test
  void aLookupSaysWhenResolvConfSetsOptionsTheNodeIgnores() {
    ResolvConf conf = ResolvConf.parse("nameserver 127.0.0.1\noptions timeout:1 attempts:5\n", "pod resolv.conf");
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, ScriptedClient.code(Rcode.NXDOMAIN));
    DnsConfig node = DnsConfig.from(conf).withServers(List.of(S1));
    LookupResult r = resolver(node, c).lookup("x.example.", Type.A);
    assertThat(r.notes()).containsExactly("pod resolv.conf sets timeout:1 attempts:5, which Erlang's inet_res does not"
        + " read: a node waits 666, 1333, 2666 ms per server in its 3 rounds (timeout 2000 ms, retry 3);"
        + " glibc programs in the same pod apply them");
    assertThat(resolver(node.withResolver(ResolverMode.LIBC), c).lookup("x.example.", Type.A).notes()).isEmpty();
  }

  @Test
  void anInterruptDuringTheServfailPauseStopsTheLookup() {
    ScriptedClient c = new ScriptedClient().on("x.example.", Type.A, ScriptedClient.code(Rcode.SERVFAIL));
    Resolver r = new Resolver(erlang(S1), c, (p, d) -> {
      throw new InterruptedException("Ctrl-C");
    });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.query("x.example.", Type.A))
        .isInstanceOf(dev.clusterctl.error.InterruptedRunException.class);
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void aConnectionRefusedOverTcpIsNamed() throws IOException {
    ScriptedClient c = new ScriptedClient((q, server, t) -> {
      throw new ConnectException("Connection refused");
    });
    Attempt at = resolver(erlang(S1).withTcp(true), c).query("x.example.", Type.A);
    assertThat(at.status()).isEqualTo(Status.CONNECTION_REFUSED);
    assertThat(c.sent).containsExactly("1053 TCP x.example. A");
  }

  private static Message otherQuestion(Message q) {
    Message m = new Message(q.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setFlag(Flags.RD);
    m.addRecord(org.xbill.DNS.Record.newRecord(name("elsewhere.example."), Type.A, DClass.IN), Section.QUESTION);
    m.addRecord(a("elsewhere.example.", "192.0.2.66"), Section.ANSWER);
    return m;
  }
}
