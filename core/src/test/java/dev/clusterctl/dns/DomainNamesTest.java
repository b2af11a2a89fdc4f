package dev.clusterctl.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import org.junit.jupiter.api.Test;

class DomainNamesTest {

  @Test
  void acceptsRelativeAbsoluteAndUnderscoreNames() {
    assertThat(DomainNames.lookupName("ledger.payments")).isEqualTo("ledger.payments");
    assertThat(DomainNames.problem("_dist-erl._tcp.ledger.payments.svc.cluster.local.")).isNull();
  }

  @Test
  void refusesEmptyLabelsLongLabelsSpacesAndTheRoot() {
    assertThat(DomainNames.problem("")).isEqualTo("it is empty");
    assertThat(DomainNames.problem(".")).contains("root");
    assertThat(DomainNames.problem("a..b")).isEqualTo("it has an empty label");
    assertThat(DomainNames.problem(".a")).isEqualTo("it has an empty label");
    assertThat(DomainNames.problem("a b")).contains("space");
    assertThat(DomainNames.problem("x".repeat(64) + ".example")).isNotNull();
    assertThat(DomainNames.problem(("abcdefghi.").repeat(26))).isNotNull();
  }

  @Test
  void anInvalidNameIsOneLineOfBadInput() {
    assertThatThrownBy(() -> DomainNames.lookupName("ledger..payments"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("invalid domain name 'ledger..payments': it has an empty label");
  }

  @Test
  void absoluteNamesLoseOneTrailingDotButTheRootStays() {
    assertThat(DomainNames.withoutTrailingDot("cluster.local.")).isEqualTo("cluster.local");
    assertThat(DomainNames.withoutTrailingDot("cluster.local")).isEqualTo("cluster.local");
    assertThat(DomainNames.withoutTrailingDot(".")).isEqualTo(".");
  }
}
