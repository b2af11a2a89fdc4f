package dev.clusterctl.elixir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.release.Environment;
import dev.clusterctl.release.Origin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Elixir reader on the forms the brief lists, and on input it cannot read. */
class ElixirReaderTest {

  private static AppConfig config(String text, Environment env) {
    return ElixirConfig.of(Map.of("config/runtime.exs", text)).read("config/runtime.exs", "prod", env);
  }

  private static Value value(String expr, Environment env) {
    AppConfig c = config("import Config\nconfig :t, v: " + expr + "\n", env);
    return c.get("t", "v").orElseThrow().value();
  }

  @Test
  void environmentReadsAreTypedAndResolvedLater() {
    String text = """
        import Config
        config :t,
          a: System.get_env("A"),
          b: System.get_env("B", "default"),
          c: System.fetch_env!("C"),
          port: String.to_integer(System.get_env("PORT", "5000")),
          mode: String.to_atom(System.get_env("MODE") || "ip"),
          host: System.get_env("HOST") || "localhost",
          svc: "#{System.get_env("SVC")}.ns.svc.cluster.local",
          charlist: String.to_charlist(System.get_env("SVC", "x"))
        """;
    ConfigScript script = ConfigReader.read(text, "config/runtime.exs");
    Value written = ((ConfigScript.Put) script.statements().get(0)).value();
    Value a = Keywords.get(written, "a").orElseThrow();
    assertThat(a).isInstanceOf(Value.FromEnv.class);
    assertThat(((Value.FromEnv) a).call()).isEqualTo(Value.EnvCall.GET);
    assertThat(((Value.FromEnv) a).phase()).isEqualTo(Value.Phase.RUNTIME);
    assertThat(Keywords.get(written, "c").orElseThrow()).isInstanceOfSatisfying(Value.FromEnv.class,
        f -> assertThat(f.call()).isEqualTo(Value.EnvCall.FETCH));

    AppConfig set = config(text, Environment.complete(Map.of("A", "x", "C", "c", "PORT", "4369", "SVC", "app")));
    assertThat(set.get("t", "a").orElseThrow().value()).isEqualTo(new Value.Text("x", Origin.env("A")));
    assertThat(set.get("t", "b").orElseThrow().value()).isEqualTo(new Value.Text("default", Origin.file("config/runtime.exs", 4)));
    assertThat(set.get("t", "port").orElseThrow().value()).isInstanceOfSatisfying(Value.Int.class,
        i -> assertThat(i.value().intValue()).isEqualTo(4369));
    assertThat(set.get("t", "mode").orElseThrow().value()).isInstanceOfSatisfying(Value.Atom.class,
        m -> assertThat(m.name()).isEqualTo("ip"));
    assertThat(set.get("t", "host").orElseThrow().value()).isInstanceOfSatisfying(Value.Text.class,
        h -> assertThat(h.text()).isEqualTo("localhost"));
    assertThat(set.get("t", "svc").orElseThrow().value()).isEqualTo(new Value.Text("app.ns.svc.cluster.local", Origin.env("SVC")));
    assertThat(set.get("t", "charlist").orElseThrow().value()).isInstanceOf(Value.Chars.class);

    AppConfig unset = config(text, Environment.complete(Map.of()));
    assertThat(unset.get("t", "a").orElseThrow().value()).isInstanceOfSatisfying(Value.Atom.class, n -> assertThat(n.name()).isEqualTo("nil"));
    assertThat(unset.get("t", "c").orElseThrow().raises()).singleElement()
        .satisfies(r -> assertThat(r.message()).contains("C is not set"));

    AppConfig open = config(text, Environment.unknown());
    Resolver.Resolution svc = open.get("t", "svc").orElseThrow();
    assertThat(svc.known()).isFalse();
    assertThat(svc.unknowns()).singleElement().satisfies(u -> assertThat(u.reason()).contains("SVC"));
    AppConfig pod = config(text, Environment.complete(Map.of()).withRuntime("A", "status.podIP", Origin.env("A")));
    assertThat(pod.get("t", "a").orElseThrow().unknowns()).singleElement()
        .satisfies(u -> assertThat(u.reason()).contains("status.podIP"));
  }

  @Test
  void literalForms() {
    Environment none = Environment.complete(Map.of());
    assertThat(ElixirTerms.toTerm(value("[a: 1, \"b c\": 2]", none)).toString()).contains("b c");
    assertThat(value(":\"quoted\"", none)).isInstanceOfSatisfying(Value.Atom.class, a -> assertThat(a.name()).isEqualTo("quoted"));
    assertThat(value("Cluster.Strategy.Kubernetes.DNS", none)).isInstanceOfSatisfying(Value.Atom.class,
        a -> assertThat(a.name()).isEqualTo("Elixir.Cluster.Strategy.Kubernetes.DNS"));
    assertThat(value("1_000", none)).isInstanceOfSatisfying(Value.Int.class, i -> assertThat(i.value().intValue()).isEqualTo(1000));
    assertThat(value("0x1F", none)).isInstanceOfSatisfying(Value.Int.class, i -> assertThat(i.value().intValue()).isEqualTo(31));
    assertThat(value("'chars'", none)).isInstanceOf(Value.Chars.class);
    assertThat(value("%{a: 1}", none)).isInstanceOf(Value.MapOf.class);
    assertThat(value("%{\"k\" => {1, 2}}", none)).isInstanceOf(Value.MapOf.class);
    assertThat(value("\"tab\\tend\"", none)).isInstanceOfSatisfying(Value.Text.class, t -> assertThat(t.text()).isEqualTo("tab\tend"));
    assertThat(value("nil", none)).isInstanceOfSatisfying(Value.Atom.class, a -> assertThat(a.falsy()).isTrue());
    assertThat(value("__MODULE__", none)).isInstanceOfSatisfying(Value.Unknown.class,
        u -> assertThat(u.reason()).contains("__MODULE__"));
    assertThat(value("\"x#{unknown_fn()}y\"", none)).isInstanceOfSatisfying(Value.Unknown.class,
        u -> assertThat(u.origin()).isEqualTo(Origin.file("config/runtime.exs", 2)));
  }

