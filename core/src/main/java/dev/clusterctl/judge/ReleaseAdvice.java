package dev.clusterctl.judge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.fix.Change;
import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.Member;
import dev.clusterctl.model.NamingSite;
import dev.clusterctl.model.NodeNaming;
import dev.clusterctl.model.WorkloadInfo;
import java.util.ArrayList;
import java.util.List;
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
    Optional<WorkloadInfo> w = ctx.workload();
    if (w.isEmpty() && (s.kind() == NamingSite.Kind.FLAGS_VARIABLE || s.kind() == NamingSite.Kind.RELEASE_ENV || s.kind() == NamingSite.Kind.COMMAND)) {
      return Remediation.text(text + " (" + s.where() + ": " + base + "@$(" + v + "), with " + v + " from fieldRef status.podIP defined before it)");
    }
    return switch (s.kind()) {
      case ENV_SH -> Remediation.of(text, "shell", "# " + s.where() + "\nexport RELEASE_DISTRIBUTION=name\nexport RELEASE_NODE=" + base + "@${" + v + "}\n" + podIp);
      case VM_ARGS -> Remediation.of(text, "vm.args", "# " + srcName(s.where()) + "\n-name " + base + "@${" + v + "}\n" + podIp + renderNote(s.where(), v));
      case FLAGS_VARIABLE -> Remediation.of(text, "yaml", envPatch(w.get(), v, existing.isEmpty(),
          List.of(env(s.where(), flagsValue(w.get(), s.where(), "-name " + base + "@$(" + v + ")")))));
      case RELEASE_ENV -> Remediation.of(text, "yaml", envPatch(w.get(), v, existing.isEmpty(),
          List.of(env("RELEASE_DISTRIBUTION", "name"), env("RELEASE_NODE", base + "@$(" + v + ")"))));
      case COMMAND -> Remediation.of(text, "yaml", argsPatch(w.get(), "-name", base + "@$(" + v + ")", existing.isEmpty()));
    };
  }

  /** An env entry {@code name=value}. */
  private static ObjectNode env(String name, String value) {
    return Snippet.object().put("name", name).put("value", value);
  }

  /** {@code var}'s value in the release container of {@code w} with its {@code -name}/{@code -sname} replaced by {@code flag} (or the flag alone). */
  private static String flagsValue(WorkloadInfo w, String var, String flag) {
    String value = Proposals.release(w).env(var).map(e -> e.value()).orElse(null);
    if (value == null || !value.matches("(?s).*-s?name\\s+\\S+.*")) {
      return value == null || value.isBlank() ? flag : value + " " + flag;
    }
    return value.replaceAll("-s?name\\s+\\S+", java.util.regex.Matcher.quoteReplacement(flag));
  }

  /**
   * A patch of the release container's env with {@code entries}. The variable {@code podIp} (when
   * not null) holds the pod IP the entries reference; with {@code addPodIp} it is added (from
   * {@code fieldRef status.podIP}). Either way it is ordered first ({@code $setElementOrder}), since
   * Kubernetes expands {@code $(VAR)} only from a variable defined earlier in the list.
   */
  private static String envPatch(WorkloadInfo w, String podIp, boolean addPodIp, List<ObjectNode> entries) {
    ObjectNode patch = Snippet.patch(Proposals.key(w));
    String container = Proposals.containerPath(w);
    if (addPodIp) {
      ObjectNode ip = Snippet.object().put("name", podIp);
      ip.putObject("valueFrom").putObject("fieldRef").put("fieldPath", "status.podIP");
      Snippet.set(patch, container + ".env[name=" + podIp + "]", ip);
    }
    for (ObjectNode e : entries) {
      Snippet.set(patch, container + ".env[name=" + e.get("name").asText() + "]", e);
    }
    if (podIp == null) {
      return Snippet.yaml(patch);
    }
    List<String> names = new ArrayList<>(List.of(podIp));
    Proposals.release(w).env().forEach(e -> {
      if (!names.contains(e.name())) {
        names.add(e.name());
      }
    });
    entries.forEach(e -> {
      if (!names.contains(e.get("name").asText())) {
        names.add(e.get("name").asText());
      }
    });
    ArrayNode order = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    names.forEach(n -> order.addObject().put("name", n));
    Snippet.set(patch, container + ".$setElementOrder/env", order);
    String why = addPodIp ? "" : "# " + podIp + " already holds the pod IP (fieldRef status.podIP); the order puts it first, as $(" + podIp + ") needs\n";
    return why + Snippet.yaml(patch);
  }

  /** A patch of the release container's args with {@code flag value} set (replacing the container's own name flag), and a POD_IP entry when asked. */
  private static String argsPatch(WorkloadInfo w, String flag, String value, boolean addPodIp) {
    List<String> args = new ArrayList<>(Proposals.release(w).args());
    int at = -1;
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals("-name") || args.get(i).equals("-sname")) {
        at = i;
      }
    }
    if (at >= 0) {
      args.set(at, flag);
      args.set(at + 1, value);
    } else {
      args.add(flag);
      args.add(value);
    }
    ObjectNode patch = Snippet.patch(Proposals.key(w));
    ArrayNode list = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    args.forEach(list::add);
    Snippet.set(patch, Proposals.containerPath(w) + ".args", list);
    if (addPodIp) {
      ObjectNode ip = Snippet.object().put("name", "POD_IP");
      ip.putObject("valueFrom").putObject("fieldRef").put("fieldPath", "status.podIP");
      Snippet.set(patch, Proposals.containerPath(w) + ".env[name=POD_IP]", ip);
    }
    return Snippet.yaml(patch);
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
      case FLAGS_VARIABLE -> ctx.workload().map(w -> Remediation.of(text, "yaml", envPatch(w, null, false, List.of(env(s.where(), flagsValue(w, s.where(), "-name " + base))))))
          .orElse(Remediation.text(text + " (" + s.where() + ": -name " + base + ", without @host)"));
      case COMMAND -> ctx.workload().map(w -> Remediation.of(text, "yaml", argsPatch(w, "-name", base, false)))
          .orElse(Remediation.text(text + " (the container's args: -name " + base + ", without @host)"));
    };
  }

  /** The vm.args a fix goes into: relx renders ${VAR} only in vm.args.src (a plain vm.args needs RELX_REPLACE_OS_VARS). */
  private static String srcName(String file) {
    return file.endsWith(".src") || file.endsWith(".eex") ? file : file + ".src";
  }

  private static String renderNote(String file, String var) {
    return file.endsWith(".src") || file.endsWith(".eex") ? "" : "# (relx replaces ${" + var + "} in vm.args.src; in a plain vm.args only with RELX_REPLACE_OS_VARS=true)\n";
  }

  /** Proposals: long names, the host part left to the VM ({@code hostname -f}) or kept as it is. */
  static List<Proposal> longNames(DoctorContext ctx, String base) {
    NamingSite s = site(ctx);
    List<WorkloadInfo> ws = ctx.model().members().stream().map(Member::workload).toList();
    switch (s.kind()) {
      case VM_ARGS:
        if (s.line() > 0) {
          return List.of(Proposal.of("use long names (-name) in " + s.where(), new Change.FileLine(s.where(), s.line(), "", "-name " + base)));
        }
        return List.of();
      case RELEASE_ENV:
        return List.of(new Proposal("use long names (RELEASE_DISTRIBUTION=name)", ws.stream().map(w -> (Change) Proposals.envValue(w, "RELEASE_DISTRIBUTION", "name")).toList(),
            List.of()));
      case FLAGS_VARIABLE:
        return flagsName(ctx, s.where(), ws, "-name " + base, "use long names (-name) in " + s.where());
      case ENV_SH:
        return ctx.model().release().naming().flatMap(NodeNaming::distributionSite)
            .map(d -> List.of(Proposal.of("use long names (RELEASE_DISTRIBUTION=name) in " + d.where(),
                new Change.FileLine(d.where(), d.line(), "", "export RELEASE_DISTRIBUTION=name"))))
            .orElse(List.of());
      default:
        return List.of();
    }
  }

  /**
   * Proposals for a vm.args that lacks the name line its start script requires: the line inserted
   * at {@code missing}, naming the node as the flags the VM would otherwise get do (when they name it),
   * or after its pod IP ({@code ${VAR}}, which relx renders in vm.args.src from the container's env).
   */
  static List<Proposal> nameLine(DoctorContext ctx, NamingSite missing, String base) {
    List<String> lines = new ArrayList<>();
    ctx.model().release().naming().filter(n -> n.mode().isPresent() && n.describe().matches("-s?name \\S+")).ifPresent(n -> lines.add(n.describe()));
    Optional<String> ip = podIpVariable(ctx);
    if (ip.isPresent() && srcName(missing.where()).equals(missing.where())) {
      String line = "-name " + base + "@${" + ip.get() + "}";
      if (!lines.contains(line)) {
        lines.add(line);
      }
    }
    return lines.stream().map(l -> Proposal.of("give " + missing.where() + " the name line its start script requires: " + l,
        new Change.FileLine(missing.where(), missing.line(), null, l))).toList();
  }

  /** Proposals: long names with the pod IP as host. */
  static List<Proposal> nameByPodIpProposals(DoctorContext ctx, String base) {
    NamingSite s = site(ctx);
    Optional<String> existing = podIpVariable(ctx);
    List<WorkloadInfo> ws = ctx.model().members().stream().map(Member::workload).toList();
    String v = existing.orElse("POD_IP");
    List<Change> podIp = existing.isPresent() ? List.of() : ws.stream().map(w -> (Change) Proposals.envFieldRef(w, "POD_IP", "status.podIP")).toList();
    List<Change> changes = new ArrayList<>();
    switch (s.kind()) {
      case VM_ARGS:
        if (s.line() == 0) {
          return List.of();
        }
        changes.add(new Change.FileLine(s.where(), s.line(), "", "-name " + base + "@${" + v + "}"));
        break;
      case ENV_SH:
        if (s.line() == 0) {
          return List.of();
        }
        changes.add(new Change.FileLine(s.where(), s.line(), "", "export RELEASE_NODE=" + base + "@${" + v + "}"));
        if (ctx.model().release().naming().flatMap(NodeNaming::mode).filter(m -> m == dev.clusterctl.erlang.NameMode.LONG).isEmpty()) {
          return List.of();
        }
        break;
      case RELEASE_ENV:
        for (WorkloadInfo w : ws) {
          String node = base + "@$(" + v + ")";
          List<Change> own = new ArrayList<>();
          if (!Proposals.release(w).env("RELEASE_NODE").map(e -> node.equals(e.value()) && e.from() == null).orElse(false)) {
            own.add(Proposals.envValue(w, "RELEASE_NODE", node));
          }
          if (!Proposals.release(w).env("RELEASE_DISTRIBUTION").map(e -> "name".equals(e.value())).orElse(false)) {
            own.add(Proposals.envValue(w, "RELEASE_DISTRIBUTION", "name"));
          }
          changes.addAll(existing.isPresent() ? own : podIpAbove(w, "RELEASE_NODE", own));
        }
        return changes.isEmpty() ? List.of() : List.of(new Proposal("name the node after its pod IP in " + s.where(), changes, List.of()));
      case FLAGS_VARIABLE:
        List<Proposal> flags = flagsName(ctx, s.where(), ws, "-name " + base + "@$(" + v + ")", "name the node after its pod IP in " + s.where());
        if (existing.isPresent() || flags.isEmpty()) {
          return flags;
        }
        for (WorkloadInfo w : ws) {
          changes.addAll(podIpAbove(w, s.where(), flags.get(0).changes().stream()
              .filter(c -> c instanceof Change.ObjectField f && f.object().equals(Proposals.key(w))).toList()));
        }
        return List.of(flags.get(0).withChanges(changes));
      default:
        return List.of();
    }
    changes.addAll(podIp);
    return List.of(new Proposal("name the node after its pod IP in " + s.where(), changes, List.of()));
  }

  /**
   * {@code changes} of workload {@code w} with a {@code POD_IP} entry (fieldRef status.podIP) above
   * {@code user}, the entry that references {@code $(POD_IP)}: Kubernetes expands it only from an
   * entry defined earlier. The entry goes last when {@code user} exists (its add shifts the entries
   * below it, so it follows the changes that find them by position), first when {@code user} is
   * itself added (then both are appended, in order).
   */
  private static List<Change> podIpAbove(WorkloadInfo w, String user, List<Change> changes) {
    Change.ObjectField ip = Proposals.envFieldRef(w, "POD_IP", "status.podIP");
    List<Change> out = new ArrayList<>();
    if (Proposals.release(w).env(user).isPresent()) {
      out.addAll(changes);
      out.add(new Change.ObjectField(ip.object(), ip.path().before(user), ip.after()));
    } else {
      out.add(ip);
      out.addAll(changes);
    }
    return out;
  }

  /** {@code var}'s value in each workload with its {@code -name}/{@code -sname} replaced by {@code flag}. */
  private static List<Proposal> flagsName(DoctorContext ctx, String var, List<WorkloadInfo> ws, String flag, String summary) {
    List<Change> changes = new ArrayList<>();
    for (WorkloadInfo w : ws) {
      Optional<String> value = Proposals.release(w).env(var).map(e -> e.value()).filter(x -> x != null);
      if (value.isEmpty()) {
        return List.of();
      }
      changes.add(Proposals.envValue(w, var, value.get().replaceAll("-s?name\\s+\\S+", java.util.regex.Matcher.quoteReplacement(flag))));
    }
    return List.of(new Proposal(summary, changes, List.of()));
  }
}
