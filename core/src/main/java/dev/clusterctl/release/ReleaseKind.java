package dev.clusterctl.release;

/** What starts the Erlang VM in a container. */
public enum ReleaseKind {
  /** An Elixir release's {@code bin/NAME start} (from {@code mix release}). */
  ELIXIR_RELEASE,
  /** A relx (rebar3) release's {@code bin/NAME foreground}. */
  RELX_RELEASE,
  /** A release script whose command ({@code start}, {@code daemon}) both kinds have; the inputs do not say which. */
  RELEASE,
  /** {@code erl} run directly. */
  ERL,
  /** {@code elixir}, {@code iex} or {@code mix} run directly. */
  ELIXIR_CLI,
  /** A program that is not an Erlang node ({@code bin/app eval}, {@code rpc}, {@code remote}, or no VM at all). */
  NOT_A_NODE,
  /** The inputs do not show what the container runs. */
  UNKNOWN
}
