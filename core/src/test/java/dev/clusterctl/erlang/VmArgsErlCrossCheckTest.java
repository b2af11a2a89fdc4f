package dev.clusterctl.erlang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.erlang.term.Atom;
import dev.clusterctl.erlang.term.ListTerm;
import dev.clusterctl.erlang.term.Term;
import dev.clusterctl.erlang.term.TermParser;
import dev.clusterctl.erlang.term.Terms;
import dev.clusterctl.erlang.term.Tuple;
import dev.clusterctl.testing.RealServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks {@link VmArgs} against the VM: {@code erl -args_file vm.args} (what relx runs)
 * must see the same flags with the same arguments, as {@code init:get_arguments/0} reports them.
 * No {@code -name}/{@code -sname} in the sample, so no distribution (and no EPMD) starts.
 */
class VmArgsErlCrossCheckTest {

  private static final String SAMPLE = """
      ## relx style, with every lexical rule erlexec applies
      -setcookie not_a_real_cookie   # trailing comment
      -erl_epmd_port 39135
      -start_epmd false
      -proto_dist inet6_tcp
      -kernel inet_dist_listen_min 39135 inet_dist_listen_max 39135
      +K true
      -myapp greeting "hello world" other 'it is'
      -myapp hash a\\#b#comment
      -myapp quoted_hash "x#y"
      -myapp multi "line one
      line two" after
      -myapp last z
      """;

  @Test
  void erlSeesTheSameFlags(@TempDir Path dir) throws Exception {
    Path erl = RealServers.require("erl", "erlang-base");
    Files.writeString(dir.resolve("vm.args"), SAMPLE, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(erl.toString(), "-args_file", "vm.args", "-noshell", "-eval",
        "io:format(\"~p.~n\", [init:get_arguments()]), halt().")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("erl did not finish within 20 s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();

    VmArgs mine = VmArgs.parse(SAMPLE, "vm.args");
    Set<String> names = Set.of("setcookie", "erl_epmd_port", "start_epmd", "proto_dist", "kernel", "myapp");
    List<List<String>> erlFlags = new ArrayList<>();
    for (Term t : ((ListTerm) TermParser.consult(out, "erl output").get(0)).elements()) {
      Tuple kv = (Tuple) t;
      String name = ((Atom) kv.get(0)).name();
      if (names.contains(name)) {
        List<String> flag = new ArrayList<>();
        flag.add("-" + name);
        ((ListTerm) kv.get(1)).elements().forEach(a -> flag.add(Terms.text(a).orElseThrow()));
        erlFlags.add(flag);
      }
    }
    List<List<String>> myFlags = new ArrayList<>();
    for (VmArgs.Flag f : mine.flags()) {
      if (f.name().startsWith("-")) {
        List<String> flag = new ArrayList<>();
        flag.add(f.name());
        flag.addAll(f.name().equals("-setcookie") ? List.of(mine.cookieTemplate().orElseThrow()) : f.args());
        myFlags.add(flag);
      }
    }
    assertThat(myFlags).isEqualTo(erlFlags);
    assertThat(mine.distPort()).hasValue(39135);
    assertThat(mine.startEpmd()).isFalse();
    assertThat(mine.protoDist()).contains("inet6_tcp");
  }
}
