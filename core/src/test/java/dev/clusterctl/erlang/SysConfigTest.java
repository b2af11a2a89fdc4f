package dev.clusterctl.erlang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.erlang.GenClusterDiscovery.Custom;
import dev.clusterctl.erlang.GenClusterDiscovery.Dns;
import dev.clusterctl.erlang.GenClusterDiscovery.EpmdAll;
import dev.clusterctl.erlang.GenClusterDiscovery.HostType;
import dev.clusterctl.erlang.GenClusterDiscovery.RecordType;
import dev.clusterctl.erlang.GenClusterDiscovery.Static;
import dev.clusterctl.erlang.term.Atom;
import dev.clusterctl.error.BadInputException;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SysConfigTest {

  /** The gen_cluster Kubernetes example's A-record sys.config (seed document). */
  static final String SEED_A = """
      [
       {k8s_erlang_cluster, []},

       {gen_cluster, [{discovery, {dns, #{domain => "k8s-erlang-cluster.k8s-erlang-cluster"}}},
                      {refresh_interval_ms, 5000}]},

       {kernel,
        [{logger_level, debug},
         {logger,
          [{handler, default, logger_std_h,
            #{formatter => {logger_formatter, #{}}}}]}]}
      ].
      """;

  /** The example's SRV sys.config (srv_sys.config in the seed). */
  static final String SEED_SRV = """
      [
       {k8s_erlang_cluster, []},

       {gen_cluster, [{discovery, {dns, #{record_type => srv,
                                          domain => "_dist-erl._tcp.k8s-erlang-cluster.k8s-erlang-cluster"}}}]},

       {kernel,
        [{logger_level, debug},
         {logger,
          [{handler, default, logger_std_h,
            #{formatter => {logger_formatter, #{}}}}]}]}
      ].
      """;

  private static SysConfig parse(String text) {
    return SysConfig.parse(text, "sys.config");
  }

  private static GenClusterDiscovery discovery(String value) {
    return parse("[{gen_cluster, [{discovery, " + value + "}]}].").genClusterDiscovery().orElseThrow();
  }

  @Test
  void seedARecordConfig() {
    SysConfig c = parse(SEED_A);
    assertThat(c.applications()).containsExactly("k8s_erlang_cluster", "gen_cluster", "kernel");
    assertThat(c.genClusterDiscovery()).contains(
        new Dns("k8s-erlang-cluster.k8s-erlang-cluster", RecordType.IP, HostType.IP, false, 5000));
    assertThat(c.refreshIntervalMs()).isEqualTo(OptionalLong.of(5000));
    assertThat(c.discoveryLine()).isEqualTo(OptionalInt.of(4));
    assertThat(c.distPortRange()).isEmpty();
    assertThat(c.env("kernel", "logger_level")).contains(new Atom("debug"));
  }

  @Test
  void seedSrvConfigDefaultsHostTypeToHostname() {
    SysConfig c = parse(SEED_SRV);
    assertThat(c.genClusterDiscovery()).contains(new Dns(
        "_dist-erl._tcp.k8s-erlang-cluster.k8s-erlang-cluster", RecordType.SRV, HostType.HOSTNAME, false, 5000));
    assertThat(c.refreshIntervalMs()).isEqualTo(OptionalLong.of(SysConfig.DEFAULT_REFRESH_INTERVAL_MS));
  }

  @Test
  void dnsOptionsOverrideDefaults() {
    assertThat(discovery("{dns, #{domain => \"s.ns\", record_type => srv, host_type => ip, ipv6 => true, lookup_timeout => 250}}"))
        .isEqualTo(new Dns("s.ns", RecordType.SRV, HostType.IP, true, 250));
    assertThat(discovery("{dns, #{domain => \"s.ns\", host_type => hostname, lookup_timeout => infinity}}"))
        .isEqualTo(new Dns("s.ns", RecordType.IP, HostType.HOSTNAME, false, Long.MAX_VALUE));
    assertThat(discovery("{dns, #{domain => 's.ns'}}")).isEqualTo(new Dns("s.ns", RecordType.IP, HostType.IP, false, 5000));
  }

  @Test
  void fullModuleNamesFixTheRecordType() {
    assertThat(discovery("{gc_discover_dns_ip, #{domain => \"a.b\", record_type => srv}}"))
        .isEqualTo(new Dns("a.b", RecordType.IP, HostType.IP, false, 5000));
    assertThat(discovery("{gc_discover_dns_srv, #{domain => \"_p._tcp.a.b\"}}"))
        .isEqualTo(new Dns("_p._tcp.a.b", RecordType.SRV, HostType.HOSTNAME, false, 5000));
  }

  @Test
  void olderAModuleNameAndItsLackOfIpv6() {
    assertThat(discovery("{gc_discover_dns_a, #{domain => \"a.b\", ipv6 => true}}"))
        .isEqualTo(new Dns("a.b", RecordType.IP, HostType.IP, false, 5000));
  }

  @Test
  void settingsGenClusterIgnoresAreWarnedAbout() {
    SysConfig c = parse("[{gen_cluster, [{discovery, {dns, #{domain => \"s.ns\", recordtype => srv}}},\n"
        + "                {refresh_interval, 1000}]}].");
    assertThat(c.genClusterDiscovery()).contains(new Dns("s.ns", RecordType.IP, HostType.IP, false, 5000));
    assertThat(c.warnings()).containsExactly(
        "sys.config: line 1, column 55: dns option 'recordtype' is ignored by gen_cluster (known: domain, host_type, ipv6, lookup_timeout, record_type)",
        "sys.config: line 2, column 18: gen_cluster setting 'refresh_interval' is ignored by gen_cluster (known: discovery, dist, refresh_interval_ms)");
    assertThat(parse(SEED_A).warnings()).isEmpty();
    assertThat(parse(SEED_SRV).warnings()).isEmpty();
  }

  @Test
  void staticEpmdAllAndCustom() {
    assertThat(discovery("{static, ['a@rosa', 'b@rosa']}")).isEqualTo(new Static(List.of("a@rosa", "b@rosa")));
    assertThat(discovery("{gc_discover_static, []}")).isEqualTo(new Static(List.of()));
    assertThat(discovery("{epmd_all, #{}}")).isEqualTo(new EpmdAll(List.of()));
    assertThat(discovery("{epmd_all, #{hosts => [localhost, \"h1.example\", {10,0,0,1}]}}"))
        .isEqualTo(new EpmdAll(List.of("localhost", "h1.example", "10.0.0.1")));
    assertThat(discovery("{my_k8s_discovery, #{namespace => \"x\"}}")).isEqualTo(new Custom("my_k8s_discovery"));
  }

  @Test
  void genClusterDefaultsWhenConfiguredWithoutDiscovery() {
    SysConfig c = parse("[{gen_cluster, [{refresh_interval_ms, infinity}]}].");
    assertThat(c.genClusterDiscovery()).contains(new Static(List.of()));
    assertThat(c.refreshIntervalMs()).isEmpty();
    assertThat(c.discoveryLine()).isEmpty();
  }

  @Test
  void noGenClusterSettingsMeansNoClusterProcess() {
    assertThat(parse("[{gen_cluster, []}].").genClusterDiscovery()).isEmpty();
    assertThat(parse("[{myapp, [{a, 1}]}].").genClusterDiscovery()).isEmpty();
    assertThat(parse("[].").applications()).isEmpty();
    assertThat(parse("[{myapp, []}].").refreshIntervalMs()).isEmpty();
  }

  @Test
  void kernelDistPortRange() {
    assertThat(parse("[{kernel, [{inet_dist_listen_min, 9100}, {inet_dist_listen_max, 9105}]}].").distPortRange())
        .contains(new PortRange(9100, 9105));
    assertThat(parse("[{kernel, [{inet_dist_listen_min, 39135}]}].").distPortRange())
        .contains(new PortRange(39135, 39135));
    assertThat(parse("[{kernel, [{inet_dist_listen_max, 9105}]}].").distPortRange()).isEmpty();
  }

  @Test
  void includedFilesAreListedNotRead() {
    SysConfig c = parse("[\"/etc/app/extra.config\", {myapp, []}].");
    assertThat(c.includes()).containsExactly("/etc/app/extra.config");
    assertThat(c.applications()).containsExactly("myapp");
  }

  @Test
  void toStringShowsNoValues() {
    SysConfig c = parse("[{myapp, [{api_key, \"hunter2\"}]}, {gen_cluster, [{discovery, {static, []}}]}].");
    assertThat(c.toString()).doesNotContain("hunter2").contains("myapp", "gen_cluster", "Static");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '§',
      quoteCharacter = '`',
      textBlock = """
          empty file                § % nothing here                                          § sys.config: line 1, column 1: empty; a sys.config holds one list [{App, [{Key, Value}]}, ...] ending with '.'
          two terms                 § [].\\n[].                                                  § sys.config: line 2, column 1: a sys.config holds exactly one term, but a second term starts here
          not a list                § {gen_cluster, []}.                                       § sys.config: line 1, column 1: expected a list of {App, Env} tuples, found a tuple of 2
          element not a tuple       § [gen_cluster].                                           § sys.config: line 1, column 2: expected an {App, Env} tuple (or a file name string), found an atom
          app name not an atom      § [{"gen_cluster", []}].                                   § sys.config: line 1, column 2: expected an {App, Env} tuple (or a file name string), found a tuple of 2
          env not a list            § [{gen_cluster, #{discovery => x}}].                      § sys.config: line 1, column 16: the settings of application 'gen_cluster' must be a list of {Key, Value} tuples, found a map
          setting not a pair        § [{gen_cluster, [discovery]}].                            § sys.config: line 1, column 17: a setting of application 'gen_cluster' is not a {Key, Value} tuple with an atom key
          app twice                 § [{a, []}, {a, []}].                                      § sys.config: line 1, column 11: application 'a' is configured twice
          discovery not a pair      § [{gen_cluster, [{discovery, dns}]}].                     § sys.config: line 1, column 29: gen_cluster's discovery must be {Module, Config} such as {dns, #{domain => "..."}}, found an atom
          dns config not a map      § [{gen_cluster, [{discovery, {dns, [{domain, "x"}]}}]}].  § sys.config: line 1, column 35: gen_cluster's dns discovery takes a map #{domain => "..."}, found a list
          dns without domain        § [{gen_cluster, [{discovery, {dns, #{}}}]}].              § sys.config: line 1, column 35: gen_cluster's dns discovery has no domain => "..."
          binary domain             § [{gen_cluster, [{discovery, {dns, #{domain => <<"x">>}}}]}]. § sys.config: line 1, column 47: gen_cluster's dns domain must be a string "..." (inet_res takes a string), found a binary
          bad record type           § [{gen_cluster, [{discovery, {dns, #{domain => "x", record_type => a}}}]}]. § sys.config: line 1, column 67: gen_cluster's record_type must be the atom ip or srv
          bad host type             § [{gen_cluster, [{discovery, {dns, #{domain => "x", host_type => name}}}]}]. § sys.config: line 1, column 65: gen_cluster's host_type must be the atom ip or hostname
          bad ipv6                  § [{gen_cluster, [{discovery, {dns, #{domain => "x", ipv6 => 1}}}]}]. § sys.config: line 1, column 60: gen_cluster's ipv6 must be true or false, found an integer
          bad timeout               § [{gen_cluster, [{discovery, {dns, #{domain => "x", lookup_timeout => "5s"}}}]}]. § sys.config: line 1, column 70: gen_cluster's lookup_timeout must be a number of milliseconds or infinity, found a string
          bad static nodes          § [{gen_cluster, [{discovery, {static, ["a@h"]}}]}].        § sys.config: line 1, column 39: a static node name must be an atom such as 'app@host.example', found a string
          bad refresh               § [{gen_cluster, [{refresh_interval_ms, 0}]}].             § sys.config: line 1, column 39: gen_cluster's refresh_interval_ms must be a positive number of milliseconds or infinity
          bad listen port           § [{kernel, [{inet_dist_listen_min, 70000}]}].             § sys.config: line 1, column 35: kernel's inet_dist_listen_min must be a port number 0..65535
          listen max below min      § [{kernel, [{inet_dist_listen_min, 9000}, {inet_dist_listen_max, 10}]}]. § sys.config: line 1, column 65: inet_dist_listen_max 10 is below inet_dist_listen_min 9000
          missing final dot         § [{gen_cluster, []}]                                      § sys.config: line 1, column 20: the term ends without its final '.'
          """)
  void malformedConfigGivesOneLineWithPosition(String name, String text, String message) {
    assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
        .isInstanceOf(BadInputException.class)
        .hasMessage(message);
  }
}
