package dev.clusterctl.elixir;

import dev.clusterctl.release.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application config as Elixir's {@code Config} would build it for one config environment:
 * {@code config} calls merged in order ({@link Keywords}), values kept as written (with their
 * {@code System.get_env} calls) and resolved on request against the environments given.
 */
public final class AppConfig {

  /**
   * A {@code config :app, opts} whose keys could not be read: any key of {@code app} read
   * afterwards is unknown, unless set again later.
   */
  private record Unread(String app, int seq, Value.Unknown why) {}

  private Value.ListOf config;
  private final List<Unread> unread = new ArrayList<>();
  private final Map<String, Integer> lastWrite = new HashMap<>();
  private final List<Note> notes = new ArrayList<>();
  private final List<String> files = new ArrayList<>();
  private final List<String> imports = new ArrayList<>();
  private final Resolver resolver;
  private int seq;

  AppConfig(Resolver resolver) {
    this.config = new Value.ListOf(List.of(), Origin.defaulted("Config"));
    this.resolver = resolver.withConfig(this);
  }

  // ---- building ----

  void put(String app, String key, Value value, Origin origin) {
    seq++;
    Value.Atom appAtom = new Value.Atom(app, origin);
    Value.ListOf kw;
    if (key == null) {
      if (!Keywords.isKeyword(value)) {
        unread.add(new Unread(app, seq, value instanceof Value.Unknown u ? u
            : new Value.Unknown("config :" + app + ", …", "the options are not a keyword list read here", origin)));
        return;
      }
      kw = (Value.ListOf) value;
      for (String k : Keywords.keys(kw)) {
        lastWrite.put(app + "\u0000" + k, seq);
      }
    } else {
      kw = new Value.ListOf(List.of(new Value.TupleOf(List.of(new Value.Atom(key, origin), value), origin)), origin);
      lastWrite.put(app + "\u0000" + key, seq);
    }
    Value.ListOf entry = new Value.ListOf(List.of(new Value.TupleOf(List.of(appAtom, kw), origin)), origin);
    config = Keywords.configMerge(config, entry, config.origin());
  }

  void note(Note n) {
    notes.add(n);
  }

  void file(String f) {
    files.add(f);
  }

  void imported(String f) {
    imports.add(f);
  }

  // ---- reading ----

  /** The applications configured, in the order Elixir keeps them. */
  public List<String> apps() {
    return Keywords.keys(config);
  }

  /** The whole config as written (a list of {@code {app, keyword}}), deferred values unresolved. */
  public Value.ListOf written() {
    return config;
  }

  /** The keyword list of {@code app} as written. */
  public Optional<Value> written(String app) {
    return Keywords.get(config, app);
  }

  /** The value of {@code app}/{@code key} as written (may hold {@code System.get_env} and the like). */
  public Optional<Value> written(String app, String key) {
    return written(app).flatMap(kw -> Keywords.get(kw, key));
  }

  /** Why {@code app}/{@code key} is unknown: a later {@code config :app, …} whose keys could not be read. */
  Optional<Value.Unknown> unread(String app, String key) {
    int last = lastWrite.getOrDefault(app + "\u0000" + key, 0);
    return unread.stream().filter(u -> u.app().equals(app) && u.seq() > last).map(Unread::why).reduce((a, b) -> b);
  }

  /** The value of {@code app}/{@code key}, resolved; empty when no config sets it. */
  public Optional<Resolver.Resolution> get(String app, String key) {
    Optional<Value.Unknown> u = unread(app, key);
    if (u.isPresent()) {
      return Optional.of(resolver.resolve(u.get()));
    }
    return written(app, key).map(resolver::resolve);
  }

  /** The whole config resolved, as {@code Config.Reader.read!/2} would return it. */
  public Resolver.Resolution resolved() {
    return resolver.resolve(config);
  }

  /** What was not read, in order. */
  public List<Note> notes() {
    return List.copyOf(notes);
  }

  /** The files read, in order (imports included). */
  public List<String> files() {
    return List.copyOf(files);
  }

  /** The files {@code import_config} names, in order, whether or not they are among the inputs. */
  public List<String> imports() {
    return List.copyOf(imports);
  }

  /** The resolver this config resolves with. */
  public Resolver resolver() {
    return resolver;
  }
}
