import Config

config :storefront, port: 4000

config :logger, level: :info

import_config "#{config_env()}.exs"
