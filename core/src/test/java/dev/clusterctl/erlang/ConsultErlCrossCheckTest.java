package dev.clusterctl.erlang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.erlang.term.Atom;
import dev.clusterctl.erlang.term.IntTerm;
import dev.clusterctl.erlang.term.ListTerm;
import dev.clusterctl.erlang.term.MapTerm;
import dev.clusterctl.erlang.term.Term;
import dev.clusterctl.erlang.term.TermParser;
import dev.clusterctl.erlang.term.Terms;
import dev.clusterctl.erlang.term.Tuple;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.testing.RealServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks {@link TermParser} and {@link SysConfig} against the real thing: {@code erl} runs {@code file:consult/1} on the
 * same files, prints each result with {@code ~p}, and the printed results (read back with this
 * parser) must equal what this parser read directly; for malformed files both must refuse, on the
 * same line. One {@code erl} run covers every sample.
 */
class ConsultErlCrossCheckTest {

  private static final Map<String, String> GOOD = new LinkedHashMap<>();
  private static final Map<String, String> BAD = new LinkedHashMap<>();

  static {
    GOOD.put("seed_a.config", SysConfigTest.SEED_A);
    GOOD.put("seed_srv.config", SysConfigTest.SEED_SRV);
    GOOD.put("literals.config", """
        %% every literal kind the parser knows
        {a, 16#FF, 2#1010, $c, $\\n, -1.5e3, 0.1, 1_000, 123456789012345678901234567890}.
        {<<"x"/utf8, 1:16, $a>>, <<>>, [a|b], [a|[b]], 'Q A', 'it\\'s', "\\x{41}\\^A\\101\\s", "ab" "cd"}.
        #{k => [1.0], "s" => #{}, {t} => []}.
        [{gen_cluster, [{discovery, {static, ['a@h.example', b@h]}}]}, "/etc/extra.config"].
        """);
    GOOD.put("empty.config", "% nothing\n");
    BAD.put("nodot.config", "[{a, 1}]\n");
    BAD.put("unterminated.config", "{a,\n  \"abc}.\n");
    BAD.put("missing_comma.config", "[{a, b c}].\n");
    BAD.put("unbalanced.config", "[{gen_cluster,\n  [{discovery, {dns, #{domain => \"x\"}}}]}.\n");
    BAD.put("variable.config", "\n\n{a, Var}.\n");
    BAD.put("adjacent_atoms.config", "{ok,\n 'it''s'}.\n");
  }

  @Test
  void agreesWithFileConsult(@TempDir Path dir) throws Exception {
    Path erl = RealServers.require("erl", "erlang-base");
    List<String> names = new ArrayList<>(GOOD.keySet());
    names.addAll(BAD.keySet());
    for (String name : names) {
      Files.writeString(dir.resolve(name), GOOD.getOrDefault(name, BAD.get(name)), StandardCharsets.UTF_8);
    }
    String files = names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","));
    String eval = "lists:foreach(fun(F) -> io:format(\"~p.~n\", [file:consult(F)]) end, [" + files + "]), halt().";
    List<Term> results = TermParser.consult(run(erl, dir, eval), "erl output");
    assertThat(results).hasSize(names.size());

    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Tuple result = (Tuple) results.get(i);
      if (GOOD.containsKey(name)) {
        assertThat(result.get(0)).as(name).isEqualTo(new Atom("ok"));
        List<Term> mine = TermParser.consult(GOOD.get(name), name);
        assertThat(((ListTerm) result.get(1)).elements()).as(name).isEqualTo(mine);
      } else {
        assertThat(result.get(0)).as(name).isEqualTo(new Atom("error"));
        int erlLine = ((IntTerm) ((Tuple) result.get(1)).get(0)).value().intValue();
        assertThatThrownBy(() -> TermParser.consult(BAD.get(name), name))
            .as(name)
            .isInstanceOf(BadInputException.class)
            .hasMessageStartingWith(name + ": line " + erlLine + ", ");
      }
    }

    // key values the doctor relies on, read through SysConfig, match what erl read
    Tuple seed = (Tuple) results.get(0);
    assertThat(((ListTerm) seed.get(1)).elements()).hasSize(1);
    SysConfig config = SysConfig.parse(GOOD.get("seed_srv.config"), "seed_srv.config");
    ListTerm erlApps = (ListTerm) ((ListTerm) ((Tuple) results.get(1)).get(1)).elements().get(0);
    Term erlGenCluster = Terms.proplistValue(erlApps, "gen_cluster").orElseThrow();
    Tuple erlDiscovery = (Tuple) Terms.proplistValue(erlGenCluster, "discovery").orElseThrow();
    MapTerm erlDns = (MapTerm) erlDiscovery.get(1);
    assertThat(config.genClusterDiscovery().orElseThrow().toString())
        .contains(Terms.text(erlDns.get("domain").orElseThrow()).orElseThrow())
        .contains(erlDns.get("record_type").orElseThrow().toString().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * The VM itself loads each sys.config with {@code -config}: it must boot exactly when
   * {@link SysConfig} accepts the file. The VMs run side by side to keep the test short.
   */
  @Test
  void bootsExactlyWhenSysConfigAccepts(@TempDir Path dir) throws Exception {
    Path erl = RealServers.require("erl", "erlang-base");
    Map<String, String> samples = new LinkedHashMap<>();
    samples.put("seed_srv", SysConfigTest.SEED_SRV);
    samples.put("kernel_ports", "[{kernel, [{inet_dist_listen_min, 9100}, {inet_dist_listen_max, 9105}]}].");
    samples.put("bad_parameter_name", "[{myapp, [{\"k\", 1}]}].");
    samples.put("duplicate_app", "[{a, []}, {a, [{k, 1}]}].");
    samples.put("not_a_list", "{myapp, []}.");
    Map<String, Process> vms = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : samples.entrySet()) {
      Files.writeString(dir.resolve(e.getKey() + ".config"), e.getValue(), StandardCharsets.UTF_8);
      vms.put(e.getKey(), new ProcessBuilder(erl.toString(), "-config", e.getKey(), "-noshell", "-eval", "halt().")
          .directory(dir.toFile()).redirectErrorStream(true).start());
    }
    for (Map.Entry<String, Process> vm : vms.entrySet()) {
      Process p = vm.getValue();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("erl -config " + vm.getKey() + " did not finish within 20 s");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean vmBooted = !out.contains("could not start kernel pid");
      boolean accepted;
      try {
        SysConfig.parse(samples.get(vm.getKey()), vm.getKey() + ".config");
        accepted = true;
      } catch (BadInputException e) {
        accepted = false;
      }
      assertThat(accepted).as(vm.getKey() + ": erl said " + out.strip()).isEqualTo(vmBooted);
    }
  }

  private static String run(Path erl, Path dir, String eval) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(erl.toString(), "-noshell", "-eval", eval)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("erl did not finish within 20 s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
