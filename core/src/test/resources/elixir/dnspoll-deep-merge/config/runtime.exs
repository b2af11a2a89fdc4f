import Config

if config_env() == :prod do
  config :libcluster,
    topologies: [
      dns: [
        config: [query: System.fetch_env!("DNS_POLL_QUERY")]
      ]
    ]
end
