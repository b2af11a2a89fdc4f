import Config

config :libcluster,
  topologies: [
    local: [strategy: Cluster.Strategy.Epmd, config: [hosts: [:"storefront@127.0.0.1"]]]
  ]
