package dev.clusterctl.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.clusterctl.error.BadInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The refresh loop with a scripted peer source, fake probes and a pause that only records. */
class JoinWatchTest {

  private static Peer peer(String ip) {
    return new Peer("app@" + ip, ip, java.util.Optional.of(ip), "A " + ip);
  }

  private static Discovered found(String... ips) {
    return new Discovered.Found(Arrays.stream(ips).map(JoinWatchTest::peer).toList(), List.of());
  }

  private static Discovered failed(String status) {
    return new Discovered.Failed(status, "A app.ns: " + status, false);
  }

  /** A source that plays a script of outcomes, repeating the last one. */
  private static final class ScriptedSource implements PeerSource {
    private final Deque<Discovered> script;
    private Discovered last;

    ScriptedSource(Discovered... outcomes) {
      script = new ArrayDeque<>(List.of(outcomes));
    }

    @Override
    public Discovered discover() {
      if (!script.isEmpty()) {
        last = script.poll();
      }
      return last;
    }

    @Override
    public String describe() {
      return "A app.ns via 127.0.0.1:53 (gen-cluster, host ip)";
    }
  }

  /** A pause that records each requested wait, runs a hook (to change the world between refreshes) and returns at once. */
  private static final class RecordingPause implements Pause {
    final List<Duration> waits = new ArrayList<>();
    Consumer<Integer> hook = n -> { };

    @Override
    public void await(Duration d) {
      waits.add(d);
      hook.accept(waits.size());
    }

    @Override
    public void wake() { }
  }

  /** Written by the watch (on its own thread in some tests), read by the test. */
  private final List<WatchEvent> events = new CopyOnWriteArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T22:00:00Z"), ZoneOffset.UTC);

  private JoinWatch watch(PeerSource source, PeerProber prober, RecordingPause pause, long count, Duration jitter) {
    WatchOptions o = new WatchOptions(Duration.ofSeconds(5), jitter, Duration.ofSeconds(30), OptionalLong.of(count));
    return new JoinWatch(new Refresher(source, prober, false), o, events::add, clock, pause, new Random(1));
  }

  private List<String> types() {
    return events.stream().map(WatchEvent::type).toList();
  }

  @Test
  void firstRefreshJoinsEveryPeerThenDiffsTheSet() {
    ScriptedSource source = new ScriptedSource(found("10.0.0.1", "10.0.0.2"), found("10.0.0.2", "10.0.0.3"));
    WatchSummary s = watch(source, new FakeProbes(), new RecordingPause(), 2, Duration.ZERO).run();
    assertThat(types()).containsExactly(
        "started", "joined", "joined", "refreshed", "joined", "left", "refreshed", "stopped");
    assertThat(((WatchEvent.Joined) events.get(4)).peer().nodeName()).isEqualTo("app@10.0.0.3");
    assertThat(((WatchEvent.Left) events.get(5)).last().nodeName()).isEqualTo("app@10.0.0.1");
    assertThat(s).isEqualTo(new WatchSummary(2, 3, 3, 1, 0, 0, 0, 2, 2, Duration.ZERO));
  }

  @Test
  void stateChangesAreReportedAndFlapsCounted() {
    FakeProbes probes = new FakeProbes();
    ScriptedSource source = new ScriptedSource(
        found("10.0.0.1"), found("10.0.0.1"), found("10.0.0.1"), found(), found("10.0.0.1"));
    RecordingPause pause = new RecordingPause();
    pause.hook = n -> {
      if (n == 1) {
        probes.dead("app@10.0.0.1", true);
      } else if (n == 2) {
        probes.dead("app@10.0.0.1", false).announce("app@10.0.0.1", "app@pod-0.example");
      }
    };
    WatchSummary s = watch(source, probes, pause, 5, Duration.ZERO).run();
    List<WatchEvent.StateChanged> changes = events.stream()
        .filter(e -> e instanceof WatchEvent.StateChanged).map(e -> (WatchEvent.StateChanged) e).toList();
    assertThat(changes).extracting(c -> c.before().verdict().id() + "->" + c.after().verdict().id())
        .containsExactly("joinable->unreachable", "unreachable->name-mismatch");
    assertThat(s.flaps()).isEqualTo(1);
    assertThat(s.leaves()).isEqualTo(1);
    assertThat(s.stateChanges()).isEqualTo(2);
    assertThat(s.peersSeen()).isEqualTo(1);
  }

