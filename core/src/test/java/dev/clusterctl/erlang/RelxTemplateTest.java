package dev.clusterctl.erlang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.erlang.GenClusterDiscovery.Dns;
import dev.clusterctl.erlang.GenClusterDiscovery.HostType;
import dev.clusterctl.erlang.GenClusterDiscovery.RecordType;
import dev.clusterctl.erlang.RelxTemplate.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelxTemplateTest {

  @Test
  void substitutesDefaultsAndListsUnresolved() {
    assertThat(RelxTemplate.render("a@${HOST}", Map.of("HOST", "h.example"))).isEqualTo(new Result("a@h.example", List.of()));
    assertThat(RelxTemplate.render("${A:-x}-${B:-y}", Map.of("A", "", "B", "b"))).isEqualTo(new Result("x-b", List.of()));
    assertThat(RelxTemplate.render("${A}${B}${A}", Map.of())).isEqualTo(new Result("", List.of("A", "B")));
    assertThat(RelxTemplate.render("no placeholders $HOME {x}", Map.of())).isEqualTo(new Result("no placeholders $HOME {x}", List.of()));
    assertThat(RelxTemplate.render("${V}", Map.of("V", "$1\\n"))).isEqualTo(new Result("$1\\n", List.of()));
    assertThat(RelxTemplate.variables("-name ${NAME:-app}@${POD_IP} ${NAME}")).containsExactly("NAME", "POD_IP");
    assertThat(RelxTemplate.hasVariables("x")).isFalse();
  }

  @Test
  void sysConfigSrcIsRenderedBeforeParsing() {
    String src = "[{gen_cluster, [{discovery, {dns, #{domain => \"${SERVICE}.${NAMESPACE}\", record_type => srv}}},\n"
        + "                {refresh_interval_ms, ${REFRESH_MS:-2000}}]}].\n";
    Result r = RelxTemplate.render(src, Map.of("SERVICE", "_dist-erl._tcp.svc", "NAMESPACE", "ns"));
    assertThat(r.unresolved()).isEmpty();
    SysConfig c = SysConfig.parse(r.text(), "sys.config.src");
    assertThat(c.genClusterDiscovery()).contains(new Dns("_dist-erl._tcp.svc.ns", RecordType.SRV, HostType.HOSTNAME, false, 5000));
    assertThat(c.refreshIntervalMs()).hasValue(2000);
  }

  @Test
  void elixirDefaultVmArgsHasNoNameOrCookie() {
    String eex = """
        ## Customize flags given to the VM: https://www.erlang.org/doc/man/erl.html
        ## -mode/-name/-sname/-setcookie are configured via env vars, do not set them here

        ## Increase number of concurrent ports/sockets
        ##+Q 65536

        ## Tweak GC to run more often
        ##-env ERL_FULLSWEEP_AFTER 10
        """;
    VmArgs v = VmArgs.parse(eex, "vm.args.eex");
    assertThat(v.flags()).isEmpty();
    assertThat(v.nameMode()).isEmpty();
    assertThat(v.hasCookie()).isFalse();
  }
}
