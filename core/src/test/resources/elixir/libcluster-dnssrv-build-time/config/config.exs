import Config

config :ledger, Ledger.Repo,
  pool_size: 10,
  queue_target: 500

config :ledger, :buckets, [
  {:hot, ttl: 3_600},
  {:cold, ttl: 86_400}
]

import_config "#{config_env()}.exs"