  @Test
  void unreadableInputIsAnUnknownOrANoteNeverAnException() {
    AppConfig c = config("""
        import Config
        config :t, a: 1, b: [
        config :t, c: 3
        config :t, d: MyApp.fun() |> other()
        config :t, e: %{}
        """, Environment.unknown());
    assertThat(c.notes()).isNotEmpty();
    assertThat(c.notes().get(0).line()).isEqualTo(2);
    AppConfig broken = config("import Config\nconfig :t, a: \"unterminated\n", Environment.unknown());
    assertThat(broken.notes()).singleElement().satisfies(n -> assertThat(n.what()).contains("not closed"));
    assertThat(broken.apps()).isEmpty();
    AppConfig garbage = config("\u0000\u0001 config :t, \u00ff", Environment.unknown());
    assertThat(garbage.notes()).isNotEmpty();
    assertThat(ModuleReader.read("defmodule X do\n  def f, do: [\n", "lib/x.ex").notes()).isNotEmpty();
  }

  @Test
  void conditionsAreKeptAsDataAndImportsReportedPerEnvironment() {
    ElixirConfig project = ElixirConfig.of(Map.of(
        "config/config.exs", """
            import Config
            config :t, base: true
            if config_env() in [:prod, :staging] do
              config :t, deployed: true
            end
            unless config_env() == :test, do: config(:t, not_test: true)
            if System.get_env("FEATURE") == "on" do
              config :t, feature: :on
            end
            import_config "#{config_env()}.exs"
            """,
        "config/prod.exs", "import Config\nconfig :t, env: :prod\n",
        "config/dev.exs", "import Config\nconfig :t, env: :dev\nimport_config \"local.exs\"\n"));
    ConfigScript script = project.script("config/config.exs").orElseThrow();
    assertThat(script.statements().get(1).when()).isEqualTo(new Condition.ConfigEnvIn(java.util.Set.of("prod", "staging")));
    assertThat(script.statements().get(3).when().describe()).isEqualTo("System.get_env(\"FEATURE\") in [on]");
    assertThat(project.importsFor("config/config.exs", "prod", Environment.unknown())).containsExactly("config/prod.exs");
    assertThat(project.importsFor("config/config.exs", "dev", Environment.unknown())).containsExactly("config/dev.exs", "config/local.exs");

    AppConfig prod = project.release("prod", Environment.unknown(), Environment.unknown());
    assertThat(prod.get("t", "deployed")).isPresent();
    assertThat(prod.get("t", "not_test")).isPresent();
    assertThat(prod.get("t", "feature").orElseThrow().unknowns()).singleElement()
        .satisfies(u -> assertThat(u.reason()).contains("FEATURE"));
    assertThat(prod.get("t", "env").orElseThrow().value()).isInstanceOfSatisfying(Value.Atom.class,
        a -> assertThat(a.name()).isEqualTo("prod"));
    AppConfig dev = project.release("dev", Environment.unknown(), Environment.unknown());
    assertThat(dev.get("t", "deployed")).isEmpty();
    assertThat(dev.notes()).anySatisfy(n -> assertThat(n.what()).contains("not among the inputs"));
  }

  @Test
  void oldMixConfigAndApplicationGetEnvReferences() {
    ElixirConfig project = ElixirConfig.of(Map.of(
        "config/config.exs", "use Mix.Config\nconfig :app, :dns_cluster_query, \"app.internal\"\nimport_config \"#{Mix.env()}.exs\"\n",
        "config/prod.exs", "use Mix.Config\nconfig :app, :other, Application.get_env(:app, :dns_cluster_query)\n"));
    AppConfig prod = project.release("prod", Environment.unknown(), Environment.unknown());
    assertThat(prod.files()).containsExactly("config/config.exs", "config/prod.exs");
    assertThat(prod.get("app", "other").orElseThrow().value()).isInstanceOfSatisfying(Value.Text.class,
        t -> assertThat(t.text()).isEqualTo("app.internal"));
    ModuleFile m = ModuleReader.read("""
        defmodule App.Application do
          use Application
          alias Cluster.Supervisor, as: ClusterSup
          @query Application.compile_env(:app, :dns_cluster_query)
          def start(_, _) do
            children = [
              Supervisor.child_spec({DNSCluster, query: @query, resource_types: [:srv]}, id: :dns),
              %{id: :c, start: {ClusterSup, :start_link, [[cluster_topologies(), []]]}}
            ]
            Supervisor.start_link(children, strategy: :one_for_one)
          end
          defp cluster_topologies, do: [gossip: [strategy: Cluster.Strategy.Gossip]]
        end
        """, "lib/app/application.ex");
    assertThat(m.children()).extracting(ChildSpec::moduleName).containsExactly("DNSCluster", "Cluster.Supervisor");
    DiscoverySettings d = ElixirDiscovery.read(prod, List.of(m));
    assertThat(d.dnsClusters().get(0).queries()).singleElement().satisfies(q -> assertThat(q.name()).isEqualTo("app.internal"));
    assertThat(d.dnsClusters().get(0).resourceTypes().state()).isEqualTo(Setting.State.SET);
    assertThat(d.topologies()).singleElement().satisfies(t -> {
      assertThat(t.kind()).isEqualTo(StrategyKind.GOSSIP);
      assertThat(t.startedAt()).contains(Origin.file("lib/app/application.ex", 8));
    });
  }
}
