package dev.clusterctl.erlang.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clusterctl.testing.ErlangNodes;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe against real OTP nodes (Debian erlang-base), EPMD-less and with EPMD, on loopback. */
class NodeProbeRealNodesTest {

  private static final String COOKIE = "probe-test-cookie";
  private static ErlangNodes erl;
  private static ErlangNodes.Node a;
  private static ErlangNodes.Node b;
  private static ErlangNodes.Node c;
  private static ErlangNodes.Node renamed;
  private static ErlangNodes.Node otherCookie;
  private static ErlangNodes.Node registered;

  @BeforeAll
  static void startNodes() throws Exception {
    erl = ErlangNodes.create();
    // a keeps pinging b until they are connected; c is connected to nobody.
    String connectToB =
        "spawn(fun() -> F = fun G() -> case net_adm:ping('ledger@127.0.0.3') of pong -> ok;"
            + " pang -> timer:sleep(200), G() end end, F() end).";
    b = erl.start("ledger@127.0.0.3", "127.0.0.3", COOKIE, null);
    a = erl.start("ledger@127.0.0.2", "127.0.0.2", COOKIE, connectToB);
    c = erl.start("ledger@127.0.0.5", "127.0.0.5", COOKIE, null);
    renamed = erl.start("ledger@ledger-0.example", "127.0.0.4", COOKIE, null);
    otherCookie = erl.start("ledger@127.0.0.6", "127.0.0.6", "some-other-cookie", null);
    registered = erl.startWithEpmd("viaepmd@127.0.0.1", COOKIE);
    erl.awaitReady(a, b, c, renamed, otherCookie, registered);
  }

  @AfterAll
  static void stopNodes() {
    if (erl != null) {
      erl.close();
    }
  }

  private static NodeProbe probe(boolean withCookie, boolean listNodes) throws Exception {
    ProbeOptions o = ProbeOptions.defaults().withTimeout(Duration.ofSeconds(5)).withEpmdPort(erl.epmdPort())
        .withListNodes(listNodes);
    return new NodeProbe(withCookie ? o.withCookie(Cookie.of(COOKIE)) : o);
  }

  private static ProbeTarget fixed(String name) {
    return ProbeTarget.of(name).withPort(erl.distPort());
  }

  @Test
  void correctNameAndCookieIsJoinable() throws Exception {
    try (NodeProbe p = probe(true, false)) {
      ProbeResult r = p.probe(fixed("ledger@127.0.0.2"));
      assertThat(r.error()).isEmpty();
      assertThat(r.status()).contains(HandshakeStatus.OK);
      assertThat(r.announcedName()).contains("ledger@127.0.0.2");
      assertThat(r.nameMatches()).contains(true);
      assertThat(r.cookie()).isEqualTo(CookieCheck.ACCEPTED);
      assertThat(r.portSource()).isEqualTo(PortSource.FIXED);
      assertThat(r.peerFlags() & DistFlags.MANDATORY_OTP25).isEqualTo(DistFlags.MANDATORY_OTP25);
      assertThat(r.verdict()).isEqualTo(Verdict.JOINABLE);
    }
  }

  @Test
  void withoutCookieTheAnnouncedNameIsStillRead() throws Exception {
    try (NodeProbe p = probe(false, false)) {
      ProbeResult r = p.probe(fixed("ledger@127.0.0.2"));
      assertThat(r.announcedName()).contains("ledger@127.0.0.2");
      assertThat(r.cookie()).isEqualTo(CookieCheck.NOT_TESTED);
      assertThat(r.verdict()).isEqualTo(Verdict.REACHABLE);
    }
  }

  @Test
  void nodeCallingItselfSomethingElseIsANameMismatch() throws Exception {
    try (NodeProbe p = probe(true, false)) {
      ProbeResult r = p.probe(fixed("ledger@127.0.0.4"));
      assertThat(r.status()).contains(HandshakeStatus.OK);
      assertThat(r.announcedName()).contains("ledger@ledger-0.example");
      assertThat(r.nameMatches()).contains(false);
      assertThat(r.verdict()).isEqualTo(Verdict.NAME_MISMATCH);
    }
  }

  @Test
  void wrongCookieIsRejected() throws Exception {
    try (NodeProbe p = probe(true, false)) {
      ProbeResult r = p.probe(fixed("ledger@127.0.0.6"));
      assertThat(r.announcedName()).contains("ledger@127.0.0.6");
      assertThat(r.cookie()).isEqualTo(CookieCheck.REJECTED);
      assertThat(r.verdict()).isEqualTo(Verdict.COOKIE_REJECTED);
    }
  }

  @Test
  void deadNodeIsConnectionRefused() throws Exception {
    try (NodeProbe p = probe(true, false)) {
      ProbeResult r = p.probe(fixed("ledger@127.0.0.9"));
      assertThat(r.error()).get().extracting(ProbeError::kind).isEqualTo(ProbeError.Kind.CONNECTION_REFUSED);
      assertThat(r.error().get().message()).isEqualTo("node at 127.0.0.9:" + erl.distPort() + ": connection refused");
      assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    }
  }

  @Test
  void portComesFromEpmd() throws Exception {
    try (NodeProbe p = probe(true, false)) {
      ProbeResult r = p.probe(ProbeTarget.of("viaepmd@127.0.0.1"));
      assertThat(r.portSource()).isEqualTo(PortSource.EPMD);
      assertThat(r.epmd()).get().satisfies(e -> {
        assertThat(e.name()).isEqualTo("viaepmd");
        assertThat(e.hidden()).isFalse();
        assertThat(e.highestVersion()).isGreaterThanOrEqualTo(6);
      });
      assertThat(r.port()).hasValue(r.epmd().get().port());
      assertThat(r.verdict()).isEqualTo(Verdict.JOINABLE);

      ProbeResult missing = p.probe(ProbeTarget.of("nosuchnode@127.0.0.1"));
      assertThat(missing.verdict()).isEqualTo(Verdict.NOT_REGISTERED);
      assertThat(missing.error().get().message())
          .isEqualTo("EPMD at 127.0.0.1:" + erl.epmdPort() + ": no node named 'nosuchnode' is registered");
    }
  }

  @Test
  void epmdListsRegisteredNames() throws Exception {
    EpmdNames names = EpmdClient.names(InetAddress.getByName("127.0.0.1"), erl.epmdPort(), Duration.ofSeconds(3));
    assertThat(names.nodes()).extracting(EpmdNames.Registration::alive).contains("viaepmd");
  }

  @Test
  void rexNodesShowsWhoIsConnected() throws Exception {
    try (NodeProbe p = probe(true, true)) {
      // node .2 connects to .3 shortly after they start
      List<ProbeResult> rs = await().atMost(Duration.ofSeconds(15))
          .until(() -> p.probeAll(List.of(fixed("ledger@127.0.0.2"), fixed("ledger@127.0.0.3"), fixed("ledger@127.0.0.5"))),
              probed -> probed.get(0).nodes().orElse(List.of()).contains("ledger@127.0.0.3"));
      assertThat(rs.get(0).nodes()).contains(List.of("ledger@127.0.0.3"));
      assertThat(rs.get(1).nodes()).contains(List.of("ledger@127.0.0.2"));
      assertThat(rs.get(2).nodes()).contains(List.of());
      // the probe is hidden: it never shows up in anyone's nodes()
      assertThat(rs).allSatisfy(r -> assertThat(r.nodes().get()).noneMatch(n -> n.startsWith("clusterctl-")));
    }
  }
}
