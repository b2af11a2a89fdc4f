package dev.clusterctl.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressesTest {

  @Test
  void writesIpv6AsErlangsInetNtoaDoes() throws Exception {
    assertThat(Addresses.format(InetAddress.getByName("::1"))).isEqualTo("::1");
    assertThat(Addresses.format(InetAddress.getByName("fd00:10:244:0:0:0:0:5"))).isEqualTo("fd00:10:244::5");
    assertThat(Addresses.format(InetAddress.getByName("2001:db8:0:1:0:0:0:1"))).isEqualTo("2001:db8:0:1::1");
    assertThat(Addresses.format(InetAddress.getByName("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2:3:4:5:6");
  }

  @Test
  void ordersNumericallyIpv4First() throws Exception {
    List<InetAddress> sorted = List.of(
            InetAddress.getByName("::1"), InetAddress.getByName("10.0.0.10"), InetAddress.getByName("10.0.0.9"))
        .stream().sorted(Addresses.ORDER).toList();
    assertThat(sorted.stream().map(Addresses::format)).containsExactly("10.0.0.9", "10.0.0.10", "::1");
  }
}
