package dev.clusterctl.model;

import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.erlang.PortRange;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import dev.clusterctl.release.Distribution;
import dev.clusterctl.release.EnvEntry;
import dev.clusterctl.release.Gap;
import dev.clusterctl.release.NamedText;
import dev.clusterctl.release.Origin;
import dev.clusterctl.release.ReleaseFiles;
import dev.clusterctl.release.ReleaseInputs;
import dev.clusterctl.release.ReleaseKind;
import dev.clusterctl.release.ReleaseNaming;
import dev.clusterctl.release.ReleaseNamingReader;
import dev.clusterctl.release.TextValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/** The release's own settings: how it names its node, where its cookie comes from, its distribution port and protocol. */
final class ReleaseReader {

  private ReleaseReader() {}

  /**
   * Reads the release run by container {@code release} ({@code null} when there is no workload),
   * with the discovery already read and where the project sets the name it asks for.
   */
  static ReleaseInfo read(ModelRequest r, Optional<Strategy> strategy, Optional<Discovery> discovery, Optional<Origin> discoverySetting, ContainerInfo release,
      Notes notes) {
    Optional<NodeNaming> naming = naming(r, release, strategy, notes);
    naming.ifPresent(n -> n.assumptions().forEach(notes::assume));
    boolean elixir = naming.filter(ElixirNaming.class::isInstance).isPresent()
        || strategy.filter(s -> s != Strategy.GEN_CLUSTER).isPresent()
        || (release != null && release.env().stream().anyMatch(e -> e.name().startsWith("RELEASE_")));
    List<CookieSource> cookies = cookies(r.vmArgs(), release, naming, notes);
    OptionalInt distPort = OptionalInt.empty();
    String distOrigin = "";
    if (r.vmArgs().isPresent() && r.vmArgs().get().distPort().isPresent()) {
      distPort = r.vmArgs().get().distPort();
      distOrigin = r.vmArgs().get().source();
    } else if (r.sysConfig().flatMap(SysConfig::distPortRange).filter(PortRange::isSinglePort).isPresent()) {
      distPort = OptionalInt.of(r.sysConfig().get().distPortRange().get().min());
      distOrigin = r.sysConfig().get().source() + " (kernel inet_dist_listen_min)";
    }
    Optional<String> protoDist = r.vmArgs().flatMap(VmArgs::protoDist).or(() -> protoDistFromEnv(release));
    return new ReleaseInfo(naming, discovery, r.basename(), cookies, distPort, distOrigin, elixir, protoDist, discoverySetting);
  }

