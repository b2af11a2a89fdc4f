package dev.clusterctl.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.erlang.NameMode;
import dev.clusterctl.erlang.NodeName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each release fixture read as its {@code why} states. */
class ReleaseNamingTest {

  private static ReleaseNaming read(String fixture) throws Exception {
    return ReleaseNamingReader.read(ReleaseFixture.load(fixture).inputs());
  }

  @Test
  void phoenixEnvShWithPodIp() throws Exception {
    ReleaseNaming n = read("phoenix-env-sh-pod-ip");
    assertThat(n.kind()).isEqualTo(ReleaseKind.ELIXIR_RELEASE);
    assertThat(n.distribution()).isEqualTo(Distribution.LONG);
    assertThat(n.fullName().orElseThrow().template()).isEqualTo("storefront@${POD_IP}");
    assertThat(n.fullName().orElseThrow().origins()).containsExactly(Origin.file("rel/env.sh.eex", 16), Origin.file("deployment.yaml", 1));
    assertThat(n.fullName().orElseThrow().holes()).singleElement().satisfies(h -> assertThat(h.kind()).isEqualTo(TextValue.HoleKind.RUNTIME));
    assertThat(n.nameOrigin()).contains(Origin.file("rel/env.sh.eex", 16));
    assertThat(n.cookie().kind()).isEqualTo(CookieSource.Kind.ENV_VAR);
    assertThat(n.cookie().variables()).containsExactly("RELEASE_COOKIE");
    assertThat(n.cookie().sha256()).isEmpty();
    assertThat(n.unknowns()).isEmpty();
    assertThat(n.assumptions()).extracting(Gap::what).contains("the container's command");
    assertThat(n.settled()).isTrue();
  }

  @Test
  void statefulSetFqdn() throws Exception {
    ReleaseNaming n = read("statefulset-hostname-fqdn");
    assertThat(n.fullName().orElseThrow().known()).contains("ledger@ledger-0.ledger-headless.payments.svc.cluster.local");
    assertThat(n.fullName().orElseThrow().origins()).contains(Origin.host("hostname -f"));
    assertThat(n.cookie().kind()).isEqualTo(CookieSource.Kind.RELEASE_FILE);
    assertThat(NodeName.parse(n.fullName().orElseThrow().known().orElseThrow()).problems(NameMode.LONG)).isEmpty();
    assertThat(n.problems()).isEmpty();
  }

  @Test
  void branchesDecidedOnlyWhenTheInputsDecideThem() throws Exception {
    ReleaseNaming n = read("fly-style-branches");
    assertThat(n.fullName().orElseThrow().known()).contains("chat@10.4.3.21");
    assertThat(n.flags().flags()).noneMatch(f -> f.origin().equals(Origin.env("ELIXIR_ERL_OPTIONS")));

    ReleaseInputs partial = ReleaseFixture.load("fly-style-branches").inputs();
    ReleaseNaming open = ReleaseNamingReader.read(new ReleaseInputs(partial.env(), false, partial.command(), partial.args(),
        partial.releaseEnv(), partial.vmArgs(), partial.files(), partial.releaseName(), partial.releaseVersion(),
        partial.kindHint(), partial.hosts()));
    assertThat(open.fullName().orElseThrow().hasUnknown()).isTrue();
    assertThat(open.unknowns()).anySatisfy(g -> assertThat(g.why()).contains("'if' at rel/env.sh.eex:4"));
    assertThat(open.unknowns()).allSatisfy(g -> assertThat(g.settle()).contains(Gap.RELEASE_ENV));
    assertThat(open.settled()).isFalse();
    assertThat(open.notes()).anySatisfy(note -> assertThat(note.kind()).isEqualTo(ShellNote.Kind.UNDECIDED));
  }

