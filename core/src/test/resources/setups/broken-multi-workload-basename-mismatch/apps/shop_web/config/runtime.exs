import Config

if config_env() == :prod do
  config :libcluster,
    topologies: [
      shop: [
        strategy: Cluster.Strategy.Kubernetes.DNS,
        config: [service: "shop-cluster", application_name: "shop_web"]
      ]
    ]
end