  /**
   * The naming: what the start scripts make of the container (its command, environment, env.sh,
   * vm.args and flags variables); where they leave the distribution open, vm.args
   * {@code -name}/{@code -sname}, else an Elixir release's {@code RELEASE_*} with its default.
   */
  private static Optional<NodeNaming> naming(ModelRequest r, ContainerInfo release, Optional<Strategy> strategy, Notes notes) {
    if (release != null) {
      ReleaseInputs in = inputs(r, release, strategy);
      ReleaseNaming read = ReleaseNamingReader.read(in);
      if (read.distribution() == Distribution.UNKNOWN && in.kindHint() == ReleaseKind.UNKNOWN) {
        // the image's kind is not known: when an Elixir and a relx release would name the node the
        // same (ERL_FLAGS -name wins in both), that name does not depend on it
        ReleaseInputs elixir = in.withKind(ReleaseKind.ELIXIR_RELEASE);
        ReleaseNaming asElixir = ReleaseNamingReader.read(elixir);
        ReleaseNaming asRelx = ReleaseNamingReader.read(in.withKind(ReleaseKind.RELX_RELEASE));
        boolean sameName = asElixir.distribution() != Distribution.UNKNOWN && asElixir.distribution() == asRelx.distribution()
            && asElixir.fullName().map(TextValue::template).equals(asRelx.fullName().map(TextValue::template));
        if (sameName || fromLateFlags(asElixir)) {
          in = elixir;
          read = withoutGaps(asElixir, Set.of("RELEASE_DISTRIBUTION", "the release name"));
          notes.assume(Assumption.premise(Assumption.Topic.NODE_NAME, "what the image runs", "an Elixir or a relx release",
              "the inputs do not show it, and both would name the node " + read.fullName().map(TextValue::template).orElse("the same"), Gap.RELEASE_DIR));
        }
      }
      read.warnings().forEach(w -> notes.note(release.name() + ": " + w));
      read.notes().forEach(n -> notes.note(release.name() + ": not evaluated: " + n));
      if (read.distribution() != Distribution.UNKNOWN && (read.fullName().isPresent() || read.distribution() == Distribution.NONE)) {
        ScriptNaming naming = new ScriptNaming(in, read);
        boolean nameOpen = read.fullName().filter(n -> n.holes().stream().anyMatch(h -> h.kind() == TextValue.HoleKind.UNKNOWN)).isPresent();
        for (Gap g : read.unknowns()) {
          if (nameOpen || !g.what().equals("the release name")) {
            notes.assume(unknown(g));
          }
        }
        if (assumesReplaceOsVars(in.vmArgs(), release)) {
          notes.assume(new Assumption(Assumption.Topic.NODE_NAME, REPLACE_OS_VARS, "true (set by the image)",
              in.vmArgs().map(NamedText::name).orElse("vm.args") + " uses ${VAR} but is not a vm.args.src, which relx renders only when "
                  + REPLACE_OS_VARS + " is set, and the container does not set it",
              "--release-dir DIR (the image's ENV), or rename the file vm.args.src",
              List.of(new Assumption.Alternative("unset", m -> m.mapReleases(ReleaseReader::withoutReplaceOsVars)))));
        }
        premises(read.assumptions()).forEach(notes::assume);
        return Optional.of(naming);
      }
      List<String> stops = read.problems();
      if (!stops.isEmpty()) {
        // the start scripts stop (an env.sh that does not parse, an exit): no node starts, whatever
        // the scripts would have set after that point, so what they leave open is moot
        return Optional.of(r.vmArgs().filter(v -> v.nameMode().isPresent()).<NodeNaming>map(v -> new VmArgsNaming(v, stops))
            .orElseGet(() -> new ElixirNaming(release.env("RELEASE_DISTRIBUTION").map(EnvVar::value).orElse(null),
                release.env("RELEASE_NODE").isPresent(), r.basename().orElse(null), stops)));
      }
      for (Gap g : read.unknowns()) {
        if (!g.what().equals("RELEASE_DISTRIBUTION") && !g.what().equals("the node name")) {
          notes.assume(unknown(g));
        }
      }
    }
    if (r.vmArgs().isPresent() && r.vmArgs().get().nameMode().isPresent()) {
      return Optional.of(new VmArgsNaming(r.vmArgs().get()));
    }
    boolean releaseVars = release != null && (release.env("RELEASE_NODE").isPresent() || release.env("RELEASE_DISTRIBUTION").isPresent());
    boolean elixirStrategy = strategy.filter(s -> s != Strategy.GEN_CLUSTER).isPresent();
    if (releaseVars || elixirStrategy) {
      String dist = release == null ? null : release.env("RELEASE_DISTRIBUTION").map(EnvVar::value).orElse(null);
      boolean nodeSet = release != null && release.env("RELEASE_NODE").isPresent();
      return Optional.of(new ElixirNaming(dist, nodeSet, r.basename().orElse(null)));
    }
    return Optional.empty();
  }

  /** relx renders {@code ${VAR}} in a plain vm.args only when this is set; images often set it in their ENV. */
  private static final String REPLACE_OS_VARS = "RELX_REPLACE_OS_VARS";

  /**
   * True when the inputs take {@link #REPLACE_OS_VARS} as set: a plain vm.args (not {@code .src})
   * uses {@code ${VAR}} and the container does not set it, so whether relx renders it is the
   * image's choice. It is taken as set, the way such a vm.args is written to be used.
   */
  private static boolean assumesReplaceOsVars(Optional<NamedText> vmArgs, ContainerInfo c) {
    return vmArgs.filter(v -> !v.name().endsWith(".src") && v.text().contains("${")).isPresent() && c.env(REPLACE_OS_VARS).isEmpty();
  }

  /** {@code release} as it is when the image does not set {@link #REPLACE_OS_VARS} after all. */
  private static ReleaseInfo withoutReplaceOsVars(ReleaseInfo release) {
    return release.naming().filter(ScriptNaming.class::isInstance).map(ScriptNaming.class::cast)
        .map(n -> release.withNaming(n.withInputs(n.inputs().withoutEnv(REPLACE_OS_VARS)))).orElse(release);
  }

