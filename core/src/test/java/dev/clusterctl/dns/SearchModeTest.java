package dev.clusterctl.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchModeTest {

  private static final List<String> POD = ResolvConf.podSearch("payments", "cluster.local");

  @Test
  void erlangTriesADottedNameAsIsFirstWhateverNdotsSays() {
    assertThat(SearchMode.ERLANG.candidates("ledger.payments", POD, 5))
        .containsExactly(
            "ledger.payments.",
            "ledger.payments.payments.svc.cluster.local.",
            "ledger.payments.svc.cluster.local.",
            "ledger.payments.cluster.local.");
  }

  @Test
  void erlangTriesADotlessNameWithTheSearchListOnly() {
    assertThat(SearchMode.ERLANG.candidates("ledger", POD, 1))
        .containsExactly("ledger.payments.svc.cluster.local.", "ledger.svc.cluster.local.", "ledger.cluster.local.");
  }

  @Test
  void aTrailingDotMeansAbsoluteOnlyInEveryMode() {
    for (SearchMode mode : SearchMode.values()) {
      assertThat(mode.candidates("ledger.payments.svc.cluster.local.", POD, 5))
          .containsExactly("ledger.payments.svc.cluster.local.");
    }
  }

  @Test
  void libcTriesTheSearchListFirstBelowNdots() {
    assertThat(SearchMode.LIBC.candidates("ledger.payments", POD, 5))
        .containsExactly(
            "ledger.payments.payments.svc.cluster.local.",
            "ledger.payments.svc.cluster.local.",
            "ledger.payments.cluster.local.",
            "ledger.payments.");
  }

  @Test
  void libcTriesTheNameAsIsFirstAtNdotsOrMore() {
    assertThat(SearchMode.LIBC.candidates("a.b.c", List.of("x.local"), 2))
        .containsExactly("a.b.c.", "a.b.c.x.local.");
  }

  @Test
  void noneTriesTheNameOnly() {
    assertThat(SearchMode.NONE.candidates("ledger", POD, 5)).containsExactly("ledger.");
  }

  @Test
  void erlangMovesOnAfterEveryFailureLibcOnlyAfterNotFoundAndServfail() {
    assertThat(SearchMode.ERLANG.continuesAfter(Status.REFUSED)).isTrue();
    assertThat(SearchMode.ERLANG.continuesAfter(Status.TIMEOUT)).isTrue();
    assertThat(SearchMode.ERLANG.continuesAfter(Status.NOERROR)).isFalse();
    assertThat(SearchMode.LIBC.continuesAfter(Status.NXDOMAIN)).isTrue();
    assertThat(SearchMode.LIBC.continuesAfter(Status.NODATA)).isTrue();
    assertThat(SearchMode.LIBC.continuesAfter(Status.SERVFAIL)).isTrue();
    assertThat(SearchMode.LIBC.continuesAfter(Status.REFUSED)).isFalse();
    assertThat(SearchMode.LIBC.continuesAfter(Status.TIMEOUT)).isFalse();
    assertThat(SearchMode.NONE.continuesAfter(Status.NXDOMAIN)).isFalse();
  }

  @Test
  void podSearchListIsWhatKubeletWrites() {
    assertThat(POD).containsExactly("payments.svc.cluster.local", "svc.cluster.local", "cluster.local");
  }
}
