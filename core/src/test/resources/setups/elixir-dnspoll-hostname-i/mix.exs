defmodule Notifier.MixProject do
  use Mix.Project

  def project do
    [app: :notifier, version: "2.1.0", elixir: "~> 1.17", deps: deps(), releases: [notifier: [include_erts: true]]]
  end

  def application, do: [mod: {Notifier.Application, []}, extra_applications: [:logger, :runtime_tools]]

  defp deps, do: [{:libcluster, "~> 3.4"}, {:phoenix_pubsub, "~> 2.1"}]
end
