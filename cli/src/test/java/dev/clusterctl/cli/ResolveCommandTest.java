package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.testing.FakeDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;

/** Fast in-process tests of {@code resolve}: usage, validation, exit codes, against a fake server on loopback. */
class ResolveCommandTest {

  @TempDir Path tmp;

  private static void assertOneLineError(Cli.Result r, int exit, String line) {
    assertThat(r.exit()).isEqualTo(exit);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("clusterctl: " + line).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void helpDescribesTheOptionsAndExitCodes() {
    Cli.Result r = Cli.run("resolve", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("@HOST[:PORT]", "--nameserver", "--resolv-conf", "--tcp", "--timeout", "--tries",
        "--search", "--search-domains", "--ndots", "--pod-namespace", "--cluster-domain", "--type", "--strategy",
        "--basename", "--host-type", "--output", "libcluster-dnssrv", "[@HOST[:PORT]] DOMAIN");
    for (ExitCode code : ExitCode.values()) {
      assertThat(r.out()).contains(code.meaning());
    }
  }

  @Test
  void anInvalidDomainNameIsUsageExitOneLine() {
    assertOneLineError(Cli.run("resolve", "@127.0.0.1:9", "ledger..payments"), 2,
        "invalid domain name 'ledger..payments': it has an empty label");
  }

  @Test
  void aMalformedResolvConfIsUsageExitOneLine() throws Exception {
    Path conf = tmp.resolve("resolv.conf");
    Files.writeString(conf, "search payments.svc.cluster.local\noptions ndots:many\n");
    assertOneLineError(Cli.run("resolve", "--resolv-conf", conf.toString(), "ledger.payments"), 2,
        "resolv.conf " + conf + ": line 2: option 'ndots:many' needs a whole number");
  }

  @Test
  void aMissingResolvConfIsUsageExit() {
    assertOneLineError(Cli.run("resolve", "--resolv-conf", tmp.resolve("nope").toString(), "x.example"), 2,
        "resolv.conf " + tmp.resolve("nope") + ": no such file");
  }

  @Test
  void whatALibraryCannotDoIsUsageExit() {
    assertOneLineError(Cli.run("resolve", "@127.0.0.1:9", "x.example", "--strategy", "libcluster-dns", "--type", "srv"), 2,
        "libcluster-dns looks up A records only, not SRV");
    assertOneLineError(Cli.run("resolve", "@127.0.0.1:9", "x.example", "--cluster-domain", "k8s.local"), 2,
        "--cluster-domain needs --pod-namespace");
    assertOneLineError(Cli.run("resolve", "@127.0.0.1:99999", "x.example"), 2,
        "nameserver '127.0.0.1:99999': port '99999' is not a number from 1 to 65535");
    assertOneLineError(Cli.run("resolve", "@127.0.0.1", "a.example", "b.example"), 2,
        "one DOMAIN only, got 'a.example' and 'b.example'");
  }

  @Test
  void badOptionValuesAreUsageExit() {
    Cli.Result r = Cli.run("resolve", "x.example", "--timeout", "soon");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'soon' is not a positive duration");
    assertThat(Cli.run("resolve", "x.example", "--search", "musl").err()).contains("expected one of erlang, libc, none");
    assertThat(Cli.run("resolve", "x.example", "-o", "yaml").err()).contains("expected one of table, json, short");
  }

  @Test
  void aServerThatNeverAnswersIsExit3InOneLine() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      Cli.Result r = Cli.run("resolve", "@" + s.hostPort(), "x.example.", "--timeout", "200ms", "--tries", "1");
      assertThat(r.exit()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().lines().findFirst().orElseThrow())
          .isEqualTo("clusterctl: no DNS server answered for 'x.example.': " + s.hostPort() + " udp: no answer within 200 ms");
      assertThat(r.err()).doesNotContain("\tat ");
    }
  }

