package dev.clusterctl.cli.join;

import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.ErlangNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Real peers for join's tests: BIND serving cluster.local on a free loopback port, and real
 * EPMD-less Erlang nodes named {@code ledger@…} on 127.0.0.x, one fixed distribution port.
 *
 * <ul>
 *   <li>127.0.0.2 {@code ledger@127.0.0.2}, connected to 127.0.0.3 {@code ledger@127.0.0.3};
 *   <li>127.0.0.5 {@code ledger@127.0.0.5}, connected to nobody;
 *   <li>127.0.0.4 calls itself {@code ledger@ledger-0.example} (name mismatch);
 *   <li>127.0.0.6 has another cookie; 127.0.0.7 is {@code ledger@ledger-1.srv.ns.svc.cluster.local};
 *   <li>127.0.0.1 {@code ledger@127.0.0.1} registers with the harness's own EPMD;
 *   <li>nothing listens on 127.0.0.9.
 * </ul>
 */
final class JoinFixture implements AutoCloseable {

  static final String COOKIE = "join-test-cookie";
  static final String ZONE = "cluster.local";

  final ErlangNodes erl;
  final BindServer dns;
  final Path cookieFile;
  final Path otherCookieFile;

  private JoinFixture(ErlangNodes erl, BindServer dns, Path cookieFile, Path otherCookieFile) {
    this.erl = erl;
    this.dns = dns;
    this.cookieFile = cookieFile;
    this.otherCookieFile = otherCookieFile;
  }

  static JoinFixture start() throws Exception {
    ErlangNodes erl = ErlangNodes.create();
    try {
      String connectToB = "spawn(fun() -> F = fun G() -> case net_adm:ping('ledger@127.0.0.3') of pong -> ok;"
          + " pang -> timer:sleep(200), G() end end, F() end).";
      List<ErlangNodes.Node> nodes = new ArrayList<>();
      nodes.add(erl.start("ledger@127.0.0.3", "127.0.0.3", COOKIE, null));
      nodes.add(erl.start("ledger@127.0.0.2", "127.0.0.2", COOKIE, connectToB));
      nodes.add(erl.start("ledger@127.0.0.5", "127.0.0.5", COOKIE, null));
      nodes.add(erl.start("ledger@ledger-0.example", "127.0.0.4", COOKIE, null));
      nodes.add(erl.start("ledger@127.0.0.6", "127.0.0.6", "another-cookie", null));
      nodes.add(erl.start("ledger@ledger-1.srv.ns.svc.cluster.local", "127.0.0.7", COOKIE, null));
      nodes.add(erl.startWithEpmd("ledger@127.0.0.1", COOKIE));
      BindServer dns = BindServer.start(BindServer.zone(ZONE)
          .a("good.ns.svc", "127.0.0.2", "127.0.0.3")
          .a("mixed.ns.svc", "127.0.0.2", "127.0.0.4", "127.0.0.6", "127.0.0.9")
          .a("mesh.ns.svc", "127.0.0.2", "127.0.0.3", "127.0.0.5")
          .a("watch.ns.svc", "127.0.0.2")
          .a("partial.ns.svc", "127.0.0.2", "127.0.0.5")
          .a("epmd.ns.svc", "127.0.0.1")
          .a("ledger-1.srv.ns.svc", "127.0.0.7")
          .a("ledger-0.srv.ns.svc", "127.0.0.4")
          .srv("_dist-erl._tcp.srv.ns.svc", 0, 50, erl.distPort(), "ledger-1.srv.ns.svc.cluster.local.")
          .srv("_dist-erl._tcp.srv.ns.svc", 0, 50, erl.distPort(), "ledger-0.srv.ns.svc.cluster.local.")
          .build());
      erl.awaitReady(nodes.toArray(ErlangNodes.Node[]::new));
      return new JoinFixture(erl, dns, cookie(COOKIE), cookie("another-cookie"));
    } catch (Exception | Error e) {
      erl.close();
      throw e;
    }
  }

  private static Path cookie(String value) throws Exception {
    Path f = Files.createTempFile("clusterctl-cookie", "");
    Files.writeString(f, value + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--------"));
    return f;
  }

  /** The arguments every join test passes: the BIND server, no search list, the basename, the fixed port. */
  List<String> args(String domain, String... more) {
    List<String> a = argsViaEpmd(domain);
    a.addAll(List.of("--dist-port", Integer.toString(erl.distPort())));
    a.addAll(List.of(more));
    return a;
  }

  /** The arguments without a fixed port: the port comes from EPMD. */
  List<String> argsViaEpmd(String domain, String... more) {
    List<String> a = new ArrayList<>(List.of("join", domain + "." + ZONE, "--basename", "ledger",
        "--nameserver", dns.hostPort(), "--search", "none", "--probe-timeout", "3s", "--color", "never"));
    a.addAll(List.of(more));
    return a;
  }

  @Override
  public void close() throws Exception {
    try {
      dns.close();
    } finally {
      erl.close();
      Files.deleteIfExists(cookieFile);
      Files.deleteIfExists(otherCookieFile);
    }
  }
}
