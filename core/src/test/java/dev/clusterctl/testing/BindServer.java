package dev.clusterctl.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * A real BIND 9 {@code named}, started by a test on a free loopback port with generated zones
 * and stopped by {@link #close()}.
 *
 * <pre>{@code
 * try (BindServer dns = BindServer.start(
 *     BindServer.zone("cluster.local").a("ledger.payments.svc", "10.244.0.5", "10.244.0.6").build())) {
 *   ... ask dns.address() ...
 * }
 * }</pre>
 *
 * <p>Every zone accepts RFC 2136 dynamic updates from 127.0.0.1 ({@link #update}), and BIND's
 * limit of 100 records per type at a name is lifted ({@code max-records-per-type 0}) so that
 * large SRV answers can be served. Recursion is off: a name outside the zones answers REFUSED.
 * When {@code named} is not installed the test is skipped (or fails with
 * {@code CLUSTERCTL_REQUIRE_REAL_SERVERS=1}) through {@link RealServers}.
 */
public final class BindServer implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final Path dir;
  private final int port;
  private final List<Zone> zones;

  private BindServer(Process process, Path dir, int port, List<Zone> zones) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.zones = zones;
  }

  /** A zone builder for {@code origin} (e.g. {@code cluster.local}), with SOA and NS already in it. */
  public static ZoneBuilder zone(String origin) {
    return new ZoneBuilder(origin);
  }

  /** Starts {@code named} serving {@code zones} and returns once it answers the first zone's SOA. */
  public static BindServer start(Zone... zones) {
    if (zones.length == 0) {
      throw new IllegalArgumentException("BindServer needs at least one zone");
    }
    Path named = RealServers.require("named", "bind9");
    IOException lastFailure = null;
    for (int tryNo = 0; tryNo < 5; tryNo++) {
      try {
        Path dir = Files.createTempDirectory("clusterctl-bind");
        int port = freePort();
        BindServer server = launch(named, dir, port, List.of(zones));
        if (server != null) {
          return server;
        }
      } catch (IOException e) {
        lastFailure = e;
      }
    }
    throw new IllegalStateException("named did not start after 5 tries", lastFailure);
  }

  private static BindServer launch(Path named, Path dir, int port, List<Zone> zones) throws IOException {
    StringBuilder conf = new StringBuilder();
    conf.append("options {\n")
        .append("  directory \"").append(dir).append("\";\n")
        .append("  pid-file \"").append(dir.resolve("named.pid")).append("\";\n")
        .append("  session-keyfile \"").append(dir.resolve("session.key")).append("\";\n")
        .append("  managed-keys-directory \"").append(dir).append("\";\n")
        .append("  listen-on port ").append(port).append(" { 127.0.0.1; };\n")
        .append("  listen-on-v6 { none; };\n")
        .append("  recursion no;\n")
        .append("  dnssec-validation no;\n")
        .append("  notify no;\n")
        .append("  max-records-per-type 0;\n")
        .append("  querylog yes;\n")
        .append("};\n")
        .append("controls { };\n");
    for (int i = 0; i < zones.size(); i++) {
      Zone z = zones.get(i);
      Path file = dir.resolve("zone" + i + ".db");
      Files.writeString(file, z.text(), StandardCharsets.UTF_8);
      conf.append("zone \"").append(z.origin()).append("\" {\n")
          .append("  type primary;\n")
          .append("  file \"").append(file).append("\";\n")
          .append("  allow-update { 127.0.0.1; };\n")
          .append("};\n");
    }
    Path confFile = dir.resolve("named.conf");
    Files.writeString(confFile, conf.toString(), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(named.toString(), "-g", "-c", confFile.toString(), "-u", "root")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("named.log").toFile())
        .start();
    BindServer server = new BindServer(p, dir, port, List.copyOf(zones));
    try {
      await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> !p.isAlive() || server.answersSoa());
    } catch (ConditionTimeoutException e) {
      String log = server.log();
      server.close();
      throw new IllegalStateException("named did not answer within " + READY_TIMEOUT.toSeconds() + " s:\n" + log, e);
    }
    if (!p.isAlive()) {
      String log = server.log();
      server.deleteDir();
      if (log.contains("address in use")) {
        return null;
      }
      throw new IllegalStateException("named exited with " + p.exitValue() + ":\n" + log);
    }
    return server;
  }

  private boolean answersSoa() {
    try {
      SimpleResolver r = new SimpleResolver(address());
      r.setTimeout(Duration.ofMillis(200));
      Message q = Message.newQuery(Record.newRecord(Name.fromString(zones.get(0).origin(), Name.root), Type.SOA, DClass.IN));
      Message m = r.send(q);
      return m.getRcode() == Rcode.NOERROR && !m.getSection(org.xbill.DNS.Section.ANSWER).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** The loopback port named listens on (UDP and TCP). */
  public int port() {
    return port;
  }

  /** The server's address, {@code 127.0.0.1:port}. */
  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** The server as written on a command line: {@code 127.0.0.1:port}. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  /** The working directory (named.conf, zone files, journals, named.log). */
  public Path directory() {
    return dir;
  }

  /** What named has logged so far. */
  public String log() {
    try {
      return Files.readString(dir.resolve("named.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * The questions named has received so far, in order, as {@code name TYPE} (the name as asked,
   * without trailing dot), read from its query log; use {@code size()} as a mark to see only later ones.
   */
  public List<String> queries() {
    List<String> out = new ArrayList<>();
    for (String line : log().split("\n")) {
      int at = line.indexOf(": query: ");
      if (at < 0) {
        continue;
      }
      String[] w = line.substring(at + ": query: ".length()).split(" ");
      if (w.length >= 3) {
        out.add(w[0] + " " + w[2]);
      }
    }
    return out;
  }

  /**
   * The questions named has received since {@code mark} (a size of {@link #queries()}), once its
   * query log has caught up with every question already answered: a marker question sent now is
   * logged after all of them, so waiting for it in the log waits for them all.
   */
  public List<String> queriesSince(int mark) {
    String marker = "log-marker-" + System.nanoTime() + ".invalid";
    try {
      SimpleResolver r = new SimpleResolver(address());
      r.setTimeout(Duration.ofSeconds(2));
      r.send(Message.newQuery(Record.newRecord(Name.fromString(marker, Name.root), Type.A, DClass.IN)));
    } catch (IOException e) {
      // named logs a question when it arrives, whatever it answers
    }
    String logged = marker + " A";
    List<String> all = await("named's query log to show " + logged).atMost(READY_TIMEOUT).until(this::queries, q -> q.contains(logged));
    return all.subList(mark, all.indexOf(logged));
  }

  /**
   * Sends an RFC 2136 update to the zone {@code origin}: {@code changes} may add and delete
   * records ({@link Update#add}, {@link Update#delete}). Fails unless the server answers NOERROR.
   */
  public void update(String origin, java.util.function.Consumer<Update> changes) {
    try {
      Update u = new Update(Name.fromString(origin, Name.root));
      changes.accept(u);
      SimpleResolver r = new SimpleResolver(address());
      r.setTCP(true);
      r.setTimeout(Duration.ofSeconds(5));
      Message m = r.send(u);
      if (m.getRcode() != Rcode.NOERROR) {
        throw new IllegalStateException("update of " + origin + " answered " + Rcode.string(m.getRcode()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops named (SIGTERM, then SIGKILL after 5 s) and deletes its directory. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteDir();
  }

  private void deleteDir() {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }

  /** A port free for both TCP and UDP on 127.0.0.1 right now. */
  public static int freePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        DatagramSocket udp;
        try {
          udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException inUse) {
          continue;
        }
        udp.close();
        return port;
      }
    }
    throw new IOException("no free loopback port for both TCP and UDP");
  }

  /**
   * A zone served by {@link BindServer}: its origin and its master-file text (RFC 1035 5).
   *
   * @param origin the zone apex, without trailing dot
   * @param text the zone file, which must hold the SOA and NS records
   */
  public record Zone(String origin, String text) {

    /** A zone given as master-file text; {@code $ORIGIN} is set to {@code origin} in front of it. */
    public static Zone ofText(String origin, String text) {
      return new Zone(strip(origin), "$ORIGIN " + strip(origin) + ".\n$TTL 30\n" + text + "\n");
    }
  }

  /** Builds a zone's master file: SOA and NS are written for you; names are relative to the origin unless they end with a dot. */
  public static final class ZoneBuilder {
    private final String origin;
    private final List<String> lines = new ArrayList<>();
    private int ttl = 30;

    private ZoneBuilder(String origin) {
      this.origin = strip(origin);
    }

    /** The TTL of the records added after this call (default 30, kubeadm's CoreDNS {@code ttl}). */
    public ZoneBuilder ttl(int seconds) {
      this.ttl = seconds;
      return this;
    }

    /** A records for {@code name}, one per address. */
    public ZoneBuilder a(String name, String... addresses) {
      Arrays.stream(addresses).forEach(ip -> record(name, "A", ip));
      return this;
    }

    /** AAAA records for {@code name}, one per address. */
    public ZoneBuilder aaaa(String name, String... addresses) {
      Arrays.stream(addresses).forEach(ip -> record(name, "AAAA", ip));
      return this;
    }

    /** An SRV record (RFC 2782); write an absolute {@code target} with a trailing dot. */
    public ZoneBuilder srv(String name, int priority, int weight, int port, String target) {
      return record(name, "SRV", priority + " " + weight + " " + port + " " + target);
    }

    /** A PTR record; {@code name} is relative to this (reverse) zone or absolute. */
    public ZoneBuilder ptr(String name, String target) {
      return record(name, "PTR", target);
    }

    /** A CNAME record. */
    public ZoneBuilder cname(String name, String target) {
      return record(name, "CNAME", target);
    }

    /** Any record: {@code name TTL IN type rdata}. */
    public ZoneBuilder record(String name, String type, String rdata) {
      lines.add(name + " " + ttl + " IN " + type + " " + rdata);
      return this;
    }

    /** A raw master-file line. */
    public ZoneBuilder line(String text) {
      lines.add(text);
      return this;
    }

    /** The zone. */
    public Zone build() {
      StringBuilder sb = new StringBuilder();
      sb.append("$ORIGIN ").append(origin).append(".\n")
          .append("$TTL ").append(30).append('\n')
          .append("@ IN SOA ns.").append(origin).append(". hostmaster.").append(origin)
          .append(". 1 3600 600 86400 30\n")
          .append("@ IN NS ns.").append(origin).append(".\n")
          .append("ns IN A 127.0.0.1\n");
      lines.forEach(l -> sb.append(l).append('\n'));
      return new Zone(origin, sb.toString());
    }
  }

  private static String strip(String origin) {
    return origin.endsWith(".") ? origin.substring(0, origin.length() - 1) : origin;
  }
}
