package dev.clusterctl.coredns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CoreDNS's endpoint naming, the one rule both the simulation and the live checks use. */
class EndpointNameTest {

  @Test
  void theEndpointsHostnameWinsOverEverything() {
    assertThat(EndpointName.of("ledger-0", "ledger-0", "10.244.0.15", true)).isEqualTo(new EndpointName("ledger-0", EndpointName.Rule.HOSTNAME));
    assertThat(EndpointName.of("ledger-0", null, "10.244.0.15", false).label()).isEqualTo("ledger-0");
  }

  @Test
  void podNamesOnlyWithEndpointPodNamesAndUnder64Characters() {
    String pod63 = "p".repeat(63);
    String pod64 = "p".repeat(64);
    assertThat(EndpointName.of(null, pod63, "10.244.0.15", true)).isEqualTo(new EndpointName(pod63, EndpointName.Rule.POD_NAME));
    assertThat(EndpointName.of(null, pod64, "10.244.0.15", true)).isEqualTo(new EndpointName("10-244-0-15", EndpointName.Rule.DASHED_IP));
    assertThat(EndpointName.of(null, pod63, "10.244.0.15", false).rule()).isEqualTo(EndpointName.Rule.DASHED_IP);
    assertThat(EndpointName.of("", null, "10.244.0.15", true).rule()).isEqualTo(EndpointName.Rule.DASHED_IP);
  }

  @Test
  void dashedAddressesAndTheTrailingZeroOfIpv6() {
    assertThat(EndpointName.dashed("10.244.0.15")).isEqualTo("10-244-0-15");
    assertThat(EndpointName.dashed("fd00::")).isEqualTo("fd00--0");
    assertThat(EndpointName.of(null, null, "fd00:10:244::", true).label()).isEqualTo("fd00-10-244--0");
  }
}
