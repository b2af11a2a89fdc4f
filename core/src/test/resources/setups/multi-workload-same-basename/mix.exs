defmodule Shop.MixProject do
  use Mix.Project

  def project do
    [app: :shop, version: "3.2.0", elixir: "~> 1.16", deps: deps(), releases: [shop: []]]
  end

  def application, do: [mod: {Shop.Application, []}, extra_applications: [:logger]]

  defp deps, do: [{:libcluster, "~> 3.4"}, {:oban, "~> 2.17"}, {:phoenix, "~> 1.7"}]
end
