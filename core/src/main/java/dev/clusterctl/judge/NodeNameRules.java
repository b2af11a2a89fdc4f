package dev.clusterctl.judge;

import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.erlang.NameMode;
import dev.clusterctl.erlang.NodeName;
import dev.clusterctl.expect.PeerRow;
import dev.clusterctl.fix.Change;
import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.model.NamingSite;
import dev.clusterctl.model.NodeNaming;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every node name, own and derived, is legal for the name mode, and the basename is consistent. */
public final class NodeNameRules extends BaseCheck {

  /** The check. */
  public NodeNameRules() {
    super(
        "node-name",
        Area.NODE_NAMES,
        "Node names are legal for -name/-sname and share one basename",
        "Long names (`-name`) need a host with a dot or an IP address (`localhost` and bare host names are "
            + "illegal); short names (`-sname`) refuse any dot, so an IP address or an FQDN cannot be a short "
            + "name's host. Judged for the name each pod gives itself (vm.args with `${VAR}` from the container's "
            + "environment, or `RELEASE_DISTRIBUTION`/`RELEASE_NODE`) and for the names peers derive from DNS. "
            + "Every `${VAR}` must be set, every pod must get a different name, and the basename a library "
            + "is configured with (`--basename`: libcluster's `application_name`) must be the nodes' own. "
            + "Names with IPv6 addresses need distribution over IPv6 (`-proto_dist inet6_tcp`).");
  }

  /** A command substitution, {@code $(hostname -f)} or {@code `hostname -i`}, left as text by Kubernetes. */
  private static final Pattern COMMAND = Pattern.compile("\\$\\([^)]*\\s[^)]*\\)|`[^`]*`|\\$\\((?:hostname|cat|echo)[^)]*\\)");

  /** A {@code $(VAR)} reference Kubernetes left as text: the variable is defined later in the container's env, or not at all. */
  private static final Pattern KUBE_VAR = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  @Override
  public Set<Assumption.Topic> restsOn() {
    return Set.of(Assumption.Topic.NODE_NAME);
  }

