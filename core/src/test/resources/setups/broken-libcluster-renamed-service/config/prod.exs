import Config

config :libcluster,
  topologies: [
    k8s: [
      strategy: Elixir.Cluster.Strategy.Kubernetes.DNS,
      config: [
        service: "storefront-headless",
        application_name: "storefront",
        polling_interval: 10_000
      ]
    ]
  ]
