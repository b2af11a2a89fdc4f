package dev.clusterctl.erlang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CookieHashTest {

  @Test
  void hashIsTheSha256OfTheCookie() {
    // echo -n monster | sha256sum
    assertThat(CookieHash.of("monster")).isEqualTo("beaafa510bcc774b1be0c7f3fbb033017cd97f2c73455ec2d7747c2e993759b5");
  }

  @Test
  void labelsTellSameFromDifferentAndNothingElse() {
    String a = CookieHash.label(CookieHash.of("monster"));
    assertThat(a).matches("cookie#[0-9a-f]{12}").isEqualTo(CookieHash.label(CookieHash.of("monster")));
    assertThat(CookieHash.label(CookieHash.of("monsters"))).isNotEqualTo(a);
    // keyed: not a prefix of the plain hash that a reader could test guesses against
    assertThat(a.substring("cookie#".length())).isNotEqualTo(CookieHash.of("monster").substring(0, 12));
  }
}
