defmodule Ledger.Application do
  @moduledoc false
  use Application

  def start(_type, _args) do
    children = [
      Ledger.Repo,
      {Cluster.Supervisor, [Application.get_env(:libcluster, :topologies), [name: Ledger.ClusterSupervisor]]}
    ]

    Supervisor.start_link(children, strategy: :one_for_one, name: Ledger.Supervisor)
  end
end
