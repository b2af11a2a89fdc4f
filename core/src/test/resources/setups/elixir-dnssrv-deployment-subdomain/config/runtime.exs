import Config

if config_env() == :prod do
  config :libcluster,
    topologies: [
      ledger: [
        strategy: Cluster.Strategy.Kubernetes.DNSSRV,
        config: [
          service: System.get_env("CLUSTER_SERVICE", "ledger-headless"),
          application_name: "ledger",
          namespace: System.get_env("POD_NAMESPACE", "finance"),
          polling_interval: 10_000
        ]
      ]
    ]

  config :ledger, Ledger.Repo,
    url: System.fetch_env!("DATABASE_URL"),
    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10")
end
