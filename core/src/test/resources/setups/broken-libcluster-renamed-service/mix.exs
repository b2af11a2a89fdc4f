defmodule Storefront.MixProject do
  use Mix.Project

  def project do
    [
      app: :storefront,
      version: "1.4.0",
      elixir: "~> 1.15",
      start_permanent: Mix.env() == :prod,
      deps: deps(),
      releases: [storefront: [include_executables_for: [:unix]]]
    ]
  end

  def application do
    [mod: {Storefront.Application, []}, extra_applications: [:logger]]
  end

  defp deps do
    [{:libcluster, "~> 3.3"}, {:plug_cowboy, "~> 2.6"}]
  end
end
