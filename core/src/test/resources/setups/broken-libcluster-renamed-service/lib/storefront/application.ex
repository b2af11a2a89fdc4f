defmodule Storefront.Application do
  @moduledoc false
  use Application

  @impl true
  def start(_type, _args) do
    topologies = Application.get_env(:libcluster, :topologies, [])

    children = [
      {Cluster.Supervisor, [topologies, [name: Storefront.ClusterSupervisor]]},
      {Plug.Cowboy, scheme: :http, plug: Storefront.Router, options: [port: 4000]}
    ]

    Supervisor.start_link(children, strategy: :one_for_one, name: Storefront.Supervisor)
  end
end
