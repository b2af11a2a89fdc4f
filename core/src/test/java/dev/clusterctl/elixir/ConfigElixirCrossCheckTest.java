package dev.clusterctl.elixir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.erlang.term.Atom;
import dev.clusterctl.erlang.term.Binary;
import dev.clusterctl.erlang.term.FloatTerm;
import dev.clusterctl.erlang.term.IntTerm;
import dev.clusterctl.erlang.term.ListTerm;
import dev.clusterctl.erlang.term.MapTerm;
import dev.clusterctl.erlang.term.Term;
import dev.clusterctl.erlang.term.TermParser;
import dev.clusterctl.erlang.term.Tuple;
import dev.clusterctl.release.Environment;
import dev.clusterctl.testing.RealServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks {@link ElixirConfig} against Elixir itself: for every config fixture,
 * {@code Config.Reader.read!(file, env: ENV)} run by a real {@code elixir} (1.14) with the
 * fixture's environment must give the same terms as this reader with {@link Resolver}. A value
 * the reader reports as {@link Value.Unknown} matches anything, and each fixture says how many
 * such values it expects ({@code unknowns=N}), so a reader that gives up is caught too.
 */
class ConfigElixirCrossCheckTest {

  static List<Fixture> fixtures() throws Exception {
    return Fixture.all().stream().filter(f -> !f.list("check").isEmpty()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void sameConfigAsElixir(Fixture fixture) throws Exception {
    Path elixir = RealServers.require("elixir", "elixir");
    String env = fixture.props().getProperty("configEnv", "prod");
    StringBuilder script = new StringBuilder();
    for (String file : fixture.list("check")) {
      script.append("IO.write(:io_lib.format(\"~w.~n\", [Config.Reader.read!(\"").append(file)
          .append("\", env: :").append(env).append(")]));");
    }
    boolean release = fixture.list("check").containsAll(List.of(ElixirConfig.CONFIG, ElixirConfig.RUNTIME));
    if (release) {
      // what a release boots with: the build-time config with runtime.exs merged on top
      script.append("IO.write(:io_lib.format(\"~w.~n\", [Config.Reader.merge(Config.Reader.read!(\"config/config.exs\", env: :")
          .append(env).append("), Config.Reader.read!(\"config/runtime.exs\", env: :").append(env).append("))]));");
    }
    ProcessBuilder pb = new ProcessBuilder(elixir.toString(), "-e", script.toString()).directory(fixture.dir().toFile());
    Map<String, String> penv = pb.environment();
    penv.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME") && !k.equals("LANG"));
    penv.putAll(fixture.env());
    pb.redirectErrorStream(false);
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("elixir did not finish within 60 s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isZero();
    List<Term> theirs = TermParser.consult(out, "elixir output");
    assertThat(theirs).hasSize(fixture.list("check").size() + (release ? 1 : 0));

    ElixirConfig config = ElixirConfig.of(fixture.configFiles());
    List<String> wildcards = new ArrayList<>();
    for (int i = 0; i < fixture.list("check").size(); i++) {
      String file = fixture.list("check").get(i);
      AppConfig mine = config.read(file, env, Environment.complete(fixture.env()));
      Value resolved = mine.resolved().value();
      List<String> diffs = new ArrayList<>();
      compare(resolved, theirs.get(i), file, diffs, wildcards);
      assertThat(diffs).as("differences from Elixir in " + file).isEmpty();
    }
    if (release) {
      Environment same = Environment.complete(fixture.env());
      Value merged = config.release(env, same, same).resolved().value();
      List<String> diffs = new ArrayList<>();
      compare(merged, theirs.get(theirs.size() - 1), "release", diffs, new ArrayList<>());
      assertThat(diffs).as("differences from Elixir in the merged release config").isEmpty();
    }
    int expected = Integer.parseInt(fixture.props().getProperty("unknowns", "0"));
    assertThat(wildcards).as("values this reader reports as unknown").hasSize(expected);
  }

  /** Compares structurally; an Unknown on our side matches anything and is counted. */
  static void compare(Value ours, Term theirs, String path, List<String> diffs, List<String> wildcards) {
    if (ours instanceof Value.Unknown u) {
      wildcards.add(path + " (" + u.origin() + ")");
      return;
    }
    if (ours instanceof Value.ListOf l && theirs instanceof ListTerm t && t.isProper()) {
      if (l.items().size() != t.elements().size()) {
        diffs.add(path + ": " + l.items().size() + " elements, Elixir has " + t.elements().size() + " (" + theirs + ")");
        return;
      }
      for (int i = 0; i < l.items().size(); i++) {
        compare(l.items().get(i), t.elements().get(i), path + "[" + i + "]", diffs, wildcards);
      }
      return;
    }
    if (ours instanceof Value.TupleOf l && theirs instanceof Tuple t) {
      if (l.items().size() != t.arity()) {
        diffs.add(path + ": tuple of " + l.items().size() + ", Elixir has " + t.arity());
        return;
      }
      for (int i = 0; i < l.items().size(); i++) {
        compare(l.items().get(i), t.get(i), path + "{" + i + "}", diffs, wildcards);
      }
      return;
    }
    if (ours instanceof Value.MapOf m && theirs instanceof MapTerm t) {
      if (m.entries().size() != t.entries().size()) {
        diffs.add(path + ": map of " + m.entries().size() + ", Elixir has " + t.entries().size());
        return;
      }
      for (Value.Entry e : m.entries()) {
        Term key = ElixirTerms.toTerm(e.key());
        if (!t.entries().containsKey(key)) {
          diffs.add(path + ": key " + key + " missing in Elixir's map");
        } else {
          compare(e.value(), t.entries().get(key), path + "#" + key, diffs, wildcards);
        }
      }
      return;
    }
    if (!Value.isLiteral(ours)) {
      diffs.add(path + ": this reader has " + ours + ", Elixir has " + theirs);
      return;
    }
    Term mine = ElixirTerms.toTerm(ours);
    if (!mine.equals(theirs)) {
      diffs.add(path + ": this reader has " + show(mine) + " (" + ours.origin() + "), Elixir has " + show(theirs));
    }
  }

  private static String show(Term t) {
    if (t instanceof Binary b) {
      return "\"" + new String(b.bytes(), StandardCharsets.UTF_8) + "\"";
    }
    if (t instanceof Atom || t instanceof IntTerm || t instanceof FloatTerm) {
      return t.toString();
    }
    return t.toString();
  }
}
