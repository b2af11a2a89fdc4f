defmodule Ledger.MixProject do
  use Mix.Project

  def project do
    [app: :ledger, version: "0.9.2", elixir: "~> 1.16", deps: deps(), releases: [ledger: []]]
  end

  def application, do: [mod: {Ledger.Application, []}, extra_applications: [:logger]]

  defp deps, do: [{:libcluster, "~> 3.4"}, {:horde, "~> 0.9"}]
end