  /** A start script that stops (an env.sh that does not parse) fails whatever the image sets after it: that failure rests on nothing unsettled. */
  @Override
  public Set<Assumption.Topic> restsOn(CheckResult failure, DoctorContext ctx) {
    boolean stops = ctx.model().release().naming().map(n -> !n.problems().isEmpty()).orElse(false);
    return stops ? Set.of() : restsOn();
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.model().release().naming().isEmpty()) {
      return warn("release", "node naming unknown: the inputs set no -name/-sname (vm.args, ERL_FLAGS) and no RELEASE_NODE/RELEASE_DISTRIBUTION; "
          + "give --vm-args FILE, --release-env FILE or --release-dir DIR").build();
    }
    NodeNaming naming = ctx.model().release().naming().get();
    String subject = "release " + naming.origin();
    if (!naming.problems().isEmpty()) {
      // the start scripts stop before the VM runs: whatever name they would have given, no node starts
      return fail(subject, "the node does not start as configured: " + naming.problems().get(0))
          .evidence("naming", naming.describe())
          .evidence("also", naming.problems().size() > 1 ? String.join("; ", naming.problems().subList(1, naming.problems().size())) : null)
          .fix(Remediation.text("Make the start script run to the end: " + String.join("; ", naming.problems())))
          .build();
    }
    if (naming.mode().isEmpty()) {
      return fail(subject, "distribution is off (" + naming.describe() + "): the node cannot join any cluster")
          .fix(ctx.workload().map(w -> Remediation.of("Turn distribution on with long names.", "yaml", Snippet.envValue(w, "RELEASE_DISTRIBUTION", "name")))
              .orElse(Remediation.text("Turn distribution on with long names (RELEASE_DISTRIBUTION=name).")))
          .build();
    }
    NameMode mode = naming.mode().get();
    List<PeerRow> rows = ctx.sim().rows();
    if (rows.isEmpty()) {
      return skip(subject, "no workload: no pod to name");
    }
    PeerRow first = rows.get(0);
    if (!first.self().unresolved().isEmpty()) {
      String vars = String.join(", ", first.self().unresolved());
      return fail(subject, naming.describe() + " uses " + vars + " but the container does not set it")
          .evidence("rendered", first.self().name())
          .fix(ctx.workload().map(w -> Remediation.of("Set the variable in the release container's env.", "yaml",
              Snippet.envFieldRef(w, first.self().unresolved().get(0), "status.podIP"))).orElse(Remediation.text("Set the variable in the release container's env.")))
          .build();
    }
    Matcher command = COMMAND.matcher(first.self().name());
    if (command.find()) {
      return fail(subject, "pod " + first.pod().name() + " names itself " + first.self().name() + " literally: Kubernetes expands only $(VAR) of a variable "
          + "defined earlier in the container's env, and never runs " + command.group() + "; the text reaches the release as it is")
          .evidence("naming", naming.describe())
          .fix(Remediation.text("Compute the host where a shell runs (rel/env.sh.eex: export RELEASE_NODE=<name>@$(hostname -f)), "
              + "or take it from the pod: an env var with valueFrom fieldRef status.podIP, referenced as $(POD_IP)."))
          .build();
    }
    Matcher literal = KUBE_VAR.matcher(first.self().name());
    if (literal.find()) {
      String var = literal.group(1);
      return fail(subject, "pod " + first.pod().name() + " names itself " + first.self().name() + " literally: Kubernetes expands " + literal.group()
          + " only when " + var + " is defined earlier in the same container's env, and here it is not (it comes later, or not at all)")
          .evidence("naming", naming.describe())
          .fix(Remediation.text("Define " + var + " above the env entry that uses it (Kubernetes reads env in order), or compute the name in env.sh."))
          .build();
    }
    List<NodeName.Problem> own = NodeName.parse(first.self().name()).problems(mode);
    if (!own.isEmpty()) {
      CheckResult.Builder b = fail(subject, "pod " + first.pod().name() + " names itself " + first.self().name() + ": " + own.get(0).message())
          .evidence("name mode", mode.flag())
          .evidence("naming", naming.describe());
      return b.fix(fixFor(mode, ctx)).build();
    }
    for (String derived : ctx.sim().derived()) {
      List<NodeName.Problem> p = NodeName.parse(derived).problems(mode);
      if (!p.isEmpty()) {
        return fail(subject, "peers derive " + derived + " from DNS, illegal with " + mode.flag() + ": " + p.get(0).message())
            .evidence("name mode", mode.flag())
            .fix(fixFor(mode, ctx))
            .build();
      }
    }
    boolean ipv6 = rows.stream().anyMatch(r -> isV6(r.self().name())) || ctx.sim().derived().stream().anyMatch(NodeNameRules::isV6);
    if (ipv6 && !ctx.model().release().protoDist().filter(p -> p.startsWith("inet6")).isPresent()) {
      return fail(subject, "node names use IPv6 addresses but distribution runs over IPv4 (no -proto_dist inet6_tcp)")
          .evidence("-proto_dist", ctx.model().release().protoDist().orElse(null))
          .fix(Remediation.of("Run distribution over IPv6.", "vm.args", "-proto_dist inet6_tcp"))
          .build();
    }
    Set<String> seen = new HashSet<>();
    for (PeerRow r : rows) {
      if (!seen.add(r.self().name()) && rows.size() > 1) {
        return fail(subject, "every pod calls itself " + r.self().name() + ": nodes with one name refuse each other")
            .evidence("naming", naming.describe())
            .fix(ReleaseAdvice.nameByPodIp(ctx, "Put something per pod in the host part, such as the pod IP.", NodeName.parse(r.self().name()).alive()))
            .build();
      }
    }
    if (ctx.dns().isPresent() && ctx.dns().get().strategy() != Strategy.GEN_CLUSTER && ctx.model().release().basename().isPresent()) {
      String base = ctx.model().release().basename().get();
      // every pod, not only the first: the Service may select several workloads, each its own release
      for (PeerRow r : rows) {
        String alive = NodeName.parse(r.self().name()).alive();
        if (!base.equals(alive)) {
          return fail(subject, "peers are looked up as " + base + "@… but pod " + r.pod().name() + " calls itself " + alive + "@…")
              .evidence("--basename", base)
              .evidence("node basename", alive + " (" + naming.origin() + ")")
              .fix(Remediation.text("Make the library's basename (application_name / node_basename) equal the release's node name before '@': " + alive + "."))
              .build();
        }
      }
    }
    return pass(subject, first.self().name() + " is a legal " + (mode == NameMode.LONG ? "long" : "short") + " name" + (ctx.sim().derived().isEmpty() ? "" : ", and so are the names peers derive"))
        .evidence("name mode", mode.flag())
        .build();
  }

  private static boolean isV6(String nodeName) {
    String host = NodeName.parse(nodeName).host();
    return host != null && host.indexOf(':') >= 0 && NodeName.isAddress(host);
  }

  private static Remediation fixFor(NameMode mode, DoctorContext ctx) {
    if (mode == NameMode.SHORT) {
      return ReleaseAdvice.longNamesByFqdn(ctx, "Use long names: hosts with dots (FQDNs, IP addresses) need -name.", alive(ctx));
    }
    return ReleaseAdvice.nameByPodIp(ctx, "Give long names a fully qualified host: a subdomain under the headless service, or the pod IP.", alive(ctx));
  }

  private static String alive(DoctorContext ctx) {
    return ctx.sim().rows().isEmpty() ? "app" : NodeName.parse(ctx.sim().rows().get(0).self().name()).alive();
  }

  @Override
  public List<Proposal> propose(DoctorContext ctx) {
    Optional<NodeNaming> naming = ctx.model().release().naming();
    Optional<NamingSite> missing = naming.flatMap(NodeNaming::missingNameLine);
    if (missing.isPresent()) {
      return ReleaseAdvice.nameLine(ctx, missing.get(), alive(ctx));
    }
    Optional<NameMode> mode = naming.flatMap(NodeNaming::mode);
    if (mode.isEmpty() || ctx.sim().rows().isEmpty()) {
      return List.of();
    }
    String base = alive(ctx);
    List<Proposal> out = new ArrayList<>();
    if (KUBE_VAR.matcher(ctx.sim().rows().get(0).self().name()).find()) {
      // a $(VAR) left as text: first the order the team meant, the variable defined above its use
      List<Change> moves = ctx.model().members().stream().flatMap(m -> Proposals.envDefinedBeforeUse(m.workload()).stream()).toList();
      if (!moves.isEmpty()) {
        out.add(new Proposal("define each variable above the env entry that references it", moves, List.of()));
      }
    }
    if (mode.get() == NameMode.SHORT) {
      out.addAll(ReleaseAdvice.longNames(ctx, base));
    } else {
      out.addAll(ReleaseAdvice.nameByPodIpProposals(ctx, base));
      out.addAll(new PodSubdomain().propose(ctx));
    }
    return out;
  }
}
