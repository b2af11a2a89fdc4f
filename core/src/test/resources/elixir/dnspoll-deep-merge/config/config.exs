import Config

config :libcluster,
  topologies: [
    dns: [
      strategy: Cluster.Strategy.DNSPoll,
      config: [
        polling_interval: 5_000,
        query: "localhost",
        node_basename: "worker"
      ]
    ]
  ]

if config_env() == :dev do
  config :libcluster,
    topologies: [
      gossip: [strategy: Cluster.Strategy.Gossip, config: [port: 45_892, secret: "dev-only"]]
    ]
end

config :worker, Oban, queues: [default: 10, mailers: 20]