  /**
   * True when the name comes from {@code ERL_FLAGS} or {@code ERL_ZFLAGS}: erlexec reads them after
   * the command line a start script builds, so their {@code -name}/{@code -sname} wins whatever
   * release the image runs.
   */
  private static boolean fromLateFlags(ReleaseNaming n) {
    return n.distribution() != Distribution.UNKNOWN && n.fullName().isPresent()
        && n.nameOrigin().filter(o -> o.kind() == Origin.Kind.ENV && (o.where().equals("ERL_FLAGS") || o.where().equals("ERL_ZFLAGS"))).isPresent();
  }

  /** {@code n} without the unknowns about {@code whats}, which the name does not depend on. */
  private static ReleaseNaming withoutGaps(ReleaseNaming n, Set<String> whats) {
    return new ReleaseNaming(n.kind(), n.program(), n.how(), n.distribution(), n.name(), n.fullName(), n.nameOrigin(), n.cookie(), n.flags(),
        n.unknowns().stream().filter(g -> !whats.contains(g.what())).toList(), n.assumptions(), n.problems(), n.warnings(), n.notes());
  }

  /** The start scripts' premises, one line for the variables assumed unset for one reason. */
  private static List<Assumption> premises(List<Gap> gaps) {
    Map<String, List<Gap>> byReason = new LinkedHashMap<>();
    for (Gap g : gaps) {
      byReason.computeIfAbsent(topic(g) + "\n" + g.why() + "\n" + g.settle(), k -> new ArrayList<>()).add(g);
    }
    List<Assumption> out = new ArrayList<>();
    for (List<Gap> same : byReason.values()) {
      Gap g = same.get(0);
      String what = same.stream().map(Gap::what).collect(Collectors.joining(", "));
      out.add(Assumption.premise(topic(g), what, same.size() == 1 ? "not set" : "none of them set", g.why(), String.join(", ", g.settle())));
    }
    return out;
  }

  /** What the inputs do not settle, as an assumption that makes a failure resting on it unsure. */
  private static Assumption unknown(Gap g) {
    return new Assumption(topic(g), g.what(), "unknown", g.why(), String.join(", ", g.settle()));
  }

  private static Assumption.Topic topic(Gap g) {
    return g.what().toLowerCase(Locale.ROOT).contains("cookie") ? Assumption.Topic.COOKIE : Assumption.Topic.NODE_NAME;
  }

  /** The start scripts' inputs for container {@code c}: its command, environment and mounted files, and the release files read. */
  static ReleaseInputs inputs(ModelRequest r, ContainerInfo c, Optional<Strategy> strategy) {
    ReleaseInputs.Builder b = ReleaseInputs.builder().command(c.command()).args(c.args());
    for (EnvVar e : c.env()) {
      Origin o = Origin.env(e.name());
      if (e.from() == null) {
        b.env(EnvEntry.value(e.name(), e.value() == null ? "" : e.value(), o));
      } else if (e.from().startsWith("configMap") && e.value() != null) {
        b.env(EnvEntry.configMap(e.name(), e.value(), o));
      } else if (e.from().startsWith("fieldRef:") || e.from().startsWith("resourceFieldRef:")) {
        b.env(EnvEntry.runtime(e.name(), e.from().replace(':', ' '), o));
      } else if (e.secret()) {
        b.env(EnvEntry.runtime(e.name(), "secretKeyRef " + e.from().substring("secretKeyRef:".length()), o));
      } else {
        b.env(EnvEntry.unknown(e.name(), e.from(), o));
      }
    }
    ReleaseFiles files = r.release();
    Optional<NamedText> vmArgs = files.vmArgs().or(() -> r.vmArgs().map(v -> new NamedText(v.source(), v.text())));
    if (assumesReplaceOsVars(vmArgs, c)) {
      b.env(EnvEntry.value(REPLACE_OS_VARS, "true", Origin.defaulted("assumed: the image's ENV")));
    }
    b.envComplete(false);
    c.files().forEach(b::file);
    files.releaseEnv().ifPresent(t -> b.releaseEnv(t.name(), t.text()));
    vmArgs.ifPresent(t -> b.vmArgs(t.name(), t.text()));
    files.releaseName().or(r::basename).ifPresent(b::releaseName);
    boolean elixir = files.releaseEnv().isPresent() || !files.elixirConfig().isEmpty()
        || c.env().stream().anyMatch(e -> e.name().startsWith("RELEASE_")) || strategy.filter(s -> s != Strategy.GEN_CLUSTER).isPresent()
        || c.files().values().stream().anyMatch(t -> t.contains("RELEASE_NODE") || t.contains("RELEASE_DISTRIBUTION"));
    boolean relx = files.vmArgs().isPresent() || r.vmArgs().isPresent() || r.sysConfig().isPresent();
    b.kind(elixir ? ReleaseKind.ELIXIR_RELEASE : relx ? ReleaseKind.RELX_RELEASE : ReleaseKind.UNKNOWN);
    return b.build();
  }

