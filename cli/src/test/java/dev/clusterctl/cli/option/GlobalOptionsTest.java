package dev.clusterctl.cli.option;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.option.GlobalOptions.ColorMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalOptionsTest {

  private static boolean color(ColorMode mode, Map<String, String> env, boolean terminal) {
    GlobalOptions g = new GlobalOptions().environment(env::get, () -> terminal);
    g.color = mode;
    return g.colorOnStdout();
  }

  @Test
  void noColorWinsOverEverythingIncludingAlways() {
    Map<String, String> env = Map.of("NO_COLOR", "1", "CLICOLOR_FORCE", "1");
    for (ColorMode mode : ColorMode.values()) {
      assertThat(color(mode, env, true)).as(mode.name()).isFalse();
    }
  }

  @Test
  void anEmptyNoColorIsNotSet() {
    assertThat(color(ColorMode.auto, Map.of("NO_COLOR", ""), true)).isTrue();
  }

  @Test
  void cliColorForceColoursAPipeLikeAlways() {
    assertThat(color(ColorMode.auto, Map.of("CLICOLOR_FORCE", "1"), false)).isTrue();
    assertThat(color(ColorMode.auto, Map.of("CLICOLOR_FORCE", "0"), false)).isFalse();
  }

  @Test
  void neverBeatsCliColorForce() {
    assertThat(color(ColorMode.never, Map.of("CLICOLOR_FORCE", "1"), true)).isFalse();
  }

  @Test
  void alwaysColoursAPipe() {
    assertThat(color(ColorMode.always, Map.of(), false)).isTrue();
  }

  @Test
  void autoColoursOnlyATerminal() {
    assertThat(color(ColorMode.auto, Map.of(), true)).isTrue();
    assertThat(color(ColorMode.auto, Map.of(), false)).isFalse();
    assertThat(color(ColorMode.auto, Map.of("TERM", "dumb"), true)).isFalse();
    assertThat(color(ColorMode.auto, Map.of("CLICOLOR", "0"), true)).isFalse();
  }
}
