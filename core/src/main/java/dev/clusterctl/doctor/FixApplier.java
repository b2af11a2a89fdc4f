package dev.clusterctl.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.fix.Change;
import dev.clusterctl.fix.FieldPath;
import dev.clusterctl.fix.ObjectKey;
import dev.clusterctl.gather.Gathered;
import dev.clusterctl.kube.LoadedObject;
import dev.clusterctl.release.NamedText;
import dev.clusterctl.release.ReleaseFiles;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies changes to what a source gathered: a field of an object (through its JSON form, so the
 * path names list items by merge key as a strategic merge patch does), a new object, a line of a
 * release file. A Corefile directive is first made concrete against the inputs: an edit of the
 * {@code kube-system/coredns} ConfigMap among them, else that ConfigMap whole.
 */
final class FixApplier {

  static final String COREDNS_NAMESPACE = "kube-system";
  static final String COREDNS_NAME = "coredns";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern ORIGIN_LINE = Pattern.compile("^(.*):(\\d+)$");
  private static final Pattern KUBERNETES_BLOCK = Pattern.compile("(?m)^([ \\t]*)kubernetes\\s+([^{\\n]*)\\{[ \\t]*$");

  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final String namespace;

  /** An applier for objects that name no namespace being in {@code namespace}. */
  FixApplier(String namespace) {
    this.namespace = namespace;
  }

  /**
   * One applied change, with what was there before.
   *
   * @param change the concrete change
   * @param file the file it changes, or where the new object will be written
   * @param line the object's or the line's 1-based line; 0 when not known
   * @param before the value or line before ({@code (none)} when added)
   * @param after the value or line after
   */
  record Applied(Change change, String file, int line, String before, String after) {

    /** True when the value or line was already so: applied, it changes nothing. */
    boolean changesNothing() {
      return before.equals(after);
    }
  }

  /** The result of applying changes: the changed inputs, and each concrete change with its before and after. */
  record Result(Gathered gathered, List<Applied> applied) {}

