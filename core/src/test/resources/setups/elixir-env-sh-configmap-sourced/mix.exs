defmodule Presence.MixProject do
  use Mix.Project

  def project do
    [app: :presence, version: "0.7.1", elixir: "~> 1.15", deps: deps(), releases: [presence: []]]
  end

  def application, do: [mod: {Presence.Application, []}, extra_applications: [:logger]]

  defp deps, do: [{:libcluster, "~> 3.3"}, {:phoenix_pubsub, "~> 2.1"}]
end
