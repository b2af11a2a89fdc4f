/**
 * Elixir projects read as data, without running Elixir: a reader of Elixir's literal syntax
 * (hand-written: no maintained Java library reads Elixir), config files as
 * {@link dev.clusterctl.elixir.ConfigScript}s merged as Elixir's {@code Config} does
 * ({@link dev.clusterctl.elixir.ElixirConfig} → {@link dev.clusterctl.elixir.AppConfig}),
 * {@code System.get_env} and {@code Application.get_env} kept as deferred values and resolved
 * against a container's environment ({@link dev.clusterctl.elixir.Resolver}), application
 * modules' child specs ({@link dev.clusterctl.elixir.ModuleReader}), and the typed settings of
 * libcluster and dns_cluster ({@link dev.clusterctl.elixir.ElixirDiscovery}).
 *
 * <p>Whatever cannot be read is a {@link dev.clusterctl.elixir.Value.Unknown} or a
 * {@link dev.clusterctl.elixir.Note} with its file and line; reading never throws on bad input.
 */
package dev.clusterctl.elixir;
