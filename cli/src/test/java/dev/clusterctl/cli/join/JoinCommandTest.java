package dev.clusterctl.cli.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.Cli;
import dev.clusterctl.cli.option.DurationConverter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** join's input checks and conversions, in-process without any server. */
class JoinCommandTest {

  @Test
  void tableOutputWithWatchIsAUsageError() {
    Cli.Result r = Cli.run("join", "x.y", "--basename", "a", "--watch", "-o", "table");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("-o table is for one refresh; with --watch use -o live or -o jsonl")
        .doesNotContain("Exception");
  }

  @Test
  void jsonlWithoutWatchIsAUsageError() {
    assertThat(Cli.run("join", "x.y", "--basename", "a", "-o", "jsonl").err()).contains("-o jsonl needs --watch");
  }

  @Test
  void basenameIsRequired() {
    Cli.Result r = Cli.run("join", "x.y", "@127.0.0.1:1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo(
        "clusterctl: join needs the node basename (--basename): the part before '@' of your nodes' names");
  }

  @Test
  void missingCookieFileIsOneLine() {
    Cli.Result r = Cli.run("join", "x.y", "--basename", "a", "--cookie-file", "/nonexistent/cookie", "@127.0.0.1:1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("clusterctl: cookie file /nonexistent/cookie: no such file");
  }

  @Test
  void cookieOnTheCommandLineIsNotAnOption() {
    Cli.Result r = Cli.run("join", "x.y", "--basename", "a", "--cookie", "secret");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option");
  }

  @Test
  void badPortsAndDurations() {
    assertThat(Cli.run("join", "x.y", "--basename", "a", "--dist-port", "70000").err())
        .contains("--dist-port must be a TCP port (1-65535), not 70000");
    assertThat(Cli.run("join", "x.y", "--basename", "a", "--interval", "soon").err())
        .contains("'soon' is not a duration");
  }

  @Test
  void unreachableDnsIsExitThree() {
    Cli.Result r = Cli.run("join", "x.y", "--basename", "a", "@127.0.0.1:1", "--timeout", "200ms", "--tries", "1",
        "--cookie-file", "/dev/null");
    // /dev/null is an empty cookie file: bad input comes first
    assertThat(r.exit()).isEqualTo(2);
    Cli.Result r2 = Cli.run("join", "x.y", "--basename", "a", "@127.0.0.1:1", "--timeout", "200ms", "--tries", "1",
        "--cookie-env", "CLUSTERCTL_TEST_UNSET_COOKIE_VAR");
    assertThat(r2.exit()).isEqualTo(2);
    assertThat(r2.err()).contains("cookie environment variable CLUSTERCTL_TEST_UNSET_COOKIE_VAR is not set");
  }

  @Test
  void oneDomainOnlyAsForResolve() {
    Cli.Result r = Cli.run("join", "a.example", "@127.0.0.1:1", "b.example", "--basename", "a");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("one DOMAIN only, got 'a.example' and 'b.example'");
  }

  @Test
  void durations() {
    DurationConverter c = new DurationConverter();
    assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(c.convert("5")).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(c.convert("2m")).isEqualTo(Duration.ofMinutes(2));
  }
}
