package dev.clusterctl.expect;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** A real BIND 9 {@code named} on a loopback port serving one zone, for as long as a test needs it. */
final class ZoneServer implements AutoCloseable {

  private final Process process;
  private final int port;

  private ZoneServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code named} from {@code named} serving {@code zone} with {@code records} (zone-file lines) in {@code dir}. */
  static ZoneServer start(Path named, Path dir, String zone, List<String> records) throws IOException, InterruptedException {
    int port = freePort();
    String zoneText = "$TTL 30\n@ IN SOA ns." + zone + ". hostmaster." + zone + ". 1 60 60 60 30\n@ IN NS ns." + zone + ".\nns IN A 127.0.0.1\n"
        + String.join("\n", records) + "\n";
    Files.writeString(dir.resolve("zone.db"), zoneText);
    Files.writeString(dir.resolve("named.conf"), """
        options {
          directory "%1$s";
          pid-file "%1$s/named.pid";
          session-keyfile "%1$s/session.key";
          listen-on port %2$d { 127.0.0.1; };
          listen-on-v6 { none; };
          recursion no;
          dnssec-validation no;
        };
        controls { };
        zone "%3$s" { type primary; file "%1$s/zone.db"; };
        """.formatted(dir, port, zone));
    Process p = new ProcessBuilder(named.toString(), "-g", "-c", dir.resolve("named.conf").toString(), "-u", "root")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("named.log").toFile())
        .start();
    ZoneServer server = new ZoneServer(p, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("named exited: " + Files.readString(dir.resolve("named.log")));
      }
      if (server.answersSoa(zone)) {
        return server;
      }
      Thread.sleep(100);
    }
    server.close();
    throw new IllegalStateException("named did not answer within 20 s: " + Files.readString(dir.resolve("named.log")));
  }

  /** The port it listens on (UDP and TCP, 127.0.0.1). */
  int port() {
    return port;
  }

  private boolean answersSoa(String zone) {
    try {
      SimpleResolver r = new SimpleResolver(InetAddress.getLoopbackAddress());
      r.setPort(port);
      r.setTimeout(Duration.ofMillis(300));
      Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString(zone + "."), Type.SOA, DClass.IN)));
      return m.getRcode() == Rcode.NOERROR && m.getSection(1).size() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      int candidate;
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        candidate = s.getLocalPort();
      }
      try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate))) {
        return candidate;
      } catch (IOException busy) {
        // the UDP side is taken: try another port
      }
    }
    throw new IOException("no free loopback port");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