  /** Applies {@code changes} to {@code g}; a change that cannot apply is an {@link IllegalArgumentException}. */
  Result apply(Gathered g, List<Change> changes) {
    List<LoadedObject> objects = new ArrayList<>(g.objects());
    ReleaseFiles files = g.release();
    Optional<VmArgs> vmArgs = g.vmArgs();
    Optional<SysConfig> sysConfig = g.sysConfig();
    List<Applied> applied = new ArrayList<>();
    for (Change c : changes) {
      Change concrete = c instanceof Change.CorefileDirective d ? corefile(d, objects, g.corefile()) : c;
      if (concrete instanceof Change.DiscoverySetting ds) {
        concrete = setting(ds, sysConfig);
      } else if (concrete instanceof Change.TextOnLine t) {
        concrete = text(t, files);
      }
      if (concrete instanceof Change.ObjectField f) {
        int i = find(objects, f.object());
        if (i < 0) {
          throw new IllegalArgumentException(f.object() + " is not among the inputs");
        }
        LoadedObject o = objects.get(i);
        ObjectNode tree = serialization.convertValue(o.object(), ObjectNode.class);
        Optional<JsonNode> was = f.path().get(tree);
        OptionalInt from = f.path().index(tree);
        f.path().set(tree, f.after());
        String before = was.map(FixApplier::shown).orElse("(none)");
        Change.ObjectField done = f;
        String after = shown(f.after());
        Optional<String> sibling = f.path().place();
        if (sibling.isPresent() && f.after() != null) {
          // a placed item given by its key alone is moved as it is: the concrete change carries the whole item
          done = new Change.ObjectField(f.object(), f.path(), f.path().get(tree).orElseThrow());
          String list = f.path().listName();
          before = was.isEmpty() ? "(none)" : before + " (" + list + " entry " + (from.getAsInt() + 1) + ")";
          after = shown(done.after()) + " (" + list + " entry " + (f.path().index(tree).getAsInt() + 1) + ", above " + sibling.get() + ")";
        }
        HasMetadata changed = asTypeOf(tree, o.object());
        objects.set(i, new LoadedObject(changed, o.origin()));
        applied.add(new Applied(done, file(o.origin()), line(o.origin()), before, after));
      } else if (concrete instanceof Change.NewObject n) {
        HasMetadata object = switch (n.object().kind()) {
          case "ConfigMap" -> serialization.convertValue(n.manifest(), ConfigMap.class);
          case "Service" -> serialization.convertValue(n.manifest(), io.fabric8.kubernetes.api.model.Service.class);
          default -> serialization.convertValue(n.manifest(), io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
        };
        objects.add(new LoadedObject(object, "fix: " + n.object()));
        applied.add(new Applied(n, n.object().kind().toLowerCase(java.util.Locale.ROOT) + "-" + n.object().name() + ".yaml", 0, "(none)", n.note()));
      } else if (concrete instanceof Change.FileLine l && sysConfig.filter(sc -> sc.source().equals(l.file())).isPresent()) {
        // sys.config: the line edited in its text, which is read again as the VM would read it
        Edited e = edit(new NamedText(l.file(), sysConfig.get().text()), l);
        sysConfig = Optional.of(SysConfig.parse(e.text().text(), l.file()));
        applied.add(e.applied());
      } else if (concrete instanceof Change.FileLine l) {
        NamedText text = releaseFile(files, l.file()).orElseThrow(() -> new IllegalArgumentException(l.file() + " is not among the inputs"));
        Edited e = edit(text, l);
        files = replace(files, e.text());
        if (vmArgs.isPresent() && vmArgs.get().source().equals(text.name())) {
          vmArgs = Optional.of(VmArgs.parse(e.text().text(), e.text().name()));
        }
        applied.add(e.applied());
      } else {
        throw new IllegalArgumentException("cannot apply " + c.where());
      }
    }
    Gathered out = new Gathered(objects, g.corefile().filter(x -> changes.stream().noneMatch(Change.CorefileDirective.class::isInstance)), sysConfig,
        vmArgs, files, g.inputs(), g.namespace(), g.live());
    return new Result(out, applied);
  }

  /**
   * The setting as a line of sys.config: the line after the discovery's start that holds
   * {@code key =>} (what follows a {@code %} is a comment), its value replaced; else the line with
   * the map's {@code #{}, the pair added after it.
   */
  private static Change.FileLine setting(Change.DiscoverySetting ds, Optional<SysConfig> sysConfig) {
    SysConfig sc = sysConfig.filter(x -> x.source().equals(ds.file())).orElseThrow(() -> new IllegalArgumentException(ds.file() + " is not among the inputs"));
    List<String> lines = List.of(sc.text().split("\n", -1));
    int from = sc.discoveryLine().orElseThrow(() -> new IllegalArgumentException(ds.file() + " configures no gen_cluster discovery"));
    Pattern key = Pattern.compile("\\b" + Pattern.quote(ds.key()) + "\\s*=>\\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_@.]+)");
    for (int i = from - 1; i < lines.size(); i++) {
      String code = code(lines.get(i));
      Matcher m = key.matcher(code);
      if (m.find()) {
        String line = lines.get(i);
        return new Change.FileLine(ds.file(), i + 1, line, line.substring(0, m.start(1)) + ds.value() + line.substring(m.end(1)));
      }
    }
    for (int i = from - 1; i < lines.size(); i++) {
      int open = code(lines.get(i)).indexOf("#{");
      if (open >= 0) {
        String line = lines.get(i);
        String rest = line.substring(open + 2).stripLeading();
        String pair = ds.key() + " => " + ds.value() + (rest.startsWith("}") ? "" : ", ");
        return new Change.FileLine(ds.file(), i + 1, line, line.substring(0, open + 2) + pair + rest);
      }
    }
    throw new IllegalArgumentException(ds.file() + ": no discovery map to set " + ds.key() + " in");
  }

  /** The replacement as a line of the release file; the text must be on that line. */
  private static Change.FileLine text(Change.TextOnLine t, ReleaseFiles files) {
    // an Elixir setting's origin names its file from the project's folder on (config/prod.exs)
    NamedText file = releaseFile(files, t.file()).or(() -> {
      List<NamedText> within = allReleaseFiles(files).stream().filter(f -> f.name().replace('\\', '/').endsWith("/" + t.file())).toList();
      return within.size() == 1 ? Optional.of(within.get(0)) : Optional.empty();
    }).orElseThrow(() -> new IllegalArgumentException(t.file() + " is not among the inputs"));
    List<String> lines = List.of(file.text().split("\n", -1));
    if (t.line() < 1 || t.line() > lines.size()) {
      throw new IllegalArgumentException(t.file() + " has no line " + t.line());
    }
    String line = lines.get(t.line() - 1);
    int at = line.indexOf(t.find());
    if (at < 0) {
      throw new IllegalArgumentException(t.file() + ":" + t.line() + " does not hold " + t.find());
    }
    return new Change.FileLine(file.name(), t.line(), line, line.substring(0, at) + t.replace() + line.substring(at + t.find().length()));
  }

  /** A line without its comment: what precedes a {@code %} outside a string. */
  private static String code(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (ch == '%' && !quoted) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** A file's text with one line changed, and the change as applied. */
  private record Edited(NamedText text, Applied applied) {}

  /** {@code l} applied to {@code text}: a line replaced, added before {@code l.line()} (no {@code before}) or removed (no {@code after}). */
  private static Edited edit(NamedText text, Change.FileLine l) {
    List<String> lines = new ArrayList<>(List.of(text.text().split("\n", -1)));
    boolean insert = l.before() == null;
    if (l.line() < 1 || l.line() > lines.size() + (insert ? 1 : 0)) {
      throw new IllegalArgumentException(l.file() + " has no line " + l.line());
    }
    String before = insert ? null : lines.get(l.line() - 1);
    if (insert && l.after() == null) {
      throw new IllegalArgumentException(l.file() + ":" + l.line() + ": a line neither added nor changed");
    } else if (insert) {
      lines.add(l.line() - 1, l.after());
    } else if (l.after() == null) {
      lines.remove(l.line() - 1);
    } else {
      lines.set(l.line() - 1, l.after());
    }
    NamedText changed = new NamedText(text.name(), String.join("\n", lines));
    return new Edited(changed, new Applied(new Change.FileLine(l.file(), l.line(), before, l.after()), l.file(), l.line(), before == null ? "(none)" : before,
        l.after() == null ? "(none)" : l.after()));
  }

  /**
   * The directive as a change of the inputs: the coredns ConfigMap's Corefile among the objects
   * edited; else the whole ConfigMap, from {@code --corefile}'s text or kubeadm's default.
   */
  private Change corefile(Change.CorefileDirective d, List<LoadedObject> objects, Optional<Corefile> given) {
    ObjectKey key = new ObjectKey("v1", "ConfigMap", COREDNS_NAMESPACE, COREDNS_NAME);
    if (given.isEmpty()) {
      int i = find(objects, key);
      if (i >= 0 && objects.get(i).object() instanceof ConfigMap cm && cm.getData() != null && cm.getData().get("Corefile") != null) {
        return new Change.ObjectField(key, FieldPath.parse("data.Corefile"), JSON.textNode(withDirective(cm.getData().get("Corefile"), d)));
      }
    }
    String base = given.map(Corefile::text).orElse(Corefile.kubeadmDefaultText());
    ObjectNode cm = JSON.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    cm.putObject("metadata").put("name", COREDNS_NAME).put("namespace", COREDNS_NAMESPACE);
    cm.putObject("data").put("Corefile", withDirective(base, d));
    return new Change.NewObject(key, cm, "the whole kube-system/coredns ConfigMap (" + (given.isPresent() ? "--corefile " + given.get().source() : "kubeadm's default Corefile")
        + ") with " + d.directive() + "; applying it replaces the cluster's Corefile");
  }

  /** {@code corefile} with {@code d.directive()} as the first line of the kubernetes block serving {@code d.zone()} (unchanged when it is there). */
  static String withDirective(String corefile, Change.CorefileDirective d) {
    Matcher m = KUBERNETES_BLOCK.matcher(corefile);
    while (m.find()) {
      String zones = " " + m.group(2).trim() + " ";
      if (zones.contains(" " + d.zone() + " ") || zones.contains(" " + d.zone() + ". ")) {
        int end = corefile.indexOf('}', m.end());
        if (end > 0 && corefile.substring(m.end(), end).matches("(?s).*\\b" + Pattern.quote(d.directive()) + "\\b.*")) {
          return corefile;
        }
        return corefile.substring(0, m.end()) + "\n" + m.group(1) + "   " + d.directive() + corefile.substring(m.end());
      }
    }
    throw new IllegalArgumentException("the Corefile has no kubernetes block for " + d.zone());
  }

  /** {@code tree} read as an object of {@code like}'s class. */
  private <T extends HasMetadata> T asTypeOf(JsonNode tree, T like) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) like.getClass();
    return serialization.convertValue(tree, type);
  }

