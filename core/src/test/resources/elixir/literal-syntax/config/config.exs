import Config

config :syntax,
  "quoted key": 1,
  atoms: [:plain, :"quoted atom", :ok?, true, false, nil, Some.Alias, :erlang],
  numbers: [1_000, 0x1F, 0b101, 0o17, -7, 1.5, 2.0e3, -0.25, ?a, ?\n],
  strings: ["plain", "tab\there", "quote \" and \\ back", "unicode \u00e9 \u{1F600}", "#{1 + 1}"],
  charlist: 'abc',
  map: %{"b" => [2, 3], 4 => :four, a: 1},
  tuple: {:ok, "yes", [nested: {1, 2}]},
  words: ~w(alpha beta gamma),
  atom_words: ~w(a b)a,
  heredoc: """
  line one
    line two
  """,
  region: "region-#{System.get_env("REGION")}",
  replicas: String.to_integer(System.get_env("REPLICAS", "1")),
  peers: System.get_env("PEERS", "") |> String.split(","),
  mode: String.to_atom(System.get_env("MODE") || "ip"),
  flag: if(System.get_env("REGION"), do: :regional, else: :global),
  sigil_s: ~s(with "quotes")

config :syntax, Syntax.Endpoint, http: [port: 4000], https: [port: 4443]
config :syntax, Syntax.Endpoint, http: [ip: {127, 0, 0, 1}]

config :syntax,
  computed: Enum.join(["eu", "west"], "-"),
  chosen:
    (case System.get_env("REGION") do
       "eu-west-1" -> :eu
       _ -> :other
     end)

if System.get_env("FEATURE_X") == "on" do
  config :syntax, feature_x: true
else
  config :syntax, feature_x: false
end

config :syntax, struct: %URI{host: "example.com"}
