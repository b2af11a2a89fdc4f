defmodule Worker.Application do
  @moduledoc false
  use Application

  @impl true
  def start(_type, _args) do
    children = [
      {Cluster.Supervisor, [Application.get_env(:libcluster, :topologies, []), [name: Worker.ClusterSupervisor]]},
      {Oban, Application.fetch_env!(:worker, Oban)}
    ]

    Supervisor.start_link(children, strategy: :one_for_one)
  end
end
