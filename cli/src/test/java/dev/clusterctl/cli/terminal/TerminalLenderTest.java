package dev.clusterctl.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

class TerminalLenderTest {

  @Test
  void aLentTerminalIsTheSameOnEveryLoanAndNotTheBorrowersToClose() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal xterm = TerminalBuilder.builder().system(false).streams(new ByteArrayInputStream(new byte[0]), screen)
        .type("xterm").size(new Size(80, 24)).build()) {
      TerminalLender lender = TerminalLender.lending(xterm);
      try (TerminalLender.Loan loan = lender.borrow().orElseThrow()) {
        assertThat(loan.terminal()).isSameAs(xterm);
        assertThat(loan.owned()).isFalse();
        assertThat(loan.canRedraw()).isTrue();
      }
      // still the shell's to use after the loan
      xterm.writer().print("after the loan");
      xterm.flush();
      // the terminal copies to the screen on its own thread
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(screen.toString(StandardCharsets.UTF_8)).contains("after the loan"));
      assertThat(lender.borrow().orElseThrow().terminal()).isSameAs(xterm);
    }
  }

  @Test
  void aDumbTerminalCannotRedraw() throws Exception {
    try (Terminal dumb = new DumbTerminal("t", "dumb", new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
      assertThat(TerminalLender.lending(dumb).borrow().orElseThrow().canRedraw()).isFalse();
    }
  }

  @Test
  void withoutAConsoleTheProcessHasNoTerminalToLend() throws Exception {
    // surefire runs tests with stdin and stdout redirected: no console
    assertThat(System.console()).isNull();
    assertThat(TerminalLender.system().borrow()).isEmpty();
  }
}
