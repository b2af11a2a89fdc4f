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
    assertThat(Addresses.format(InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
    assertThat(Addresses.format(InetAddress.getByName("fd00:0:0:1:0:0:0:1"))).isEqualTo("fd00:0:0:1::1");
    assertThat(Addresses.format(InetAddress.getByName("2001:db8:1:0:1:1:1:1"))).isEqualTo("2001:db8:1:0:1:1:1:1");
    assertThat(Addresses.format(InetAddress.getByName("fd00:0:0:0:0:0:0:0"))).isEqualTo("fd00::");
    assertThat(Addresses.format(InetAddress.getByName("::"))).isEqualTo("::");
    assertThat(Addresses.format(java.net.Inet6Address.getByAddress(null,
        InetAddress.getByName("::a00:1").getAddress(), -1))).isEqualTo("::10.0.0.1");
    assertThat(Addresses.format(InetAddress.getByName("::2"))).isEqualTo("::0.0.0.2");
  }

  @Test
  void anIpv4MappedAaaaStaysIpv6() throws Exception {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
    org.xbill.DNS.AAAARecord r = new org.xbill.DNS.AAAARecord(org.xbill.DNS.Name.fromConstantString("x."),
        org.xbill.DNS.DClass.IN, 30, mapped);
    assertThat(Addresses.format(Answers.address(r).orElseThrow())).isEqualTo("::ffff:10.0.0.1");
  }

  @Test
  void ordersNumericallyIpv4First() throws Exception {
    List<InetAddress> sorted = List.of(
            InetAddress.getByName("::1"), InetAddress.getByName("10.0.0.10"), InetAddress.getByName("10.0.0.9"))
        .stream().sorted(Addresses.ORDER).toList();
    assertThat(sorted.stream().map(Addresses::format)).containsExactly("10.0.0.9", "10.0.0.10", "::1");
  }
}
