import Config

config :libcluster,
  topologies: [
    tally: [
      strategy: Cluster.Strategy.Kubernetes.DNSSRV,
      config: [
        service: "tally",
        application_name: "tally",
        namespace: "metrics",
        polling_interval: 5_000
      ]
    ]
  ]
