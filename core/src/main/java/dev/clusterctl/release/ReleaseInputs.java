package dev.clusterctl.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@link ReleaseNamingReader} reads for one container: its spec (environment,
 * command, args) and whatever release files are among the inputs. Build with {@link #builder()}.
 *
 * @param env the container's variables, {@code envFrom} first then {@code env}
 * @param envComplete true when nothing but {@code env} sets variables (the image sets none);
 *     false (the usual) makes every other variable unknown
 * @param command the container's {@code command} (empty: the image's ENTRYPOINT)
 * @param args the container's {@code args} (empty with no command: the image's CMD)
 * @param releaseEnv the release's {@code env.sh} or {@code rel/env.sh.eex}
 * @param vmArgs the release's {@code vm.args}, {@code vm.args.src} or {@code rel/vm.args.eex}
 * @param files other files by the path the container sees them at (scripts a command sources,
 *     entrypoints, {@code -args_file}s)
 * @param releaseName the release name, when known from elsewhere (a release folder, mix.exs)
 * @param releaseVersion the release version, when known
 * @param kindHint what the release is, when known from elsewhere ({@link ReleaseKind#UNKNOWN} otherwise)
 * @param hosts the host names the pod will have
 */
public record ReleaseInputs(
    List<EnvEntry> env,
    boolean envComplete,
    List<String> command,
    List<String> args,
    Optional<NamedText> releaseEnv,
    Optional<NamedText> vmArgs,
    Map<String, String> files,
    Optional<String> releaseName,
    Optional<String> releaseVersion,
    ReleaseKind kindHint,
    HostNames hosts) {

  /** Copies the collections. */
  public ReleaseInputs {
    env = List.copyOf(env);
    command = List.copyOf(command);
    args = List.copyOf(args);
    files = Map.copyOf(files);
  }

  /** These inputs without the environment entries called {@code name}. */
  public ReleaseInputs withoutEnv(String name) {
    return new ReleaseInputs(env.stream().filter(e -> !e.name().equals(name)).toList(), envComplete, command, args, releaseEnv, vmArgs, files,
        releaseName, releaseVersion, kindHint, hosts);
  }

  /** These inputs with {@code kind} as what the release is known to be. */
  public ReleaseInputs withKind(ReleaseKind kind) {
    return new ReleaseInputs(env, envComplete, command, args, releaseEnv, vmArgs, files, releaseName, releaseVersion, kind, hosts);
  }

  /** Names and sources only: file texts and variable values may hold secrets. */
  @Override
  public String toString() {
    return "ReleaseInputs[env " + env + ", command " + Redaction.words(command.stream().map(w -> TextValue.of(w, Origin.arg("command", 0))).toList())
        + ", args " + Redaction.words(args.stream().map(w -> TextValue.of(w, Origin.arg("args", 0))).toList())
        + ", files " + files.keySet() + ", releaseEnv " + releaseEnv + ", vmArgs " + vmArgs + "]";
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ReleaseInputs}. */
  public static final class Builder {
    private final List<EnvEntry> env = new ArrayList<>();
    private boolean envComplete;
    private List<String> command = List.of();
    private List<String> args = List.of();
    private NamedText releaseEnv;
    private NamedText vmArgs;
    private final Map<String, String> files = new LinkedHashMap<>();
    private String releaseName;
    private String releaseVersion;
    private ReleaseKind kindHint = ReleaseKind.UNKNOWN;
    private HostNames hosts = HostNames.unknown();

    private Builder() {}

    /** Adds a container variable. */
    public Builder env(EnvEntry entry) {
      env.add(entry);
      return this;
    }

    /** Declares that nothing but the container spec sets variables. */
    public Builder envComplete(boolean complete) {
      this.envComplete = complete;
      return this;
    }

    /** The container's {@code command}. */
    public Builder command(List<String> words) {
      this.command = List.copyOf(words);
      return this;
    }

    /** The container's {@code args}. */
    public Builder args(List<String> words) {
      this.args = List.copyOf(words);
      return this;
    }

    /** The release's {@code env.sh} / {@code env.sh.eex}. */
    public Builder releaseEnv(String name, String text) {
      this.releaseEnv = new NamedText(name, text);
      return this;
    }

    /** The release's {@code vm.args} / {@code vm.args.src} / {@code vm.args.eex}. */
    public Builder vmArgs(String name, String text) {
      this.vmArgs = new NamedText(name, text);
      return this;
    }

    /** Another file, by the path the container sees it at. */
    public Builder file(String path, String text) {
      files.put(path, text);
      return this;
    }

    /** The release name. */
    public Builder releaseName(String name) {
      this.releaseName = name;
      return this;
    }

    /** The release version. */
    public Builder releaseVersion(String version) {
      this.releaseVersion = version;
      return this;
    }

    /** What the release is. */
    public Builder kind(ReleaseKind kind) {
      this.kindHint = kind;
      return this;
    }

    /** The pod's host names. */
    public Builder hosts(HostNames hosts) {
      this.hosts = hosts;
      return this;
    }

    /** The inputs. */
    public ReleaseInputs build() {
      return new ReleaseInputs(env, envComplete, command, args, Optional.ofNullable(releaseEnv), Optional.ofNullable(vmArgs),
          files, Optional.ofNullable(releaseName), Optional.ofNullable(releaseVersion), kindHint, hosts);
    }
  }
}
