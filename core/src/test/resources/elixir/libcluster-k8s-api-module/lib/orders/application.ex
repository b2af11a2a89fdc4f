defmodule Orders.Application do
  @moduledoc false
  use Application

  alias Cluster.Strategy.Kubernetes

  @api_topology [
    strategy: Kubernetes,
    config: [
      mode: :dns,
      kubernetes_node_basename: System.get_env("NODE_BASENAME"),
      kubernetes_selector: "app=orders",
      kubernetes_namespace: "shop",
      polling_interval: 10_000
    ]
  ]

  @impl true
  def start(_type, _args) do
    topologies = [api: @api_topology, dns: dns_topology()]

    children = [
      Orders.Repo,
      {Cluster.Supervisor, [topologies, [name: Orders.ClusterSupervisor]]}
    ]

    Supervisor.start_link(children, strategy: :one_for_one, name: Orders.Supervisor)
  end

  defp dns_topology do
    [
      strategy: Cluster.Strategy.Kubernetes.DNS,
      config: [service: System.get_env("ORDERS_SERVICE"), application_name: "orders"]
    ]
  end
end
