defmodule ShopWeb.MixProject do
  use Mix.Project

  def project do
    [app: :shop_web, version: "3.3.0", elixir: "~> 1.16", deps: deps(), releases: [shop_web: []]]
  end

  def application, do: [mod: {ShopWeb.Application, []}, extra_applications: [:logger]]

  defp deps, do: [{:libcluster, "~> 3.4"}, {:phoenix, "~> 1.7"}]
end