  private int find(List<LoadedObject> objects, ObjectKey key) {
    for (int i = 0; i < objects.size(); i++) {
      HasMetadata o = objects.get(i).object();
      if (o.getMetadata() != null && o.getMetadata().getName() != null && key.is(o, namespace)) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<NamedText> releaseFile(ReleaseFiles f, String name) {
    return allReleaseFiles(f).stream().filter(t -> t.name().equals(name)).findFirst();
  }

  private static List<NamedText> allReleaseFiles(ReleaseFiles f) {
    List<NamedText> all = new ArrayList<>();
    f.releaseEnv().ifPresent(all::add);
    f.vmArgs().ifPresent(all::add);
    all.addAll(f.elixirConfig());
    all.addAll(f.elixirModules());
    return all;
  }

  private static ReleaseFiles replace(ReleaseFiles f, NamedText changed) {
    Optional<NamedText> env = f.releaseEnv().map(t -> t.name().equals(changed.name()) ? changed : t);
    Optional<NamedText> vm = f.vmArgs().map(t -> t.name().equals(changed.name()) ? changed : t);
    List<NamedText> config = f.elixirConfig().stream().map(t -> t.name().equals(changed.name()) ? changed : t).toList();
    return new ReleaseFiles(env, vm, config, f.elixirModules(), f.releaseName());
  }

  /** A value as one line: text as it is, anything else as compact JSON. */
  static String shown(JsonNode v) {
    return v == null ? "(none)" : v.isTextual() ? v.asText() : v.toString();
  }

  /** The file of an origin such as {@code k8s/app.yaml:12}. */
  static String file(String origin) {
    Matcher m = ORIGIN_LINE.matcher(origin);
    return m.matches() ? m.group(1) : origin;
  }

  /** The line of an origin such as {@code k8s/app.yaml:12}; 0 without one. */
  static int line(String origin) {
    Matcher m = ORIGIN_LINE.matcher(origin);
    return m.matches() ? Integer.parseInt(m.group(2)) : 0;
  }
}
