import Config

config :shop, ShopWeb.Endpoint,
  http: [ip: {127, 0, 0, 1}, port: 4000],
  check_origin: false,
  code_reloader: true,
  debug_errors: true

config :libcluster,
  topologies: [
    local: [strategy: Cluster.Strategy.Epmd, config: [hosts: [:"shop@127.0.0.1", :"shop2@127.0.0.1"]]]
  ]
