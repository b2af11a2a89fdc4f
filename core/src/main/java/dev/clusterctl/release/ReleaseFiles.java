package dev.clusterctl.release;

import java.util.List;
import java.util.Optional;

/**
 * The release's own files, as far as the inputs hold them: what the start scripts read besides the
 * container spec. Each is optional; what is missing is said by the model, not guessed.
 *
 * @param releaseEnv {@code env.sh} of a built release or {@code rel/env.sh.eex} of a project ({@code --release-env})
 * @param vmArgs the vm.args text ({@code vm.args}, {@code vm.args.src}, {@code rel/vm.args.eex}), as written
 * @param elixirConfig the project's {@code config/*.exs}
 * @param elixirModules the project's modules that start the cluster's children ({@code lib/**&#47;application.ex})
 * @param releaseName the release's name, when a release tree ({@code bin/NAME}) or a project file
 *     ({@code mix.exs}, {@code rebar.config}) says it
 */
public record ReleaseFiles(
    Optional<NamedText> releaseEnv, Optional<NamedText> vmArgs, List<NamedText> elixirConfig, List<NamedText> elixirModules, Optional<String> releaseName) {

  /** Copies the lists. */
  public ReleaseFiles {
    elixirConfig = List.copyOf(elixirConfig);
    elixirModules = List.copyOf(elixirModules);
  }

  /** No release files. */
  public static ReleaseFiles none() {
    return new ReleaseFiles(Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty());
  }
}
