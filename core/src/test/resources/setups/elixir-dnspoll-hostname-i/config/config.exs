import Config

config :notifier, Notifier.PubSub, adapter: Phoenix.PubSub.PG2

config :libcluster,
  topologies: [
    dns: [
      strategy: Cluster.Strategy.DNSPoll,
      config: [
        polling_interval: 5_000,
        query: "notifier-headless.notify.svc.cluster.local",
        node_basename: "notifier"
      ]
    ]
  ]
