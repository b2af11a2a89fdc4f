package dev.clusterctl.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import org.junit.jupiter.api.Test;

class ServersTest {

  @Test
  void parsesHostPortForms() {
    assertThat(Servers.format(Servers.parse("127.0.0.1"))).isEqualTo("127.0.0.1:53");
    assertThat(Servers.format(Servers.parse("127.0.0.1:5353"))).isEqualTo("127.0.0.1:5353");
    assertThat(Servers.format(Servers.parse("::1"))).isEqualTo("[0:0:0:0:0:0:0:1]:53");
    assertThat(Servers.parse("[::1]:5353").getPort()).isEqualTo(5353);
  }

  @Test
  void refusesBadPortsAndHosts() {
    assertThatThrownBy(() -> Servers.parse("127.0.0.1:99999")).isInstanceOf(BadInputException.class)
        .hasMessage("nameserver '127.0.0.1:99999': port '99999' is not a number from 1 to 65535");
    assertThatThrownBy(() -> Servers.parse("bad host")).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> Servers.parse("[::1")).isInstanceOf(BadInputException.class);
  }

  @Test
  void refusesMalformedHostNamesWithoutLookingThemUp() {
    for (String host : new String[] {"not..valid", ".dns", "-dns.example", "dns-.example", "a".repeat(64) + ".example", "10.0.0.999", "10.1"}) {
      assertThatThrownBy(() -> Servers.parse(host)).as(host).isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("nameserver '" + host + "': '" + host + "' is not ");
    }
    // a well-formed name is looked up by the system resolver: localhost, from /etc/hosts
    assertThat(Servers.parse("localhost:5353").getAddress().isLoopbackAddress()).isTrue();
  }
}
