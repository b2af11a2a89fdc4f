package dev.clusterctl.cli.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.Main;
import dev.clusterctl.cli.completion.CommandTree;
import dev.clusterctl.testing.RealServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The man pages the build rendered (cli/target/man) open in {@code man -l} with every option of their command. */
class ManPagesIT {

  private static Path manDir() {
    return Path.of(System.getProperty("clusterctl.target", "target"), "man");
  }

  @Test
  void everyVisibleCommandHasAPageThatManRenders() throws Exception {
    Path man = RealServers.require("man", "man-db");
    for (CommandSpec spec : CommandTree.walk(Main.commandLine().getCommandSpec())) {
      String page = spec.qualifiedName("-");
      Path file = manDir().resolve(page + ".1");
      assertThat(file).as("man page of '%s'", spec.qualifiedName()).exists();
      String text = render(man, file);
      assertThat(text).contains("NAME").contains(page).contains("SYNOPSIS");
      for (OptionSpec o : CommandTree.options(spec)) {
        assertThat(text).as("%s documents %s", page, o.longestName()).contains(o.longestName());
      }
    }
  }

  private static String render(Path man, Path file) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(man.toString(), "-l", file.toString());
    pb.environment().put("MANPAGER", "cat");
    pb.environment().put("PAGER", "cat");
    pb.environment().put("MANWIDTH", "100");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("man -l %s", file).isZero();
    // man marks bold/underline with backspaces when not on a terminal
    return out.replaceAll(".\b", "");
  }
}
