package dev.clusterctl.elixir;

import dev.clusterctl.elixir.ConfigScript.Fail;
import dev.clusterctl.elixir.ConfigScript.Import;
import dev.clusterctl.elixir.ConfigScript.Put;
import dev.clusterctl.elixir.ConfigScript.Statement;
import dev.clusterctl.release.Environment;
import dev.clusterctl.release.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's config files, evaluated as Elixir's {@code Config.Reader} does for one config
 * environment: {@code config/config.exs} and what it imports (at build time), then
 * {@code config/runtime.exs} (in the running node) merged on top, as a release does at boot.
 *
 * <p>Paths are the ones given ({@code config/config.exs}); {@code import_config} paths are taken
 * relative to the importing file's folder, as Elixir does.
 */
public final class ElixirConfig {

  /** The build-time entry file. */
  public static final String CONFIG = "config/config.exs";
  /** The runtime file of Elixir 1.11 and later. */
  public static final String RUNTIME = "config/runtime.exs";
  /** The runtime file of Elixir 1.9 and 1.10 releases. */
  public static final String RELEASES = "config/releases.exs";

  private static final int MAX_IMPORTS = 32;

  private final Map<String, ConfigScript> scripts = new LinkedHashMap<>();

  private ElixirConfig(Map<String, String> files) {
    files.forEach((path, text) -> scripts.put(normalize(path), ConfigReader.read(text, normalize(path))));
  }

  /** Reads the given files (path → text). */
  public static ElixirConfig of(Map<String, String> files) {
    return new ElixirConfig(files);
  }

  /** The script of {@code path}, if given. */
  public Optional<ConfigScript> script(String path) {
    return Optional.ofNullable(scripts.get(normalize(path)));
  }

  /**
   * The config a release of {@code configEnv} boots with: {@link #CONFIG} and its imports read with
   * the build machine's {@code buildEnv}, then {@link #RUNTIME} (or {@link #RELEASES}) with the
   * node's {@code runtimeEnv}.
   */
  public AppConfig release(String configEnv, Environment buildEnv, Environment runtimeEnv) {
    Resolver resolver = new Resolver(configEnv, buildEnv, runtimeEnv, null);
    AppConfig config = new AppConfig(resolver);
    if (scripts.containsKey(CONFIG)) {
      run(CONFIG, config, resolver, 0);
    } else {
      config.note(new Note(CONFIG, 0, "not among the inputs; the build-time config is not known (give --release-dir DIR)"));
    }
    for (String runtime : List.of(RUNTIME, RELEASES)) {
      if (scripts.containsKey(runtime)) {
        run(runtime, config, resolver, 0);
      }
    }
    return config;
  }

  /**
   * {@code Config.Reader.read!(path, env: configEnv)}: one file and what it imports, every
   * {@code System.get_env} reading {@code env}.
   */
  public AppConfig read(String path, String configEnv, Environment env) {
    Resolver resolver = new Resolver(configEnv, env, env, null);
    AppConfig config = new AppConfig(resolver);
    run(normalize(path), config, resolver, 0);
    return config;
  }

  /** The files {@code path} imports for {@code configEnv}, in order, following imports of imports. */
  public List<String> importsFor(String path, String configEnv, Environment buildEnv) {
    AppConfig config = new AppConfig(new Resolver(configEnv, buildEnv, buildEnv, null));
    run(normalize(path), config, config.resolver(), 0);
    return config.imports();
  }

  private void run(String path, AppConfig config, Resolver resolver, int depth) {
    ConfigScript script = scripts.get(path);
    if (script == null) {
      config.note(new Note(path, 0, "imported but not among the inputs; what it sets is not known (give --release-dir DIR)"));
      return;
    }
    config.file(path);
    script.notes().forEach(config::note);
    Environment env = resolver.env(script.phase());
    for (Statement st : script.statements()) {
      Boolean applies = st.when().decide(resolver.configEnv(), env);
      if (Boolean.FALSE.equals(applies)) {
        continue;
      }
      if (st instanceof Put p) {
        if (applies == null) {
          put(config, p, undecided(p.origin(), st.when()));
        } else {
          config.put(p.app(), p.key(), p.value(), p.origin());
        }
      } else if (st instanceof Import imp) {
        if (applies == null) {
          config.note(new Note(path, imp.origin().line(), "import_config under a condition the inputs do not decide ("
              + st.when().describe() + "); what it imports is not known"));
          continue;
        }
        importFile(path, imp, config, resolver, depth);
      } else if (st instanceof Fail f) {
        config.note(new Note(path, f.origin().line(), applies == null
            ? "raises when " + st.when().describe() + ", which the inputs do not decide"
            : "raises here: the config stops and the node does not boot"));
      }
    }
  }

  /** Puts unknown values for every key of an undecided statement. */
  private static void put(AppConfig config, Put p, Value.Unknown why) {
    if (p.key() != null) {
      config.put(p.app(), p.key(), why, p.origin());
    } else if (Keywords.isKeyword(p.value())) {
      List<Value> kw = new ArrayList<>();
      for (String k : Keywords.keys(p.value())) {
        kw.add(new Value.TupleOf(List.of(new Value.Atom(k, p.origin()), why), p.origin()));
      }
      config.put(p.app(), null, new Value.ListOf(kw, p.origin()), p.origin());
    } else {
      config.put(p.app(), null, why, p.origin());
    }
  }

  private static Value.Unknown undecided(Origin origin, Condition when) {
    return new Value.Unknown("config … if " + when.describe(), "set only when " + when.describe()
        + ", which the inputs do not decide", origin);
  }

  private void importFile(String from, Import imp, AppConfig config, Resolver resolver, int depth) {
    Resolver.Resolution r = resolver.resolve(imp.path());
    if (!(r.value() instanceof Value.Text t)) {
      config.note(new Note(from, imp.origin().line(), "import_config of a path that is not known here"));
      return;
    }
    if (depth >= MAX_IMPORTS) {
      config.note(new Note(from, imp.origin().line(), "imports nest too deeply; not followed"));
      return;
    }
    String dir = from.contains("/") ? from.substring(0, from.lastIndexOf('/') + 1) : "";
    String target = normalize(t.text().startsWith("/") ? t.text() : dir + t.text());
    config.imported(target);
    run(target, config, resolver, depth + 1);
  }

  private static String normalize(String path) {
    List<String> out = new ArrayList<>();
    for (String seg : path.replace('\\', '/').split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
        out.remove(out.size() - 1);
      } else {
        out.add(seg);
      }
    }
    return (path.startsWith("/") ? "/" : "") + String.join("/", out);
  }
}
