package dev.clusterctl.cli.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.Cli;
import dev.clusterctl.cli.schema.JsonSchemas;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code join -o json} and {@code join --watch -o jsonl} print against real BIND and real
 * Erlang nodes (JoinFixture), against docs/schemas/join.schema.json. JoinWatchProcessTest checks
 * every event of a watch whose peers join, leave, change state and whose lookup fails and recovers.
 */
class JoinSchemaTest {

  private static final JsonSchemas SCHEMA = JsonSchemas.join();
  private static JoinFixture fx;

  @BeforeAll
  static void start() throws Exception {
    fx = JoinFixture.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (fx != null) {
      fx.close();
    }
  }

  private static Cli.Result run(List<String> args) {
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void oneRefreshAsJson() {
    String cookie = fx.cookieFile.toString();
    SCHEMA.check("every peer joinable", run(fx.args("good.ns.svc", "--cookie-file", cookie, "-o", "json")).out());
    SCHEMA.check("every verdict", run(fx.args("mixed.ns.svc", "--cookie-file", cookie, "-o", "json")).out());
    SCHEMA.check("no cookie", run(fx.args("good.ns.svc", "-o", "json")).out());
    SCHEMA.check("--mesh", run(fx.args("mesh.ns.svc", "--cookie-file", cookie, "--mesh", "-o", "json")).out());
    SCHEMA.check("--mesh with a node DNS does not list", run(fx.args("partial.ns.svc", "--cookie-file", cookie, "--mesh", "-o", "json")).out());
    SCHEMA.check("SRV", run(fx.args("_dist-erl._tcp.srv.ns.svc", "--cookie-file", cookie, "-o", "json")).out());
    SCHEMA.check("the port from EPMD", run(fx.argsViaEpmd("epmd.ns.svc", "--cookie-file", cookie, "-o", "json")).out());
    Cli.Result failed = run(fx.args("nowhere.ns.svc", "--cookie-file", cookie, "-o", "json"));
    assertThat(failed.exit()).isEqualTo(1);
    SCHEMA.check("a lookup that fails", failed.out());
  }

  @Test
  void watchEventsAsJsonLines() {
    String cookie = fx.cookieFile.toString();
    for (List<String> args : List.of(
        fx.args("good.ns.svc", "--cookie-file", cookie, "--watch", "-o", "jsonl", "--count", "2", "--interval", "100ms"),
        fx.args("mesh.ns.svc", "--cookie-file", cookie, "--mesh", "--watch", "--count", "2", "--interval", "100ms"),
        fx.args("nowhere.ns.svc", "--watch", "--count", "2", "--interval", "100ms"))) {
      List<String> lines = run(args).out().lines().toList();
      assertThat(lines).as(String.join(" ", args)).hasSizeGreaterThanOrEqualTo(3);
      for (String line : lines) {
        SCHEMA.check(String.join(" ", args), line);
      }
    }
  }
}
