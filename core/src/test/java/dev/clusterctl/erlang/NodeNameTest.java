package dev.clusterctl.erlang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeNameTest {

  @Test
  void parsesAliveAndHost() {
    NodeName n = NodeName.parse("ledger@ledger-0.ledger.payments.svc.cluster.local");
    assertThat(n.alive()).isEqualTo("ledger");
    assertThat(n.host()).isEqualTo("ledger-0.ledger.payments.svc.cluster.local");
    assertThat(n).hasToString("ledger@ledger-0.ledger.payments.svc.cluster.local");
  }

  @Test
  void bareNameHasNoHost() {
    NodeName n = NodeName.parse("k8s_erlang_cluster");
    assertThat(n.host()).isNull();
    assertThat(codes(n, NameMode.LONG)).containsExactly("host-missing");
  }

  @ParameterizedTest
  @CsvSource({
    "app@10.244.0.5, LONG, ''",
    "app@pod-0.svc.ns.svc.cluster.local, LONG, ''",
    "app@::1, LONG, ''",
    "app@localhost, LONG, host-localhost",
    "app@pod-0, LONG, long-name-not-qualified",
    "app@pod-0, SHORT, ''",
    "app@10.32.9.22, SHORT, short-name-qualified",
    "app@a.b, SHORT, short-name-qualified",
    "my.app@a.b, LONG, alive-illegal",
    "@a.b, LONG, alive-empty",
    "app@, LONG, host-empty",
    "app@a.b., LONG, host-trailing-dot",
    "app@a b.c, LONG, host-illegal",
  })
  void appliesErlangRules(String name, NameMode mode, String expected) {
    List<String> want = expected.isEmpty() ? List.of() : List.of(expected);
    assertThat(codes(NodeName.parse(name), mode)).isEqualTo(want);
  }

  @Test
  void isAddressAcceptsOnlyLiterals() {
    assertThat(NodeName.isAddress("10.0.0.1")).isTrue();
    assertThat(NodeName.isAddress("fd00::1")).isTrue();
    assertThat(NodeName.isAddress("10-0-0-1.svc")).isFalse();
    assertThat(NodeName.isAddress("host")).isFalse();
  }

  private static List<String> codes(NodeName n, NameMode mode) {
    return n.problems(mode).stream().map(NodeName.Problem::code).toList();
  }
}
