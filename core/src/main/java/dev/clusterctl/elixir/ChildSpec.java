package dev.clusterctl.elixir;

import dev.clusterctl.release.Origin;

/**
 * A child given to a supervisor, {@code {Module, arg}} (or
 * {@code {Module, :start_link, [arg]}}), as written in an application module.
 *
 * @param module the child module's atom ({@code Elixir.Cluster.Supervisor})
 * @param arg the argument as written, deferred values unresolved
 * @param origin where the tuple is written
 */
public record ChildSpec(String module, Value arg, Origin origin) {

  /** The module without its {@code Elixir.} prefix. */
  public String moduleName() {
    return module.startsWith("Elixir.") ? module.substring("Elixir.".length()) : module;
  }
}
