package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void helpListsEveryExitCode() {
    Cli.Result r = Cli.run("--help");
    assertThat(r.exit()).isZero();
    for (ExitCode code : ExitCode.values()) {
      assertThat(r.out()).contains(code.meaning());
    }
  }

  @Test
  void versionComesFromTheBuild() {
    Cli.Result r = Cli.run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("clusterctl ").doesNotContain("unknown");
  }

  @Test
  void unknownOptionIsOneLineOnStderrWithUsageExit() {
    Cli.Result r = Cli.run("--no-such-option");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Unknown option: '--no-such-option'").doesNotContain("Exception");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Result r = Cli.run();
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("a command is required");
  }
}