  @Test
  void envShFromAConfigMapSourcedByTheCommand() throws Exception {
    ReleaseNaming n = read("configmap-env-sh-sourced");
    assertThat(n.kind()).isEqualTo(ReleaseKind.ELIXIR_RELEASE);
    assertThat(n.program()).isEqualTo("/opt/api/bin/api");
    assertThat(n.fullName().orElseThrow().template()).isEqualTo("api@${POD_IP}");
    assertThat(n.nameOrigin()).contains(Origin.file("/etc/cluster/env.sh", 3));
    assertThat(n.cookie().kind()).isEqualTo(CookieSource.Kind.UNKNOWN);
    assertThat(n.cookie().origin()).contains(Origin.file("/etc/cluster/env.sh", 4));
    assertThat(n.cookie().description()).contains("else the releases/COOKIE file");
    assertThat(n.cookie().sha256()).isEmpty();
    assertThat(n.assumptions()).extracting(Gap::what).contains("the release's env.sh");

    ReleaseInputs without = ReleaseFixture.load("configmap-env-sh-sourced").inputs();
    ReleaseNaming missing = ReleaseNamingReader.read(new ReleaseInputs(without.env(), true, without.command(), without.args(),
        without.releaseEnv(), without.vmArgs(), Map.of(), without.releaseName(), without.releaseVersion(), without.kindHint(),
        without.hosts()));
    assertThat(missing.notes()).anySatisfy(note -> {
      assertThat(note.kind()).isEqualTo(ShellNote.Kind.OPAQUE);
      assertThat(note.what()).contains("/etc/cluster/env.sh");
    });
  }

  @Test
  void kubernetesLeavesShellSyntaxLiteral() throws Exception {
    ReleaseNaming n = read("k8s-literal-hostname");
    assertThat(n.fullName().orElseThrow().known()).contains("chat@$(hostname -f)");
    assertThat(n.warnings()).anySatisfy(w -> assertThat(w).contains("env RELEASE_NODE").contains("'$(hostname -f)'")
        .contains("Kubernetes runs no shell"));
    assertThat(NodeName.parse(n.fullName().orElseThrow().known().orElseThrow()).problems(NameMode.LONG))
        .extracting(NodeName.Problem::code).contains("host-illegal");
  }

  @Test
  void twoCookiesMeanTheHomeFile() throws Exception {
    ReleaseNaming n = read("erl-flags-cookie-conflict");
    assertThat(n.distribution()).isEqualTo(Distribution.SHORT);
    assertThat(n.fullName().orElseThrow().known()).contains("billing@billing-5c6d7");
    assertThat(n.flags().cookie().rule()).isEqualTo(EffectiveFlags.CookieRule.HOME_FILE_AFTER_CONFLICT);
    assertThat(n.cookie().kind()).isEqualTo(CookieSource.Kind.HOME_FILE);
    assertThat(n.cookie().description()).contains("given 2 times");
    assertThat(n.warnings()).anySatisfy(w -> assertThat(w).contains("-setcookie is given 2 times").contains("env ERL_FLAGS"));
    assertThat(n.toString()).doesNotContain("billing-cookie-in");
    assertThat(n.flags().flags().toString()).doesNotContain("billing-cookie-in");
  }

  @Test
  void relxVmArgsSrc() throws Exception {
    ReleaseNaming n = read("relx-vm-args-src");
    assertThat(n.kind()).isEqualTo(ReleaseKind.RELX_RELEASE);
    assertThat(n.fullName().orElseThrow().template()).isEqualTo("k8s_erlang_cluster@${NODE_HOST}");
    assertThat(n.nameOrigin()).contains(Origin.file("config/vm.args.src", 2));
    assertThat(n.cookie().kind()).isEqualTo(CookieSource.Kind.ENV_VAR);
    assertThat(n.cookie().variables()).containsExactly("COOKIE");
    assertThat(n.flags().erlEpmdPort().orElseThrow().value().known()).contains("39135");
    assertThat(n.flags().startEpmd().orElseThrow().value().known()).contains("false");
    assertThat(n.problems()).isEmpty();

    String text = ReleaseFixture.load("relx-vm-args-src").read("config/vm.args.src");
    Map<String, String> env = Map.of("NODE_HOST", "10.4.2.2", "COOKIE", "c");
    ReleaseNaming known = ReleaseNamingReader.read(ReleaseInputs.builder().envComplete(true)
        .env(EnvEntry.value("NODE_HOST", "10.4.2.2", Origin.file("d.yaml", 1))).env(EnvEntry.value("COOKIE", "c", Origin.file("d.yaml", 2)))
        .command(List.of("bin/k8s_erlang_cluster", "foreground")).vmArgs("config/vm.args.src", text).build());
    assertThat(known.fullName().orElseThrow().known())
        .contains(dev.clusterctl.erlang.VmArgs.parse(dev.clusterctl.erlang.RelxTemplate.render(text, env).text(), "vm.args").render(env).nodeName());
    assertThat(known.cookie().sha256()).contains(dev.clusterctl.erlang.CookieHash.of("c"));
  }

