package dev.clusterctl.judge;

import dev.clusterctl.model.NamingSite;
import dev.clusterctl.model.NodeNaming;
import java.util.Optional;

/**
 * Naming fixes written for the place the team sets the name: {@code rel/env.sh.eex} for an Elixir
 * release, {@code vm.args.src} for relx, the container's {@code ERL_FLAGS} or {@code RELEASE_NODE}
 * where the image is run that way.
 */
final class ReleaseAdvice {

  private ReleaseAdvice() {}

  /** Where the model's release sets its name; an Elixir release's env.sh, or vm.args.src, when not known. */
  static NamingSite site(DoctorContext ctx) {
    Optional<NamingSite> site = ctx.model().release().naming().flatMap(NodeNaming::site);
    if (site.isPresent()) {
      return site.get();
    }
    return ctx.model().release().elixir() ? new NamingSite(NamingSite.Kind.ENV_SH, "rel/env.sh.eex") : new NamingSite(NamingSite.Kind.VM_ARGS, "vm.args.src");
  }

  /** Long names with the pod IP as host ({@code base@<pod IP>}). */
  static Remediation nameByPodIp(DoctorContext ctx, String text, String base) {
    NamingSite s = site(ctx);
    Optional<String> existing = podIpVariable(ctx);
    String v = existing.orElse("POD_IP");
    String podIp = existing.isPresent() ? "# " + v + ": the pod IP (fieldRef status.podIP), already in the container env\n" : "# container env\nenv:\n- name: POD_IP\n  valueFrom:\n    fieldRef:\n      fieldPath: status.podIP\n";
    return switch (s.kind()) {
      case ENV_SH -> Remediation.of(text, "shell", "# " + s.where() + "\nexport RELEASE_DISTRIBUTION=name\nexport RELEASE_NODE=" + base + "@${" + v + "}\n" + podIp);
      case VM_ARGS -> Remediation.of(text, "vm.args", "# " + srcName(s.where()) + "\n-name " + base + "@${" + v + "}\n" + podIp + renderNote(s.where(), v));
      case FLAGS_VARIABLE -> Remediation.of(text, "yaml", podIp + "# container env, after " + v + "\n- name: " + s.where() + "\n  value: \"-name " + base + "@$(" + v + ")\"\n");
      case RELEASE_ENV -> Remediation.of(text, "yaml", Snippets.elixirNameByPodIp(base));
      case COMMAND -> Remediation.of(text, "yaml", podIp + "# container " + s.where() + ": pass the name with the pod IP (Kubernetes expands $(" + v + "))\n"
          + "args: [\"-name\", \"" + base + "@$(" + v + ")\"]\n");
    };
  }

  /** The release container's variable that already holds the pod IP ({@code fieldRef status.podIP}), if any. */
  private static Optional<String> podIpVariable(DoctorContext ctx) {
    return ctx.workload().map(w -> w.template().release()).stream().flatMap(c -> c.env().stream())
        .filter(e -> "status.podIP".equals(e.fieldPath())).map(e -> e.name()).findFirst();
  }

  /** Long names with {@code hostname -f} as host: the FQDN a subdomain under the headless Service gives. */
  static Remediation longNamesByFqdn(DoctorContext ctx, String text, String base) {
    NamingSite s = site(ctx);
    return switch (s.kind()) {
      case ENV_SH, RELEASE_ENV -> Remediation.of(text, "shell", "# " + (s.kind() == NamingSite.Kind.ENV_SH ? s.where() : "rel/env.sh.eex")
          + "\nexport RELEASE_DISTRIBUTION=name\nexport RELEASE_NODE=" + base + "@$(hostname -f)\n");
      case VM_ARGS -> Remediation.of(text, "vm.args", "# " + s.where() + "\n-name " + base + "\n");
      case FLAGS_VARIABLE -> Remediation.of(text, "yaml", "# container env: a name without @host takes hostname -f's FQDN\n- name: " + s.where()
          + "\n  value: \"-name " + base + "\"\n");
      case COMMAND -> Remediation.of(text, "yaml", "# container " + s.where() + ": a name without @host takes hostname -f's FQDN\nargs: [\"-name\", \"" + base + "\"]\n");
    };
  }

  /** The vm.args a fix goes into: relx renders ${VAR} only in vm.args.src (a plain vm.args needs RELX_REPLACE_OS_VARS). */
  private static String srcName(String file) {
    return file.endsWith(".src") || file.endsWith(".eex") ? file : file + ".src";
  }

  private static String renderNote(String file, String var) {
    return file.endsWith(".src") || file.endsWith(".eex") ? "" : "# (relx replaces ${" + var + "} in vm.args.src; in a plain vm.args only with RELX_REPLACE_OS_VARS=true)\n";
  }
}
