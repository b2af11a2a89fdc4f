import Config

config :orders, Orders.Repo,
  pool_size: 10

config :orders, :cluster,
  enabled: true,
  namespace: "shop"
