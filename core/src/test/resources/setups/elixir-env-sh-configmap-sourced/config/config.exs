import Config

config :libcluster,
  topologies: [
    presence: [
      strategy: Cluster.Strategy.Kubernetes.DNS,
      config: [
        service: "presence-nodes",
        application_name: "presence",
        polling_interval: 5_000
      ]
    ]
  ]
