package dev.clusterctl.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.testing.RealServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks {@link FlagPrecedence} against a real VM: for each case the flags come from
 * ERL_AFLAGS, the command line (with an {@code -args_file}), ERL_FLAGS and ERL_ZFLAGS; the VM
 * reports the node name, whether it uses the cookie this reader predicts, the
 * {@code inet_dist_listen_min} it applies and whether {@code -erl_epmd_port} is in force.
 * Nodes run without EPMD ({@code -start_epmd false}) on a free port and halt at once.
 */
class FlagPrecedenceErlCrossCheckTest {

  private static final String HOME_COOKIE = "home_file_cookie";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("ERL_AFLAGS comes before the command line", "-name aflags@127.0.0.1", List.of("-name", "cmd@127.0.0.1"), "", "", null),
        Arguments.of("the command line comes before ERL_FLAGS", "", List.of("-name", "cmd@127.0.0.1"), "-name flags@127.0.0.1", "", null),
        Arguments.of("ERL_FLAGS comes before ERL_ZFLAGS", "", List.of(), "-name flags@127.0.0.1", "-name zflags@127.0.0.1", null),
        Arguments.of("-sname wins over an earlier -name", "-name long@127.0.0.1", List.of("-sname", "short"), "", "", null),
        Arguments.of("vm.args is read where -args_file stands", "", List.of("-args_file", "vm.args", "-name", "cmd@127.0.0.1"), "", "",
            "## relx style\n-name vmargs@127.0.0.1\n-setcookie 'c_vm'\n-kernel inet_dist_listen_min 41000\n"),
        Arguments.of("one -setcookie is used", "", List.of("-name", "c1@127.0.0.1", "-setcookie", "c_one"), "", "", null),
        Arguments.of("two -setcookie: the VM reads ~/.erlang.cookie", "-setcookie c_aflags", List.of("-name", "c2@127.0.0.1"), "",
            "-setcookie c_z", null),
        Arguments.of("-kernel: the first flag naming the key wins", "-kernel inet_dist_listen_min 42001",
            List.of("-name", "k@127.0.0.1", "-kernel", "inet_dist_listen_min", "42002", "inet_dist_listen_min", "42003"), "", "", null),
        Arguments.of("two -erl_epmd_port: neither is used", "-erl_epmd_port 1234", List.of(), "", "", null),
        Arguments.of("quotes and backslashes in ERL_FLAGS", "", List.of(), "-name 'q@127.0.0.1' -kernel inet_dist_listen_min \\4\\2\\0\\0\\9", "",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void vmAgrees(String name, String aflags, List<String> command, String flags, String zflags, String vmArgs, @TempDir Path dir)
      throws Exception {
    Path erl = RealServers.require("erl", "erlang-base");
    Path home = Files.createDirectory(dir.resolve("home"));
    Path cookieFile = home.resolve(".erlang.cookie");
    Files.writeString(cookieFile, HOME_COOKIE, StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(cookieFile, PosixFilePermissions.fromString("r--------"));
    if (vmArgs != null) {
      Files.writeString(dir.resolve("vm.args"), vmArgs, StandardCharsets.UTF_8);
    }
    int port = freePort();
    List<String> fixed = List.of("-start_epmd", "false", "-erl_epmd_port", Integer.toString(port));
    boolean epmdCase = name.contains("-erl_epmd_port");

    // this reader
    List<TextValue> cmdWords = new ArrayList<>();
    List<String> full = new ArrayList<>(command);
    full.addAll(fixed);
    for (int i = 0; i < full.size(); i++) {
      if (full.get(i).equals("-args_file")) {
        String file = full.get(++i);
        cmdWords.addAll(ErlexecWords.ofArgsFile(lines(Files.readString(dir.resolve(file)), file)));
      } else {
        cmdWords.add(TextValue.of(full.get(i), Origin.arg("command", i)));
      }
    }
    EffectiveFlags mine = FlagPrecedence.resolve(FlagPrecedence.erlexecOrder(
        env("ERL_AFLAGS", aflags), ErlFlag.parse(cmdWords, i -> Origin.arg("command", i)), env("ERL_FLAGS", flags), env("ERL_ZFLAGS", zflags)));

    // the VM
    List<String> argv = new ArrayList<>(List.of(erl.toString()));
    argv.addAll(full);
    argv.addAll(List.of("-noshell", "-eval", "io:format(\"RESULT|~s|~s|~p|~p~n\", [node(), "
        + "crypto:hash(sha256, atom_to_list(erlang:get_cookie())) =:= crypto:hash(sha256, \"" + HOME_COOKIE + "\"), "
        + "application:get_env(kernel, inet_dist_listen_min), case erl_epmd:port_please(\"zz_probe\", \"127.0.0.1\") of {port, _, _} -> port; _ -> other end]),"
        + " io:format(\"COOKIE|~s~n\", [binary:encode_hex(crypto:hash(sha256, atom_to_list(erlang:get_cookie())))]), halt()."));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("ERL_") || k.equals("ELIXIR_ERL_OPTIONS"));
    env.put("HOME", home.toString());
    env.put("ERL_AFLAGS", aflags);
    env.put("ERL_FLAGS", flags);
    env.put("ERL_ZFLAGS", zflags);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("erl did not finish within 30 s");
    }
    List<String> out = List.of(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    String[] f = out.stream().filter(l -> l.startsWith("RESULT|")).findFirst().orElseThrow(() -> new AssertionError(out))
        .substring("RESULT|".length()).split("\\|");
    String cookieHash = out.stream().filter(l -> l.startsWith("COOKIE|")).findFirst().orElseThrow().substring("COOKIE|".length());

    if (epmdCase) {
      assertThat(mine.erlEpmdPort()).as("two -erl_epmd_port").isEmpty();
      assertThat(f[3]).as("erl_epmd asks EPMD instead of the fixed port").isNotEqualTo("port");
      return;
    }
    String predicted = mine.node().map(n -> n.name().known().orElseThrow()).orElse("nonode@nohost");
    if (mine.node().isPresent() && !predicted.contains("@")) {
      predicted = predicted + "@" + f[0].substring(f[0].indexOf('@') + 1);
    }
    assertThat(f[0]).as("node()").isEqualTo(predicted);
    boolean home_ = mine.cookie().rule() != EffectiveFlags.CookieRule.FLAG;
    assertThat(Boolean.parseBoolean(f[1])).as("uses ~/.erlang.cookie").isEqualTo(home_);
    if (!home_) {
      assertThat(cookieHash.strip().toLowerCase(java.util.Locale.ROOT)).as("the cookie used").isEqualTo(mine.cookie().used().orElseThrow().sha256().orElseThrow());
    }
    String min = mine.distListenMin().map(s -> "{ok," + s.value().known().orElseThrow() + "}").orElse("undefined");
    assertThat(f[2]).as("inet_dist_listen_min").isEqualTo(min);
    assertThat(f[3]).as("the fixed port is in force").isEqualTo("port");
  }

  private static List<ErlFlag> env(String name, String value) {
    return ErlFlag.parse(ErlexecWords.ofVariable(TextValue.of(value, Origin.env(name))), i -> Origin.env(name));
  }

  private static TextValue lines(String text, String file) {
    TextValue out = TextValue.empty();
    String[] ls = text.split("(?<=\n)");
    for (int i = 0; i < ls.length; i++) {
      out = out.concat(TextValue.of(ls[i], Origin.file(file, i + 1)));
    }
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
