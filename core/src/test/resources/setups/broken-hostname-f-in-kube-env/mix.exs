defmodule Relay.MixProject do
  use Mix.Project

  def project do
    [app: :relay, version: "1.0.3", elixir: "~> 1.16", deps: deps(), releases: [relay: []]]
  end

  def application, do: [mod: {Relay.Application, []}, extra_applications: [:logger]]

  defp deps, do: [{:dns_cluster, "~> 0.1"}, {:phoenix_pubsub, "~> 2.1"}]
end
