import Config

config :chat,
  generators: [timestamp_type: :utc_datetime]

config :chat, ChatWeb.Endpoint,
  url: [host: "localhost"],
  pubsub_server: Chat.PubSub

import_config "#{config_env()}.exs"
