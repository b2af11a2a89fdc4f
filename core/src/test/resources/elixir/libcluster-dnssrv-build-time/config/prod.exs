import Config

# StatefulSet + headless Service; node names are ledger@<pod>.<service>.<ns>.svc.cluster.local
config :libcluster,
  topologies: [
    ledger: [
      strategy: Elixir.Cluster.Strategy.Kubernetes.DNSSRV,
      config: [
        service: System.get_env("SERVICE_NAME", "ledger"),
        application_name: "ledger",
        namespace: System.get_env("NAMESPACE"),
        polling_interval: 10_000
      ]
    ]
  ]

config :ledger, Ledger.Repo, pool_size: 20
