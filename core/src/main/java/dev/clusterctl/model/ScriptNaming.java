package dev.clusterctl.model;

import dev.clusterctl.erlang.NameMode;
import dev.clusterctl.release.Distribution;
import dev.clusterctl.release.EnvEntry;
import dev.clusterctl.release.HostNames;
import dev.clusterctl.release.NamedText;
import dev.clusterctl.release.ReleaseInputs;
import dev.clusterctl.release.ReleaseKind;
import dev.clusterctl.release.ReleaseNaming;
import dev.clusterctl.release.ReleaseNamingReader;
import dev.clusterctl.release.TextValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Node naming as the release's start scripts make it ({@link ReleaseNamingReader}): the container's
 * command and environment, env.sh, vm.args and the flags variables, in the order the scripts read
 * them. Each pod's name is the scripts run again with that pod's values (its IP, its host names).
 */
final class ScriptNaming implements NodeNaming {

  private final ReleaseInputs inputs;
  private final ReleaseNaming naming;

  /** Naming read from {@code inputs} (with the pod's host names unknown) as {@code naming}, whose distribution is known. */
  ScriptNaming(ReleaseInputs inputs, ReleaseNaming naming) {
    if (naming.distribution() == Distribution.UNKNOWN) {
      throw new IllegalArgumentException("the distribution is not known");
    }
    this.inputs = inputs;
    this.naming = naming;
  }

  /** The inputs the naming was read from. */
  ReleaseInputs inputs() {
    return inputs;
  }

  /** The naming read from {@code other} inputs; {@code this} when they settle no distribution. */
  NodeNaming withInputs(ReleaseInputs other) {
    ReleaseNaming read = ReleaseNamingReader.read(other);
    return read.distribution() == Distribution.UNKNOWN ? this : new ScriptNaming(other, read);
  }

  /** What the start scripts make of the inputs. */
  ReleaseNaming naming() {
    return naming;
  }

  @Override
  public Optional<NameMode> mode() {
    return switch (naming.distribution()) {
      case LONG -> Optional.of(NameMode.LONG);
      case SHORT -> Optional.of(NameMode.SHORT);
      default -> Optional.empty();
    };
  }

  @Override
  public String describe() {
    if (mode().isEmpty()) {
      return "distribution off (" + naming.program() + ")";
    }
    return mode().get().flag() + " " + naming.name().map(TextValue::template).orElse("");
  }

  @Override
  public String origin() {
    return naming.nameOrigin().map(Object::toString).orElse(naming.program());
  }

  @Override
  public Optional<NamingSite> site() {
    return naming.nameOrigin().map(o -> switch (o.kind()) {
      case FILE -> new NamingSite(o.where().contains("vm.args") ? NamingSite.Kind.VM_ARGS : NamingSite.Kind.ENV_SH, o.where(), o.line());
      case ENV -> new NamingSite(o.where().startsWith("ERL_") || o.where().startsWith("ELIXIR_ERL") ? NamingSite.Kind.FLAGS_VARIABLE
          : NamingSite.Kind.RELEASE_ENV, o.where());
      case ARG -> new NamingSite(NamingSite.Kind.COMMAND, o.where());
      default -> null;
    });
  }

  /** The env.sh line that exports {@code RELEASE_DISTRIBUTION}, when the release's env.sh has one. */
  @Override
  public Optional<NamingSite> distributionSite() {
    return inputs.releaseEnv().flatMap(t -> {
      String[] lines = t.text().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].matches("\\s*(export\\s+)?RELEASE_DISTRIBUTION=.*")) {
          return Optional.of(new NamingSite(NamingSite.Kind.ENV_SH, t.name(), i + 1));
        }
      }
      return Optional.empty();
    });
  }

  /** The vm.args of a relx release when it has no name line: the line goes above its first flag (below its leading comments), else at its end. */
  @Override
  public Optional<NamingSite> missingNameLine() {
    if (naming.kind() != ReleaseKind.RELX_RELEASE || inputs.vmArgs().isEmpty()) {
      return Optional.empty();
    }
    NamedText file = inputs.vmArgs().get();
    String[] lines = file.text().split("\n", -1);
    int at = 0;
    for (int i = 0; i < lines.length; i++) {
      if (ReleaseNamingReader.namesNode(lines[i])) {
        return Optional.empty();
      }
      String t = lines[i].trim();
      if (at == 0 && !t.isEmpty() && !t.startsWith("#")) {
        at = i + 1;
      }
    }
    int end = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length : lines.length + 1;
    return Optional.of(new NamingSite(NamingSite.Kind.VM_ARGS, file.name(), at == 0 ? end : at));
  }

  @Override
  public List<String> problems() {
    return naming.problems();
  }

  @Override
  public RenderedName render(Map<String, String> env, PodHost host) {
    return render(env, host, null);
  }

  @Override
  public RenderedName render(Map<String, String> env, PodHost host, String ip) {
    ReleaseNaming pod = ReleaseNamingReader.read(forPod(env, new HostNames(host.hostname(), host.fqdn(), ip)));
    Optional<TextValue> name = pod.fullName();
    if (name.isEmpty()) {
      return new RenderedName("", List.of("the node name"));
    }
    Optional<String> known = name.get().known();
    if (known.isPresent()) {
      return new RenderedName(known.get(), List.of());
    }
    List<String> holes = new ArrayList<>();
    for (TextValue.Hole h : name.get().holes()) {
      holes.add(h.name().replaceAll("^\\$\\{?|\\}$", ""));
    }
    return new RenderedName(name.get().template(), holes);
  }

  /**
   * The inputs as one pod sees them: each value only the running pod has ({@code fieldRef}) set to
   * that pod's, and its host names. Secrets stay unknown: their values are never read.
   */
  private ReleaseInputs forPod(Map<String, String> env, HostNames hosts) {
    List<EnvEntry> entries = new ArrayList<>();
    for (EnvEntry e : inputs.env()) {
      String v = env.get(e.name());
      boolean podValue = e.source() == EnvEntry.Source.RUNTIME && v != null && !v.startsWith("<") && !e.value().startsWith("secretKeyRef");
      entries.add(podValue ? EnvEntry.configMap(e.name(), v, e.origin()) : e);
    }
    return new ReleaseInputs(entries, inputs.envComplete(), inputs.command(), inputs.args(), inputs.releaseEnv(), inputs.vmArgs(), inputs.files(),
        inputs.releaseName(), inputs.releaseVersion(), inputs.kindHint(), hosts);
  }
}
