defmodule Credits.MixProject do
  use Mix.Project

  def project do
    [app: :credits, version: "0.3.0", elixir: "~> 1.15", deps: deps(), releases: [credits: []]]
  end

  def application, do: [mod: {Credits.Application, []}, extra_applications: [:logger]]

  defp deps, do: [{:libcluster, "~> 3.3"}]
end
