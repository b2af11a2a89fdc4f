package dev.clusterctl.erlang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.erlang.VmArgs.Flag;
import dev.clusterctl.erlang.VmArgs.Rendered;
import dev.clusterctl.error.BadInputException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VmArgsTest {

  /** The gen_cluster Kubernetes example's vm.args.src for A records (seed document). */
  static final String SEED_A = """
      -name k8s_erlang_cluster@${NODE_HOST}

      -setcookie k8s_erlang_cluster
      """;

  /** The example's vm.args for SRV records: no host part, the VM uses hostname --fqdn. */
  static final String SEED_SRV = """
      -name k8s_erlang_cluster
      -setcookie k8s_erlang_cluster
      """;

  /** A relx-style vm.args with the distribution settings a doctor looks at. */
  static final String RELX = """
      ## Name of the node
      -name ${RELEASE_NAME:-myapp}@${POD_IP}   # the pod IP from the downward API

      ## Cookie for distributed erlang
      -setcookie ${RELEASE_COOKIE}

      -erl_epmd_port 39135
      -start_epmd false
      -proto_dist inet6_tcp
      -kernel inet_dist_listen_min 39135 inet_dist_listen_max 39135
      +K true
      +A 30
      -args_file /etc/app/extra.vm.args
      -env ERL_MAX_PORTS 4096
      """;

  private static VmArgs parse(String text) {
    return VmArgs.parse(text, "vm.args");
  }

  @Test
  void seedARecords() {
    VmArgs v = parse(SEED_A);
    assertThat(v.nameMode()).contains(NameMode.LONG);
    assertThat(v.nodeNameTemplate()).contains("k8s_erlang_cluster@${NODE_HOST}");
    assertThat(v.line("-name")).isEqualTo(OptionalInt.of(1));
    assertThat(v.hasCookie()).isTrue();
    assertThat(v.cookieVariables()).isEmpty();
    assertThat(v.cookieSource()).contains("vm.args line 3 (-setcookie, literal)");
    assertThat(v.startEpmd()).isTrue();
    assertThat(v.distPort()).isEmpty();
    assertThat(v.render(Map.of("NODE_HOST", "10.244.0.15")))
        .isEqualTo(new Rendered("k8s_erlang_cluster@10.244.0.15", List.of()));
    assertThat(v.render(Map.of())).isEqualTo(new Rendered("k8s_erlang_cluster@", List.of("NODE_HOST")));
  }

  @Test
  void seedSrvHasNoHostPart() {
    VmArgs v = parse(SEED_SRV);
    assertThat(v.nodeNameTemplate()).contains("k8s_erlang_cluster");
    assertThat(v.render(Map.of())).isEqualTo(new Rendered("k8s_erlang_cluster", List.of()));
    assertThat(NodeName.parse(v.render(Map.of()).nodeName()).host()).isNull();
  }

  @Test
  void relxConventions() {
    VmArgs v = parse(RELX);
    assertThat(v.nameMode()).contains(NameMode.LONG);
    assertThat(v.nodeNameTemplate()).contains("${RELEASE_NAME:-myapp}@${POD_IP}");
    assertThat(v.render(Map.of("POD_IP", "10.0.0.7"))).isEqualTo(new Rendered("myapp@10.0.0.7", List.of()));
    assertThat(v.render(Map.of("POD_IP", "10.0.0.7", "RELEASE_NAME", "web")).nodeName()).isEqualTo("web@10.0.0.7");
    assertThat(v.render(Map.of("RELEASE_NAME", "")).unresolvedVars()).containsExactly("POD_IP");
    assertThat(v.cookieVariables()).containsExactly("RELEASE_COOKIE");
    assertThat(v.cookieSource()).contains("vm.args line 5 (-setcookie from ${RELEASE_COOKIE})");
    assertThat(v.distPort()).isEqualTo(OptionalInt.of(39135));
    assertThat(v.startEpmd()).isFalse();
    assertThat(v.protoDist()).contains("inet6_tcp");
    assertThat(v.distPortRange()).contains(new PortRange(39135, 39135));
    assertThat(v.argsFiles()).containsExactly("/etc/app/extra.vm.args");
    assertThat(v.flag("+K").orElseThrow().args()).containsExactly("true");
    assertThat(v.flag("-env").orElseThrow().args()).containsExactly("ERL_MAX_PORTS", "4096");
    assertThat(v.line("-proto_dist")).isEqualTo(OptionalInt.of(9));
    assertThat(v.line("-hidden")).isEmpty();
  }

  @Test
  void distPortFromKernelSettings() {
    assertThat(parse("-kernel inet_dist_listen_min 9100\n").distPort()).isEqualTo(OptionalInt.of(9100));
    VmArgs range = parse("-kernel inet_dist_listen_min 9100\n-kernel inet_dist_listen_max 9110\n");
    assertThat(range.distPort()).isEmpty();
    assertThat(range.distPortRange()).contains(new PortRange(9100, 9110));
    assertThat(parse("-kernel erl_epmd_node_listen_port 4370\n").distPort()).isEqualTo(OptionalInt.of(4370));
    assertThat(parse("-erl_epmd_port ${ERL_DIST_PORT}\n").distPort()).isEmpty();
    assertThat(parse("-erl_epmd_port ${ERL_DIST_PORT}\n").flag("-erl_epmd_port").orElseThrow().args())
        .containsExactly("${ERL_DIST_PORT}");
  }

  @Test
  void snameWinsOverNameAsInNetKernel() {
    VmArgs v = parse("-name a@host.example\n-sname b\n");
    assertThat(v.nameMode()).contains(NameMode.SHORT);
    assertThat(v.nodeNameTemplate()).contains("b");
    assertThat(v.line("-name")).isEqualTo(OptionalInt.of(1));
    assertThat(v.warnings()).containsExactly("vm.args: line 2: -sname wins over -name on line 1: the node runs with short names");
    assertThat(parse(SEED_A).warnings()).isEmpty();
  }

  @Test
  void repeatedFlagsAreWarnedAbout() {
    VmArgs v = parse("-setcookie one\n-name a@h.example\n-setcookie two\n");
    assertThat(v.warnings()).containsExactly("vm.args: line 3: -setcookie is given again (first on line 1); this tool reads the first");
    assertThat(v.warnings().toString()).doesNotContain("one", "two");
  }

  @Test
  void noNameNoCookie() {
    VmArgs v = parse("# only comments\n+K true\n");
    assertThat(v.nameMode()).isEmpty();
    assertThat(v.nodeNameTemplate()).isEmpty();
    assertThat(v.render(Map.of())).isEqualTo(new Rendered("", List.of()));
    assertThat(v.hasCookie()).isFalse();
    assertThat(v.cookieHash(Map.of())).isEmpty();
    assertThat(v.cookieSource()).isEmpty();
    assertThat(parse("").flags()).isEmpty();
  }

  @Test
  void commentsQuotesAndEscapesAsErlexecReadsThem() {
    VmArgs v = parse("-name a@h.example#trailing comment\n# -sname ignored\n-env GREETING \"hello world\"\n"
        + "-env SINGLE 'it is'\n-env HASH a\\#b\n-env QUOTED_HASH \"x#y\"\n-env LAST z\n");
    assertThat(v.nodeNameTemplate()).contains("a@h.example");
    assertThat(v.nameMode()).contains(NameMode.LONG);
    assertThat(v.flags()).filteredOn(f -> f.name().equals("-env")).extracting(Flag::args).containsExactly(
        List.of("GREETING", "hello world"), List.of("SINGLE", "it is"), List.of("HASH", "a#b"),
        List.of("QUOTED_HASH", "x#y"), List.of("LAST", "z"));
    assertThat(v.line("-env")).isEqualTo(OptionalInt.of(3));
  }

  @Test
  void cookieIsNeverShownButComparableByHash() {
    VmArgs v = parse("-name a@h.example\n-setcookie Sup3rS3cret\n");
    assertThat(v.toString()).doesNotContain("Sup3rS3cret").contains(VmArgs.REDACTED, "-name a@h.example");
    assertThat(v.flags().toString()).doesNotContain("Sup3rS3cret");
    assertThat(v.flag("-setcookie").orElseThrow().args()).containsExactly(VmArgs.REDACTED);
    assertThat(v.cookieSource().orElseThrow()).doesNotContain("Sup3rS3cret");
    assertThat(v.cookieTemplate()).contains("Sup3rS3cret");
    assertThat(v.cookieHash(Map.of())).contains(CookieHash.of("Sup3rS3cret"));
    assertThat(CookieHash.of("Sup3rS3cret")).hasSize(64).doesNotContain("Sup3rS3cret");
    // the SHA-256 of "abc" (FIPS 180-2 test vector)
    assertThat(CookieHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void templatedCookieHashNeedsTheEnvironment() {
    VmArgs v = parse("-setcookie ${RELEASE_COOKIE}\n");
    assertThat(v.cookieHash(Map.of())).isEmpty();
    assertThat(v.cookieHash(Map.of("RELEASE_COOKIE", "c1"))).contains(CookieHash.of("c1"));
    assertThat(v.cookieHash(Map.of("RELEASE_COOKIE", "c1"))).isNotEqualTo(v.cookieHash(Map.of("RELEASE_COOKIE", "c2")));
  }

  @Test
  void errorsNeverShowTheCookie() {
    assertThatThrownBy(() -> parse("-setcookie Sup3rS3cret -erl_epmd_port x\n"))
        .hasMessageNotContaining("Sup3rS3cret");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '§',
      quoteCharacter = '`',
      textBlock = """
          name without value      § -name\\n-setcookie c                         § vm.args: line 1, column 1: -name needs a value
          sname at end            § +K true\\n-sname                             § vm.args: line 2, column 1: -sname needs a value
          cookie without value    § -name a@h.example\\n-setcookie\\n-start_epmd false § vm.args: line 2, column 1: -setcookie needs a cookie
          cookie at end           § -setcookie                                  § vm.args: line 1, column 1: -setcookie needs a cookie
          port not a number       § -erl_epmd_port dist                         § vm.args: line 1, column 1: -erl_epmd_port must be a port number 0..65535, found 'dist'
          port too large          § -kernel inet_dist_listen_min 70000          § vm.args: line 1, column 1: inet_dist_listen_min must be a port number 0..65535, found '70000'
          kernel odd arguments    § -kernel inet_dist_listen_min                § vm.args: line 1, column 1: -kernel takes Key Value pairs, but 'inet_dist_listen_min' has no value
          args_file without file  § -args_file                                  § vm.args: line 1, column 1: -args_file needs a value
          """)
  void malformedInputGivesOneLineWithPosition(String name, String text, String message) {
    assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
        .isInstanceOf(BadInputException.class)
        .hasMessage(message);
  }

  @Test
  void binaryGarbage() {
    assertThatThrownBy(() -> parse("-name a@b.c\n\u0000\u0001ELF"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("vm.args: line 2, column 1: binary data, not vm.args text (control byte 0x00)");
    assertThatThrownBy(() -> parse("\uFFFD\uFFFD"))
        .hasMessage("vm.args: line 1, column 1: binary data, not vm.args text (bytes that are not UTF-8)");
  }
}
