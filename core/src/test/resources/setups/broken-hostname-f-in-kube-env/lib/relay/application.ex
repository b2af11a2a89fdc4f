defmodule Relay.Application do
  @moduledoc false
  use Application

  @impl true
  def start(_type, _args) do
    children = [
      {DNSCluster, query: "relay-headless.relay.svc.cluster.local"},
      {Phoenix.PubSub, name: Relay.PubSub},
      Relay.Fanout
    ]

    Supervisor.start_link(children, strategy: :one_for_one, name: Relay.Supervisor)
  end
end