  @Test
  void verboseShowsEveryExchangeOnStderr() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      Cli.Result r = Cli.run("resolve", "--nameserver", s.hostPort(), "x.example.", "--timeout", "100ms", "--tries", "2",
          "--verbose");
      assertThat(r.exit()).isEqualTo(3);
      // inet_res's rounds: timeout x 2^round / retry, here 100 ms over 2 rounds
      assertThat(r.err().lines().filter(l -> l.startsWith("  x.example. A " + s.hostPort() + " udp: no answer within ")))
          .hasSize(2)
          .satisfiesExactly(l -> assertThat(l).contains("within 50 ms"), l -> assertThat(l).contains("within 100 ms"));
    }
  }

  @Test
  void anAnswerIsShownWithItsNodeNames() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.oneAddress(), null)) {
      Cli.Result r = Cli.run("resolve", "@" + s.hostPort(), "ledger.example.", "--basename", "ledger");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("ledger@192.0.2.1  ok  A 192.0.2.1", "Result  1 node, all names valid");
      assertThat(r.out()).doesNotContain("\u001b[");
      assertThat(Cli.run("resolve", "@" + s.hostPort(), "ledger.example.", "--basename", "ledger", "-o", "short").out())
          .isEqualTo("ledger@192.0.2.1\n");
    }
  }

  @Test
  void colourOnlyWhenAskedFor() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.oneAddress(), null)) {
      assertThat(Cli.run("resolve", "@" + s.hostPort(), "ledger.example.", "--color", "always").out()).contains("\u001b[");
    }
  }

  @Test
  void servfailIsAProblemNotAnUnreachableServer() {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.rcode(Rcode.SERVFAIL), null)) {
      Cli.Result r = Cli.run("resolve", "@" + s.hostPort(), "x.example.", "--tries", "1");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.out()).contains("SERVFAIL");
    }
  }

  @Test
  void searchDomainsAndNdotsOverrideResolvConf() throws Exception {
    Path conf = tmp.resolve("resolv.conf");
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.rcode(Rcode.NXDOMAIN), null)) {
      Files.writeString(conf, "nameserver 127.0.0.1\nsearch corp.example\noptions ndots:1\n");
      Cli.Result r = Cli.run("resolve", "--resolv-conf", conf.toString(), "--nameserver", s.hostPort(),
          "--search", "libc", "--search-domains", "a.example,b.example", "--ndots", "3", "x.y", "-o", "json");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.out()).contains("\"searchDomains\" : [ \"a.example\", \"b.example\" ]", "\"ndots\" : 3");
      assertThat(r.out().indexOf("\"x.y.a.example.\"")).isLessThan(r.out().indexOf("\"x.y.\""));
    }
  }

  @Test
  void shortOutputCountsTheCandidatesTriedInGoodEnglish() throws Exception {
    try (FakeDnsServer s = FakeDnsServer.start(FakeDnsServer.rcode(Rcode.NXDOMAIN), null)) {
      Cli.Result one = Cli.run("resolve", "@" + s.hostPort(), "x.example.", "--tries", "1", "-o", "short");
      assertThat(one.exit()).isEqualTo(1);
      assertThat(one.err()).contains("NXDOMAIN (1 candidate tried; -o table shows them)");
      Path conf = tmp.resolve("resolv.conf");
      Files.writeString(conf, "nameserver 127.0.0.1\n");
      Cli.Result two = Cli.run("resolve", "--resolv-conf", conf.toString(), "--nameserver", s.hostPort(),
          "--search", "libc", "--search-domains", "a.example", "--ndots", "1", "x.y", "--tries", "1", "-o", "short");
      assertThat(two.err()).contains("NXDOMAIN (2 candidates tried; -o table shows them)");
    }
  }

  @Test
  void aBinaryResolvConfIsOneLineSayingSo() throws Exception {
    Path conf = tmp.resolve("resolv.bin");
    Files.write(conf, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0});
    assertOneLineError(Cli.run("resolve", "--resolv-conf", conf.toString(), "x.example."), 2,
        "resolv.conf " + conf + ": binary file, not text");
  }
}
