package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The colour rules seen from outside, with a real environment and stdout a pipe (not a terminal). */
class ColorProcessTest {

  private static final String ESC = "\u001b[";

  private static String stdout(Map<String, String> env, String... extra) throws Exception {
    List<String> cmd = DoctorProcessTest.command();
    cmd.addAll(List.of("doctor", "-f", DoctorCommandTest.REPO.resolve("docs/examples/broken/srv-not-headless").toString()));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().keySet().removeAll(List.of("NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR"));
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("clusterctl finished").isTrue();
    assertThat(out).as("a report").contains("fail");
    return out;
  }

  @Test
  void noColorWinsOverColorAlways() throws Exception {
    assertThat(stdout(Map.of("NO_COLOR", "1"), "--color", "always")).doesNotContain(ESC);
    assertThat(stdout(Map.of(), "--color", "always")).contains(ESC);
  }

  @Test
  void cliColorForceColoursAPipe() throws Exception {
    assertThat(stdout(Map.of("CLICOLOR_FORCE", "1"))).contains(ESC);
    assertThat(stdout(Map.of())).doesNotContain(ESC);
  }
}
