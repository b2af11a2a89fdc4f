package dev.clusterctl.cli.render.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clusterctl.erlang.dist.CookieCheck;
import dev.clusterctl.erlang.dist.HandshakeStatus;
import dev.clusterctl.erlang.dist.PortSource;
import dev.clusterctl.erlang.dist.ProbeResult;
import dev.clusterctl.erlang.dist.ProbeTarget;
import dev.clusterctl.watch.Discovered;
import dev.clusterctl.watch.JoinWatch;
import dev.clusterctl.watch.Pause;
import dev.clusterctl.watch.Peer;
import dev.clusterctl.watch.PeerProber;
import dev.clusterctl.watch.PeerSource;
import dev.clusterctl.watch.Refresher;
import dev.clusterctl.watch.WatchOptions;
import dev.clusterctl.watch.WatchSummary;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The live view on a virtual xterm: the table is drawn, 'r' refreshes now, 'q' quits. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LiveViewTest {

  private static final class OnePeer implements PeerSource, PeerProber {
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public Discovered discover() {
      lookups.incrementAndGet();
      return new Discovered.Found(List.of(new Peer("app@10.0.0.1", "10.0.0.1", Optional.of("10.0.0.1"), "A 10.0.0.1")),
          List.of());
    }

    @Override
    public String describe() {
      return "A app.ns via 127.0.0.1:53 (gen-cluster, host ip)";
    }

    @Override
    public List<ProbeResult> probe(List<Peer> peers) {
      return peers.stream().map(p -> new ProbeResult(ProbeTarget.of(p.nodeName()).withPort(4370), Optional.of(p.host()),
          PortSource.FIXED, OptionalInt.of(4370), Optional.empty(), Optional.of(HandshakeStatus.OK),
          Optional.of("app@pod-0.example"), CookieCheck.ACCEPTED, 0, Optional.empty(), Optional.empty(),
          Optional.empty(), Duration.ofMillis(1))).toList();
    }
  }

  @Test
  void drawsTheTableAndObeysKeys() throws Exception {
    PipedOutputStream keys = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keys);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    OnePeer world = new OnePeer();
    try (Terminal t = TerminalBuilder.builder().system(false).streams(in, screen).type("xterm")
        .size(new Size(160, 40)).build();
        LiveView view = new LiveView(t, false)) {
      WatchOptions o = new WatchOptions(Duration.ofHours(1), Duration.ZERO, Duration.ofHours(1), OptionalLong.empty());
      JoinWatch w = new JoinWatch(new Refresher(world, world, false), o, view, Clock.systemUTC(), Pause.system(),
          new Random(1));
      view.listenForKeys(w);
      CompletableFuture<WatchSummary> run = CompletableFuture.supplyAsync(w::run);
      await().atMost(Duration.ofSeconds(10)).until(() -> world.lookups.get() >= 1);
      keys.write('r');
      keys.flush();
      await().atMost(Duration.ofSeconds(10)).until(() -> world.lookups.get() >= 2);
      keys.write('q');
      keys.flush();
      WatchSummary s = run.get(10, TimeUnit.SECONDS);
      keys.close(); // end of input for the terminal's reader
      assertThat(s.refreshes()).isEqualTo(2);
      assertThat(view.quitByKey()).isTrue();
      // the terminal copies to the screen on its own thread: wait for the last redraw to arrive
      await().atMost(Duration.ofSeconds(5)).until(() -> screen.toString(StandardCharsets.UTF_8).contains("watched 2 refreshes"));
    }
    String drawn = screen.toString(StandardCharsets.UTF_8);
    assertThat(drawn).contains("join --watch: A app.ns via 127.0.0.1:53", "app@10.0.0.1", "app@pod-0.example",
        "name-mismatch", "joined app@10.0.0.1", "keys: r refresh now, q quit", "watched 2 refreshes");
  }

  @Test
  void aLongWaitIsDrawnUnderTheStatusLineAndClearedThere() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal t = TerminalBuilder.builder().system(false).streams(new PipedInputStream(new PipedOutputStream()), screen)
        .type("xterm").size(new Size(160, 40)).build();
        LiveView view = new LiveView(t, false)) {
      view.waiting("asking 10.96.0.10 over UDP\u2026 2 s");
      await().atMost(Duration.ofSeconds(5)).until(() -> screen.toString(StandardCharsets.UTF_8).contains("keys:"));
      String drawn = screen.toString(StandardCharsets.UTF_8);
      assertThat(drawn).contains("asking 10.96.0.10 over UDP\u2026 2 s").contains("keys: r refresh now, q quit");
      assertThat(drawn.indexOf("starting\u2026")).as("the header stays above the wait").isLessThan(drawn.indexOf("asking"));
      int before = screen.size();
      view.waiting("");
      await().atMost(Duration.ofSeconds(5)).until(() -> screen.size() > before);
      assertThat(screen.toString(StandardCharsets.UTF_8).substring(before)).as("the wait is redrawn away, nothing else is written")
          .doesNotContain("asking").doesNotContain("keys:");
    }
  }
}
