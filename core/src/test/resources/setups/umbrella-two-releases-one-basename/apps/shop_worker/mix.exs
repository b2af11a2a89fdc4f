defmodule ShopWorker.MixProject do
  use Mix.Project

  def project do
    [app: :shop_worker, version: "3.3.0", elixir: "~> 1.16", deps: deps(), releases: [shop_worker: []]]
  end

  def application, do: [mod: {ShopWorker.Application, []}, extra_applications: [:logger]]

  defp deps, do: [{:libcluster, "~> 3.4"}, {:oban, "~> 2.17"}]
end