  @Test
  void failedLookupsKeepTheLastSetStaleAndBackOff() {
    ScriptedSource source = new ScriptedSource(
        found("10.0.0.1"), failed("SERVFAIL"), failed("timeout"), failed("SERVFAIL"), failed("SERVFAIL"),
        failed("SERVFAIL"), found("10.0.0.1"));
    RecordingPause pause = new RecordingPause();
    WatchSummary s = watch(source, new FakeProbes(), pause, 7, Duration.ZERO).run();
    List<WatchEvent.LookupFailed> failures = events.stream()
        .filter(e -> e instanceof WatchEvent.LookupFailed).map(e -> (WatchEvent.LookupFailed) e).toList();
    assertThat(failures).extracting(WatchEvent.LookupFailed::status)
        .containsExactly("SERVFAIL", "timeout", "SERVFAIL", "SERVFAIL", "SERVFAIL");
    assertThat(failures).allSatisfy(f -> assertThat(f.stalePeers()).extracting(PeerReport::nodeName)
        .containsExactly("app@10.0.0.1"));
    assertThat(failures).extracting(WatchEvent.LookupFailed::consecutive).containsExactly(1, 2, 3, 4, 5);
    assertThat(pause.waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30));
    assertThat(types()).contains("lookup-recovered");
    assertThat(types()).doesNotContain("left");
    assertThat(s.lookupFailures()).isEqualTo(5);
  }

  @Test
  void jitterStaysWithinItsBound() {
    RecordingPause pause = new RecordingPause();
    watch(new ScriptedSource(found("10.0.0.1")), new FakeProbes(), pause, 50, Duration.ofMillis(500)).run();
    assertThat(pause.waits).hasSize(49).allSatisfy(d ->
        assertThat(d).isBetween(Duration.ofSeconds(5), Duration.ofMillis(5500)));
    assertThat(pause.waits.stream().distinct().count()).isGreaterThan(1);
  }

  @Test
  void stopFromAnotherThreadEndsWithASummary() throws Exception {
    WatchOptions o = new WatchOptions(Duration.ofHours(1), Duration.ZERO, Duration.ofHours(1), OptionalLong.empty());
    JoinWatch w = new JoinWatch(new Refresher(new ScriptedSource(found("10.0.0.1")), new FakeProbes(), false), o,
        events::add, Clock.systemUTC(), Pause.system(), new Random(1));
    Thread t = new Thread(w::run);
    t.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> types().contains("refreshed"));
    w.refreshNow();
    await().atMost(Duration.ofSeconds(10)).until(() -> types().stream().filter("refreshed"::equals).count() == 2);
    w.stop();
    t.join(10_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(types()).endsWith("stopped");
    assertThat(((WatchEvent.Stopped) events.get(events.size() - 1)).summary().refreshes()).isEqualTo(2);
  }

  @Test
  void stopDuringASilentLookupEndsTheRefreshAtOnceAndReportsTheSummaryOnce() throws Exception {
    // a real lookup of a server that never answers, with a budget far beyond the test's bound:
    // only the interruption stop() sends can end it in time
    try (dev.clusterctl.testing.FakeDnsServer silent =
        dev.clusterctl.testing.FakeDnsServer.start(dev.clusterctl.testing.FakeDnsServer.silent(), null)) {
      dev.clusterctl.dns.DnsConfig dns = new dev.clusterctl.dns.DnsConfig(List.of(silent.address()), false,
          Duration.ofMinutes(10), 1, dev.clusterctl.dns.SearchMode.ERLANG, List.of(), 1);
      PeerSource source = new DnsPeerSource(new dev.clusterctl.discovery.Discovery(dev.clusterctl.dns.Resolver.of(dns)),
          dev.clusterctl.discovery.DiscoverySpec.of(dev.clusterctl.discovery.Strategy.GEN_CLUSTER, null, null, "app", "app.ns.example."), "app.ns.example.", "silent");
      WatchOptions o = new WatchOptions(Duration.ofHours(1), Duration.ZERO, Duration.ofHours(1), OptionalLong.empty());
      JoinWatch w = new JoinWatch(new Refresher(source, new FakeProbes(), false), o, events::add, Clock.systemUTC(),
          Pause.system(), new Random(1));
      Thread t = new Thread(w::run);
      t.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> silent.queries() > 0);
      long asked = System.nanoTime();
      w.stop();
      t.join(10_000);
      assertThat(t.isAlive()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));
      assertThat(types()).containsExactly("started", "stopped");
      assertThat(((WatchEvent.Stopped) events.get(1)).summary().refreshes()).isZero();
    }
  }

  @Test
  void anUnexpectedFailureInDiscoveryIsALookupFailureNotTheEnd() {
    PeerSource flaky = new PeerSource() {
      int n;

      @Override
      public Discovered discover() {
        if (n++ == 0) {
          throw new IllegalStateException("resolver blew up");
        }
        return found("10.0.0.1");
      }

      @Override
      public String describe() {
        return "flaky";
      }
    };
    watch(flaky, new FakeProbes(), new RecordingPause(), 2, Duration.ZERO).run();
    assertThat(types()).containsExactly("started", "lookup-failed", "lookup-recovered", "joined", "refreshed", "stopped");
  }

  @Test
  void badInputEndsTheLoop() {
    PeerSource bad = new PeerSource() {
      @Override
      public Discovered discover() {
        throw new BadInputException("invalid domain name 'a..b'");
      }

      @Override
      public String describe() {
        return "bad";
      }
    };
    assertThatThrownBy(() -> watch(bad, new FakeProbes(), new RecordingPause(), 3, Duration.ZERO).run())
        .isInstanceOf(BadInputException.class);
  }

  @Test
  void meshShowsPartitionsAndUnlistedNodes() {
    FakeProbes probes = new FakeProbes()
        .sees("app@10.0.0.1", "app@10.0.0.2", "app@10.9.9.9")
        .sees("app@10.0.0.2", "app@10.0.0.1")
        .sees("app@10.0.0.3");
    JoinReport r = new Refresher(new ScriptedSource(found("10.0.0.1", "10.0.0.2", "10.0.0.3")), probes, true).refresh();
    Mesh m = r.mesh().orElseThrow();
    assertThat(m.partitions()).containsExactly(List.of("app@10.0.0.1", "app@10.0.0.2"), List.of("app@10.0.0.3"));
    assertThat(m.unlisted()).containsEntry("app@10.0.0.1", List.of("app@10.9.9.9"));
    assertThat(m.connected("app@10.0.0.1", "app@10.0.0.3")).contains(false);
    assertThat(m.fullyConnected()).isFalse();
    assertThat(r.allJoinable()).as("a partitioned cluster is not all joinable").isFalse();
  }
}
