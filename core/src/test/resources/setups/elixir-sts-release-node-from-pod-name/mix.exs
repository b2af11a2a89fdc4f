defmodule Tally.MixProject do
  use Mix.Project

  def project do
    [app: :tally, version: "1.1.0", elixir: "~> 1.16", deps: deps(), releases: [tally: []]]
  end

  def application, do: [mod: {Tally.Application, []}, extra_applications: [:logger]]

  defp deps, do: [{:libcluster, "~> 3.4"}, {:horde, "~> 0.9"}]
end
