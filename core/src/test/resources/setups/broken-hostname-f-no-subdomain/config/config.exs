import Config

config :ledger, ecto_repos: [Ledger.Repo]
config :logger, :console, format: "$time $metadata[$level] $message\n"