  /** {@code -proto_dist P} in the flags the VM takes from the environment. */
  private static Optional<String> protoDistFromEnv(ContainerInfo release) {
    if (release == null) {
      return Optional.empty();
    }
    for (String var : List.of("ERL_FLAGS", "ERL_AFLAGS", "ERL_ZFLAGS")) {
      Optional<String> v = release.env(var).map(EnvVar::value).filter(x -> x != null);
      if (v.isPresent()) {
        String[] words = v.get().trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
          if (words[i].equals("-proto_dist")) {
            return Optional.of(words[i + 1]);
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Where the cookie is set: first the source the start scripts end up using (a flag on the command
   * line or in {@code ERL_FLAGS}, {@code RELEASE_COOKIE} from the environment or env.sh, an
   * entrypoint that writes {@code ~/.erlang.cookie}), then {@code RELEASE_COOKIE}/{@code RELX_COOKIE}
   * in the container and {@code -setcookie} in vm.args.
   */
  private static List<CookieSource> cookies(Optional<VmArgs> vmArgs, ContainerInfo release, Optional<NodeNaming> naming, Notes notes) {
    List<CookieSource> out = new ArrayList<>();
    Optional<dev.clusterctl.release.CookieSource> script = naming.filter(ScriptNaming.class::isInstance).map(n -> ((ScriptNaming) n).naming().cookie());
    if (script.isPresent()) {
      dev.clusterctl.release.CookieSource c = script.get();
      List<String> vars = c.variables();
      switch (c.kind()) {
        case ENV_VAR, HOME_FILE_WRITTEN, FLAGS_VARIABLE, COMMAND_LINE -> {
          // one variable that is the cookie itself, or the ${VAR}s a -setcookie line is made of
          boolean whole = vars.size() == 1 && c.sha256().isEmpty() && c.kind() != dev.clusterctl.release.CookieSource.Kind.COMMAND_LINE
              && c.origin().filter(o -> o.kind() == Origin.Kind.FILE && !o.where().contains("env.sh")).isEmpty();
          out.add(new CookieSource(c.description(), whole ? vars.get(0) : null, c.sha256().orElse(null), whole ? List.of() : vars));
        }
        case UNKNOWN -> notes.assume(new Assumption(Assumption.Topic.COOKIE, "the cookie's source", "unknown", c.description(),
            "--release-env FILE, --release-dir DIR or --vm-args FILE"));
        default -> { }
      }
    }
    if (release != null) {
      for (String var : List.of("RELEASE_COOKIE", "RELX_COOKIE")) {
        release.env(var).ifPresent(e -> out.add(new CookieSource("env " + var + (e.from() == null ? "" : " (" + e.from() + ")"), var, null, List.of())));
      }
    }
    if (vmArgs.isPresent() && vmArgs.get().hasCookie()) {
      VmArgs v = vmArgs.get();
      List<String> vars = v.cookieVariables();
      String hash = vars.isEmpty() ? v.cookieHash(Map.of()).orElse(null) : null;
      out.add(new CookieSource(v.cookieSource().orElse(v.source() + " -setcookie"), null, hash, vars));
    }
    Set<String> seen = new LinkedHashSet<>();
    out.removeIf(c -> !seen.add(c.envVar() != null ? "env " + c.envVar() : c.origin()));
    return out;
  }
}
