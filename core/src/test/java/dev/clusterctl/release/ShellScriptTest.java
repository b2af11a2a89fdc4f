package dev.clusterctl.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.release.ShellVars.Binding;
import dev.clusterctl.release.TextValue.HoleKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellScriptTest {

  private static final HostNames HOSTS = new HostNames("app-0", "app-0.app.prod.svc.cluster.local", "10.1.2.3");

  private static ShellRun run(String script, Environment env) {
    return ShellScript.run(script, "env.sh", ShellVars.of(env), ShellContext.of(HOSTS));
  }

  private static String known(ShellRun run, String name) {
    Binding b = run.vars().get(name);
    return b == null ? null : b.value().known().orElse("<" + b.value().template() + ">");
  }

  @Test
  void assignmentsQuotesAndDefaults() {
    ShellRun r = run("""
        #!/bin/sh
        export RELEASE_DISTRIBUTION=name
        export RELEASE_NODE="<%= @release.name %>@${POD_IP}"
        A='single $POD_IP' B="dq ${MISSING:-fallback}" C=${POD_IP:+set}
        : ${D:=assigned}
        E=`hostname -f` F="$(hostname -i)" G=$(hostname)
        H=${E%%.*} I=${E#*.}
        """, Environment.complete(Map.of("POD_IP", "10.9.8.7")));
    assertThat(known(r, "RELEASE_DISTRIBUTION")).isEqualTo("name");
    assertThat(known(r, "RELEASE_NODE")).isEqualTo("<%= @release.name %>@10.9.8.7");
    assertThat(known(r, "A")).isEqualTo("single $POD_IP");
    assertThat(known(r, "B")).isEqualTo("dq fallback");
    assertThat(known(r, "C")).isEqualTo("set");
    assertThat(known(r, "D")).isEqualTo("assigned");
    assertThat(known(r, "E")).isEqualTo("app-0.app.prod.svc.cluster.local");
    assertThat(known(r, "F")).isEqualTo("10.1.2.3");
    assertThat(known(r, "G")).isEqualTo("app-0");
    assertThat(known(r, "H")).isEqualTo("app-0");
    assertThat(known(r, "I")).isEqualTo("app.prod.svc.cluster.local");
    assertThat(r.vars().get("RELEASE_NODE").exported()).isTrue();
    assertThat(r.vars().get("A").exported()).isFalse();
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void decidedAndUndecidedConditions() {
    String script = """
        if [ -n "$POD_IP" ]; then
          export RELEASE_NODE=app@$POD_IP
        else
          export RELEASE_NODE=app@localhost
        fi
        [ -z "$COOKIE_FROM" ] && X=default
        case $RELEASE_COMMAND in
          start*|daemon*) MODE=server ;;
          *) MODE=other ;;
        esac
        """;
    ShellRun decided = run(script, Environment.complete(Map.of("POD_IP", "10.0.0.1", "RELEASE_COMMAND", "start")));
    assertThat(known(decided, "RELEASE_NODE")).isEqualTo("app@10.0.0.1");
    assertThat(known(decided, "X")).isEqualTo("default");
    assertThat(known(decided, "MODE")).isEqualTo("server");
    assertThat(decided.notes()).isEmpty();

    ShellRun open = run(script, Environment.unknown());
    assertThat(open.vars().get("RELEASE_NODE").value().hasUnknown()).isTrue();
    assertThat(open.vars().get("RELEASE_NODE").value().holes().get(0).reason()).contains("'if' at env.sh:1");
    assertThat(open.vars().get("MODE").value().hasUnknown()).isTrue();
    assertThat(open.notes()).extracting(ShellNote::kind).contains(ShellNote.Kind.UNDECIDED);
    assertThat(open.notes()).extracting(ShellNote::line).contains(1, 7);
  }

  @Test
  void sameValueOnBothBranchesStaysKnown() {
    ShellRun r = run("""
        if [ -f /etc/secret ]; then
          echo found
          export RELEASE_DISTRIBUTION=name
        else
          export RELEASE_DISTRIBUTION=name
        fi
        """, Environment.unknown());
    assertThat(known(r, "RELEASE_DISTRIBUTION")).isEqualTo("name");
  }

  @Test
  void runtimeValuesAreHolesNotUnknowns() {
    ShellRun r = ShellScript.run("export RELEASE_NODE=\"app@${POD_IP}\"\nexport H=\"$(hostname -f)\"\n", "env.sh",
        ShellVars.of(Environment.complete(Map.of()).withRuntime("POD_IP", "status.podIP", Origin.env("POD_IP"))),
        ShellContext.of(HostNames.unknown()));
    TextValue node = r.vars().get("RELEASE_NODE").value();
    assertThat(node.template()).isEqualTo("app@${POD_IP}");
    assertThat(node.holes()).singleElement().extracting(TextValue.Hole::kind).isEqualTo(HoleKind.RUNTIME);
    assertThat(r.vars().get("H").value().template()).isEqualTo("$(hostname -f)");
    assertThat(r.vars().get("H").value().hasUnknown()).isFalse();
  }

  @Test
  void notEvaluatedCommandsAreNotedWithTheirLines() {
    ShellRun r = run("""
        set -e
        ip=$(grep fly-local-6pn /etc/hosts | cut -f 1)
        cat /etc/motd
        sed -i "s/^-name .*/-name app@$POD_IP/" releases/1.0/vm.args
        for f in a b; do LAST=$f; done
        echo "$RELEASE_COOKIE" > ~/.erlang.cookie
        exec /app/bin/app start
        echo never
        """, Environment.complete(Map.of("POD_IP", "10.0.0.2")));
    assertThat(r.vars().get("ip").value().hasUnknown()).isTrue();
    assertThat(r.notes()).extracting(ShellNote::line).containsExactly(3, 4, 5);
    assertThat(r.notes().get(1).kind()).isEqualTo(ShellNote.Kind.FILE_CHANGE);
    assertThat(r.vars().get("LAST").value().hasUnknown()).isTrue();
    assertThat(r.cookieWrites()).singleElement().satisfies(w -> {
      assertThat(w.line()).isEqualTo(6);
      assertThat(w.fromVariables()).containsExactly("RELEASE_COOKIE");
    });
    assertThat(r.exec()).hasValueSatisfying(e -> {
      assertThat(e.line()).isEqualTo(7);
      assertThat(e.words()).extracting(TextValue::template).containsExactly("/app/bin/app", "start");
    });
  }

  @Test
  void sourcedFilesAreFollowedWhenGiven() {
    ShellRun r = ShellScript.run(". /etc/app/cluster.env && exec bin/app start\n", "command", ShellVars.of(Environment.complete(Map.of())),
        ShellContext.of(HOSTS, Map.of("/etc/app/cluster.env", "export RELEASE_NODE=app@$(hostname -f)\n")));
    assertThat(r.exec().orElseThrow().vars().get("RELEASE_NODE").value().known()).contains("app@app-0.app.prod.svc.cluster.local");
    assertThat(r.exec().orElseThrow().vars().get("RELEASE_NODE").value().origins())
        .containsExactly(Origin.file("/etc/app/cluster.env", 1), Origin.host("hostname -f"));

    ShellRun missing = ShellScript.run(". /etc/app/other.env\n", "command", ShellVars.of(Environment.complete(Map.of())), ShellContext.of(HOSTS));
    assertThat(missing.opaque()).singleElement().extracting(ShellNote::line).isEqualTo(1);
  }

  @Test
  void syntaxErrorsAreOneNoteNeverAnException() {
    ShellRun r = run("if [ -n \"$X\" ]; then\n  export A=1\n", Environment.unknown());
    assertThat(r.stopped()).isTrue();
    assertThat(r.notes()).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(ShellNote.Kind.SYNTAX_ERROR);
      assertThat(n.what()).contains("'if' is not closed by 'fi'");
    });
    assertThat(run("X=\"unclosed\n", Environment.unknown()).notes().get(0).what()).contains("double quote is not closed");
    assertThat(run("echo ${X\n", Environment.unknown()).notes().get(0).kind()).isEqualTo(ShellNote.Kind.SYNTAX_ERROR);
  }
}
