import Config

config :hello,
  generators: [timestamp_type: :utc_datetime]

config :hello, HelloWeb.Endpoint,
  url: [host: "localhost"],
  adapter: Bandit.PhoenixAdapter,
  pubsub_server: Hello.PubSub

config :phoenix, :json_library, Jason

import_config "#{config_env()}.exs"
