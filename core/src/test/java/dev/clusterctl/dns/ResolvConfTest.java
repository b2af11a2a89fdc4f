package dev.clusterctl.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResolvConfTest {

  @Test
  void readsAPodsResolvConf() {
    ResolvConf c = ResolvConf.parse("""
        # written by kubelet
        search payments.svc.cluster.local svc.cluster.local cluster.local
        nameserver 10.96.0.10
        options ndots:5 timeout:2 attempts:3 rotate
        """, "pod");
    assertThat(c.nameservers()).containsExactly(new InetSocketAddress("10.96.0.10", 53));
    assertThat(c.search()).containsExactly("payments.svc.cluster.local", "svc.cluster.local", "cluster.local");
    assertThat(c.ndots()).isEqualTo(5);
    assertThat(c.timeoutSeconds()).isEqualTo(2);
    assertThat(c.attempts()).isEqualTo(3);
  }

  @Test
  void defaultsAreGlibcs() {
    ResolvConf c = ResolvConf.parse("nameserver ::1\n", "x");
    assertThat(c.ndots()).isEqualTo(1);
    assertThat(c.timeoutSeconds()).isEqualTo(5);
    assertThat(c.attempts()).isEqualTo(2);
    assertThat(c.search()).isEmpty();
    assertThat(c.nameservers().get(0).getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
  }

  @Test
  void theLastSearchOrDomainLineWinsAndUnknownWordsAreIgnored() {
    ResolvConf c = ResolvConf.parse("search a.example b.example\ndomain corp.example.\nsortlist 10.0.0.0\nlookup file bind\n", "x");
    assertThat(c.search()).containsExactly("corp.example");
  }

  @Test
  void ndotsIsCappedAt15() {
    assertThat(ResolvConf.parse("options ndots:40", "x").ndots()).isEqualTo(15);
  }

  @Test
  void aNameserverThatIsNotAnAddressIsAnErrorNamingFileAndLine() {
    assertThatThrownBy(() -> ResolvConf.parse("search x\nnameserver dns.example\n", "/tmp/r.conf"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("resolv.conf /tmp/r.conf: line 2: nameserver 'dns.example' is not an IP address");
  }

  @Test
  void aNonNumericOptionIsAnError() {
    assertThatThrownBy(() -> ResolvConf.parse("options ndots:five", "r"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("resolv.conf r: line 1: option 'ndots:five' needs a whole number");
  }

  @Test
  void anEmptySearchLineOrBadDomainIsAnError() {
    assertThatThrownBy(() -> ResolvConf.parse("search\n", "r")).hasMessage("resolv.conf r: line 1: 'search' needs a domain");
    assertThatThrownBy(() -> ResolvConf.parse("search a..b\n", "r"))
        .hasMessageStartingWith("resolv.conf r: line 1: invalid domain 'a..b'");
  }

  @Test
  void aMissingFileIsBadInput() {
    assertThatThrownBy(() -> ResolvConf.read(Path.of("/nonexistent/resolv.conf")))
        .isInstanceOf(BadInputException.class)
        .hasMessage("resolv.conf /nonexistent/resolv.conf: no such file");
  }

  @Test
  void aBinaryFileIsBadInputSayingSo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path notUtf8 = dir.resolve("resolv.conf");
    java.nio.file.Files.write(notUtf8, new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0x00, 0x41});
    assertThatThrownBy(() -> ResolvConf.read(notUtf8))
        .isInstanceOf(BadInputException.class)
        .hasMessage("resolv.conf " + notUtf8 + ": binary file, not text");
    Path nul = dir.resolve("zeros");
    java.nio.file.Files.write(nul, new byte[] {'n', 0, 0, 0});
    assertThatThrownBy(() -> ResolvConf.read(nul))
        .isInstanceOf(BadInputException.class)
        .hasMessage("resolv.conf " + nul + ": binary file, not text");
  }
}