  @Test
  void relxRefusesTwoNameLines() throws Exception {
    ReleaseNaming n = read("relx-two-name-lines");
    assertThat(n.problems()).singleElement().asString().contains("2 '-name'/'-sname' lines");
    assertThat(n.warnings()).anySatisfy(w -> assertThat(w).contains("RELX_COOKIE"));
    assertThat(n.cookie().kind()).isEqualTo(CookieSource.Kind.VM_ARGS);
    assertThat(n.cookie().origin()).contains(Origin.file("vm.args", 5));
    assertThat(n.distribution()).isEqualTo(Distribution.SHORT);
  }

  @Test
  void entrypointWritesTheCookieFile() throws Exception {
    ReleaseNaming n = read("entrypoint-writes-cookie");
    assertThat(n.kind()).isEqualTo(ReleaseKind.ERL);
    assertThat(n.fullName().orElseThrow().known()).contains("worker@10.4.5.6");
    assertThat(n.cookie().kind()).isEqualTo(CookieSource.Kind.HOME_FILE_WRITTEN);
    assertThat(n.cookie().variables()).containsExactly("ERLANG_COOKIE");
    assertThat(n.notes()).anySatisfy(note -> assertThat(note.what()).contains("'chmod'"));
  }

  @Test
  void erlAflagsNameWinsOverTheReleaseScript() throws Exception {
    ReleaseNaming n = read("aflags-name-override");
    assertThat(n.fullName().orElseThrow().template()).isEqualTo("report@${POD_IP}");
    assertThat(n.nameOrigin()).contains(Origin.env("ERL_AFLAGS"));
    assertThat(n.flags().shadowedNames()).singleElement().satisfies(f -> assertThat(f.arg().template()).isEqualTo("reports@${POD_IP}"));
    assertThat(n.warnings()).anySatisfy(w -> assertThat(w).contains("the VM uses the first -name"));
  }

  @Test
  void withoutReleaseFilesEverythingLeftOpenIsNamed() {
    ReleaseNaming n = ReleaseNamingReader.read(ReleaseInputs.builder()
        .env(EnvEntry.runtime("POD_IP", "status.podIP", Origin.file("d.yaml", 3)))
        .command(List.of("/app/bin/shop", "start")).build());
    assertThat(n.kind()).isEqualTo(ReleaseKind.RELEASE);
    assertThat(n.unknowns()).singleElement().satisfies(g -> assertThat(g.settle()).contains(Gap.RELEASE_DIR));

    ReleaseNaming elixir = ReleaseNamingReader.read(ReleaseInputs.builder().kind(ReleaseKind.ELIXIR_RELEASE)
        .command(List.of("/app/bin/shop", "start")).build());
    assertThat(elixir.distribution()).isEqualTo(Distribution.UNKNOWN);
    assertThat(elixir.unknowns()).anySatisfy(g -> {
      assertThat(g.what()).isEqualTo("RELEASE_DISTRIBUTION");
      assertThat(g.why()).contains("the image may set it").contains("'sname'");
      assertThat(g.settle()).containsExactly(Gap.RELEASE_ENV, Gap.RELEASE_DIR);
    });
    assertThat(elixir.assumptions()).extracting(Gap::what).contains("the release's env.sh", "the release's vm.args");

    ReleaseNaming none = ReleaseNamingReader.read(ReleaseInputs.builder().build());
    assertThat(none.kind()).isEqualTo(ReleaseKind.UNKNOWN);
    assertThat(none.unknowns()).singleElement().satisfies(g -> assertThat(g.why()).contains("the image's own"));

    ReleaseNaming eval = ReleaseNamingReader.read(ReleaseInputs.builder().command(List.of("bin/shop", "eval", "Shop.migrate()")).build());
    assertThat(eval.kind()).isEqualTo(ReleaseKind.NOT_A_NODE);
  }

  @Test
  void badInputNeverThrows() {
    ReleaseNaming n = ReleaseNamingReader.read(ReleaseInputs.builder().kind(ReleaseKind.ELIXIR_RELEASE).envComplete(true)
        .command(List.of("/app/bin/x", "start")).releaseEnv("rel/env.sh.eex", "if [ \"$A\" = 1 ]; then\nexport RELEASE_NODE=\"x\n")
        .vmArgs("vm.args", "\u0000binary -name").build());
    assertThat(n.problems()).anySatisfy(p -> assertThat(p).contains("rel/env.sh.eex"));
    assertThat(n.notes()).anySatisfy(note -> assertThat(note.kind()).isEqualTo(ShellNote.Kind.SYNTAX_ERROR));
  }
}
