package dev.clusterctl.cli.join;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterctl.cli.schema.JsonSchemas;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * {@code join --watch -o jsonl} as a real process against real BIND and Erlang nodes: RFC 2136
 * updates add and remove peers while it runs, the events arrive by the next refresh, and SIGTERM
 * ends it with a summary and exit code 130.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JoinWatchProcessTest {

  private static JoinFixture fx;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME = "watch.ns.svc." + JoinFixture.ZONE + ".";

  @BeforeAll
  static void start() throws Exception {
    fx = JoinFixture.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (fx != null) {
      fx.close();
    }
  }

  /** The events read so far, and a queue of the ones not yet looked at. */
  private final List<JsonNode> seen = new ArrayList<>();
  private final BlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
  /** Every line the process printed, as printed. */
  private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

  private JsonNode await(Predicate<JsonNode> what, String description) throws Exception {
    for (JsonNode e : seen) {
      if (what.test(e)) {
        return e;
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      JsonNode e = incoming.poll(200, TimeUnit.MILLISECONDS);
      if (e != null) {
        seen.add(e);
        if (what.test(e)) {
          return e;
        }
      }
    }
    throw new AssertionError("no event " + description + " in " + seen);
  }

  /** The highest refresh number any event read so far carries (events waiting in the queue included). */
  private int lastRefresh() {
    incoming.drainTo(seen);
    return seen.stream().filter(e -> e.has("refresh")).mapToInt(e -> e.get("refresh").asInt()).max().orElse(0);
  }

  private static Predicate<JsonNode> event(String type, String node) {
    return e -> e.get("event").asText().equals(type) && (node == null || node.equals(e.path("node").asText()));
  }

  @Test
  void updatesShowUpAsEventsAndSigtermEndsWithASummary(@TempDir Path home) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "dev.clusterctl.cli.Main"));
    cmd.addAll(fx.args("watch.ns.svc", "--cookie-file", fx.cookieFile.toString(), "--watch", "-o", "jsonl",
        "--interval", "300ms"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("HOME", home.toString());
    File errFile = home.resolve("stderr").toFile();
    pb.redirectError(errFile);
    Process p = pb.start();
    try {
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            lines.add(line);
            incoming.add(JSON.readTree(line));
          }
        } catch (Exception e) {
          // the process ended
        }
      });
      reader.setDaemon(true);
      reader.start();

      await(event("started", null), "started");
      assertThat(await(event("joined", "ledger@127.0.0.2"), "joined .2").get("peer").get("verdict").asText())
          .isEqualTo("joinable");
      await(event("refreshed", null), "refreshed");

      Name name = Name.fromString(NAME);
      fx.dns.update(JoinFixture.ZONE, u -> addA(u, name, "127.0.0.3"));
      int before = lastRefresh();
      JsonNode joined = await(event("joined", "ledger@127.0.0.3"), "joined .3");
      // the refresh running during the update may miss it; the next one cannot
      assertThat(joined.get("refresh").asInt()).isLessThanOrEqualTo(before + 2);

      fx.dns.update(JoinFixture.ZONE, u -> deleteA(u, name, "127.0.0.2"));
      before = lastRefresh();
      JsonNode left = await(event("left", "ledger@127.0.0.2"), "left .2");
      assertThat(left.get("refresh").asInt()).isLessThanOrEqualTo(before + 2);

      fx.dns.update(JoinFixture.ZONE, u -> u.delete(name, Type.A));
      JsonNode failed = await(event("lookup-failed", null), "lookup-failed");
      assertThat(failed.get("status").asText()).isEqualTo("NXDOMAIN");
      assertThat(failed.get("stalePeers").toString()).isEqualTo("[\"ledger@127.0.0.3\"]");

      fx.dns.update(JoinFixture.ZONE, u -> addA(u, name, "127.0.0.3"));
      await(event("lookup-recovered", null), "lookup-recovered");

      // a node that goes down while listed: its state changes, it does not leave
      dev.clusterctl.testing.ErlangNodes.Node extra = fx.erl.start("ledger@127.0.0.8", "127.0.0.8", JoinFixture.COOKIE, null);
      fx.erl.awaitReady(extra);
      fx.dns.update(JoinFixture.ZONE, u -> addA(u, name, "127.0.0.8"));
      assertThat(await(event("joined", "ledger@127.0.0.8"), "joined .8").get("peer").get("verdict").asText())
          .isEqualTo("joinable");
      fx.erl.stop(extra);
      JsonNode changed = await(event("state-changed", "ledger@127.0.0.8"), "state-changed .8");
      assertThat(changed.get("from").asText()).isEqualTo("joinable");
      assertThat(changed.get("to").asText()).isEqualTo("unreachable");
      assertThat(changed.get("peer").get("error").get("kind").asText()).isEqualTo("connection-refused");

      // SIGTERM by pid with kill(1): Process.destroy() would also close our end of its stdout
      new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(143);
      JsonNode stopped = await(event("stopped", null), "stopped");
      JsonNode s = stopped.get("summary");
      assertThat(s.get("peersSeen").asInt()).isEqualTo(3);
      assertThat(s.get("stateChanges").asInt()).isEqualTo(1);
      assertThat(s.get("leaves").asInt()).isEqualTo(1);
      assertThat(s.get("lookupFailures").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(Files.readString(errFile.toPath())).contains("clusterctl: watched ").doesNotContain(JoinFixture.COOKIE);
      // every event of every kind, as docs/schemas/join.schema.json describes it
      JsonSchemas schema = JsonSchemas.join();
      for (String line : lines) {
        schema.check("join --watch -o jsonl", line);
      }
    } finally {
      p.destroyForcibly();
      Name name = Name.fromString(NAME);
      fx.dns.update(JoinFixture.ZONE, u -> {
        u.delete(name, Type.A);
        addA(u, name, "127.0.0.2");
      });
    }
  }

  private static void addA(org.xbill.DNS.Update u, Name name, String ip) {
    try {
      u.add(name, Type.A, 5, ip);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void deleteA(org.xbill.DNS.Update u, Name name, String ip) {
    try {
      u.delete(name, Type.A, ip);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void meshWithoutAnyCookieIsAUsageErrorBeforeAnythingIsPrinted(@TempDir Path home) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), "dev.clusterctl.cli.Main"));
    cmd.addAll(fx.args("good.ns.svc", "--mesh"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("HOME", home.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).isEmpty();
    assertThat(err).contains("--mesh needs a cookie (--cookie-file or --cookie-env)");
  }
}
