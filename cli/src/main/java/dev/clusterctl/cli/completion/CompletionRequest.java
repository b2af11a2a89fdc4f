package dev.clusterctl.cli.completion;

import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One request for the values of an argument being typed.
 *
 * @param command the (sub)command the argument belongs to
 * @param argument the option or positional parameter whose value is being completed
 * @param prefix what the user has typed of the value so far (may be empty)
 * @param typed the options already on the command line, by every name of each option
 * @param env the environment ({@code KUBECONFIG}, {@code HOME}, …)
 */
public record CompletionRequest(
    CommandSpec command, ArgSpec argument, String prefix, Map<String, String> typed, Map<String, String> env) {

  /** The value typed for the option with any of {@code names} ({@code -n}, {@code --namespace}), if any. */
  public Optional<String> typed(String... names) {
    for (String name : names) {
      String v = typed.get(name);
      if (v != null && !v.isEmpty()) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
