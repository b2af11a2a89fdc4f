package dev.clusterctl.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.fix.Change;
import dev.clusterctl.fix.ObjectKey;
import dev.clusterctl.fix.Yaml;
import dev.clusterctl.gather.Gathered;
import dev.clusterctl.kube.LoadedObject;
import dev.clusterctl.release.NamedText;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a verified fix to a directory, for {@code kubectl apply -k DIR}:
 * <ul>
 *   <li>{@code base/resources.yaml}: the objects as read (from files or the API, without the
 *       server's own fields);
 *   <li>{@code patches/NN-kind-name.yaml}: one JSON Patch (RFC 6902) per changed object, and
 *       {@code kustomization.yaml} listing the base, the new objects and the patches;
 *   <li>{@code release/…}: each changed release file, whole;
 *   <li>{@code rendered/}: the fixed set-up complete, the manifests with the release files beside
 *       them, so that {@code clusterctl doctor -f DIR/rendered} judges it with nothing else.
 * </ul>
 */
public final class FixWriter {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final KubernetesSerialization serialization = new KubernetesSerialization();

  /**
   * Writes the fix of {@code d} (its changes, concrete against the inputs as the planner applied
   * them) to {@code dir}; a non-empty {@code dir} is refused unless {@code force}.
   *
   * @return the files written, relative to {@code dir}
   * @throws BadInputException when {@code dir} exists and is not an empty directory (without {@code force}), or cannot be written
   * @throws IllegalStateException when {@code d} has no verified fix, or several options
   */
  public List<String> write(Path dir, boolean force, Doctor.Diagnosis d) {
    if (d.fixes().size() != 1) {
      throw new IllegalStateException(d.fixes().isEmpty() ? "no verified fix to write" : "the fix is a choice of " + d.fixes().size() + " options: name one");
    }
    return write(dir, force, d, 1);
  }

  /**
   * Writes option {@code option} (1-based, in the plan's order) of {@code d}'s fix to {@code dir};
   * a plan without options has one, option 1.
   *
   * @return the files written, relative to {@code dir}
   * @throws BadInputException when {@code dir} exists and is not an empty directory (without {@code force}), or cannot be written
   * @throws IllegalArgumentException when there is no such option
   */
  public List<String> write(Path dir, boolean force, Doctor.Diagnosis d, int option) {
    if (option < 1 || option > d.fixes().size()) {
      throw new IllegalArgumentException("no option " + option + " among " + d.fixes().size());
    }
    Doctor.Fix fix = d.fixes().get(option - 1);
    Gathered fixed = fix.fixed();
    refuseNonEmpty(dir, force);
    String ns = d.report().target().namespace();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("base/resources.yaml", yaml(d.gathered().objects().stream().map(LoadedObject::object).toList()));

    Map<String, Patch> patches = new LinkedHashMap<>();
    // each object as the operations so far leave it: an operation's list index is where the entry
    // is after the ones before it (an entry inserted or moved above shifts the rest), as kubectl
    // applies them, one after another
    Map<String, ObjectNode> working = new LinkedHashMap<>();
    List<String> resources = new ArrayList<>(List.of("base/resources.yaml"));
    for (Change change : fix.changes()) {
      if (change instanceof Change.ObjectField f) {
        ObjectNode tree = working.computeIfAbsent(f.object().toString(), k -> serialization.convertValue(
            d.gathered().objects().stream().map(LoadedObject::object).filter(o -> f.object().is(o, ns)).findFirst()
                .orElseThrow(() -> new IllegalStateException(f.object() + " is not among the inputs")), ObjectNode.class));
        Patch p = patches.computeIfAbsent(f.object().toString(), k -> new Patch(f.object(), JSON.arrayNode()));
        p.ops().add(f.path().jsonPatch(tree, f.after()));
        f.path().set(tree, f.after());
      } else if (change instanceof Change.NewObject n) {
        String file = n.object().kind().toLowerCase(java.util.Locale.ROOT) + "-" + n.object().name() + ".yaml";
        files.put(file, yaml(List.of(serialization.convertValue(n.manifest(), io.fabric8.kubernetes.api.model.GenericKubernetesResource.class))));
        resources.add(file);
      }
    }
    List<Patch> patchList = new ArrayList<>();
    int i = 1;
    for (Patch p : patches.values()) {
      String file = String.format("patches/%02d-%s-%s.yaml", i++, p.target().kind().toLowerCase(java.util.Locale.ROOT), p.target().name());
      files.put(file, Yaml.write(p.ops()));
      patchList.add(new Patch(p.target(), p.ops(), file));
    }
    files.put("kustomization.yaml", kustomization(resources, patchList));

    for (NamedText t : releaseTexts(fixed)) {
      if (fix.fixedFiles().contains(t.name())) {
        files.put("release/" + releasePath(t.name()), t.text());
      }
      files.put("rendered/" + releasePath(t.name()), t.text());
    }
    List<HasMetadata> renderedObjects = new ArrayList<>(fixed.objects().stream().map(LoadedObject::object).toList());
    fixed.corefile().ifPresent(c -> renderedObjects.add(corednsConfigMap(c.text())));
    files.put("rendered/manifests.yaml", yaml(renderedObjects));

    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      try {
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
      } catch (IOException ex) {
        throw new BadInputException("--fix " + dir + ": cannot write " + e.getKey() + ": " + ex.getMessage(), ex);
      }
    }
    return List.copyOf(files.keySet());
  }

  private static void refuseNonEmpty(Path dir, boolean force) {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new BadInputException("--fix " + dir + ": not a directory");
    }
    if (force) {
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      if (s.findAny().isPresent()) {
        throw new BadInputException("--fix " + dir + ": the directory is not empty (give --force to write into it)");
      }
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException("--fix " + dir + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * One object's JSON Patch (RFC 6902) operations, and the file they are written to.
   *
   * @param target the object
   * @param ops the operations
   * @param file the file, once written
   */
  private record Patch(ObjectKey target, ArrayNode ops, String file) {
    Patch(ObjectKey target, ArrayNode ops) {
      this(target, ops, "");
    }
  }

  private static String kustomization(List<String> resources, List<Patch> patches) {
    StringBuilder b = new StringBuilder("# Written by clusterctl doctor --fix: the inputs as read (base/), and the changes that make every check pass.\n");
    b.append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
    resources.forEach(r -> b.append("- ").append(r).append('\n'));
    if (!patches.isEmpty()) {
      b.append("patches:\n");
      for (Patch p : patches) {
        ObjectKey t = p.target();
        String group = t.apiVersion().contains("/") ? t.apiVersion().substring(0, t.apiVersion().indexOf('/')) : "";
        String version = t.apiVersion().substring(t.apiVersion().indexOf('/') + 1);
        b.append("- path: ").append(p.file()).append("\n  target:\n");
        if (!group.isEmpty()) {
          b.append("    group: ").append(group).append('\n');
        }
        b.append("    version: ").append(version).append("\n    kind: ").append(t.kind()).append("\n    namespace: ").append(t.namespace())
            .append("\n    name: ").append(t.name()).append('\n');
      }
    }
    return b.toString();
  }

  /** The objects as YAML documents, without what the API server adds (status, uid, resourceVersion, managedFields). */
  private String yaml(List<HasMetadata> objects) {
    StringBuilder b = new StringBuilder();
    for (HasMetadata o : objects) {
      ObjectNode tree = serialization.convertValue(o, ObjectNode.class);
      tree.remove("status");
      JsonNode meta = tree.get("metadata");
      if (meta instanceof ObjectNode m) {
        for (String f : List.of("uid", "resourceVersion", "managedFields", "creationTimestamp", "generation", "selfLink")) {
          m.remove(f);
        }
      }
      String doc = Yaml.write(tree);
      b.append("---\n").append(doc);
      if (!doc.endsWith("\n")) {
        b.append('\n');
      }
    }
    return b.toString();
  }

  private HasMetadata corednsConfigMap(String corefile) {
    ObjectNode cm = JSON.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    cm.putObject("metadata").put("name", FixApplier.COREDNS_NAME).put("namespace", FixApplier.COREDNS_NAMESPACE);
    cm.putObject("data").put("Corefile", corefile);
    return serialization.convertValue(cm, io.fabric8.kubernetes.api.model.ConfigMap.class);
  }

  /** The release files of {@code g} as text: env.sh, vm.args, sys.config and the Elixir project's files. */
  private static List<NamedText> releaseTexts(Gathered g) {
    List<NamedText> out = new ArrayList<>();
    g.sysConfig().ifPresent(s -> out.add(new NamedText(s.source(), s.text())));
    g.release().releaseEnv().ifPresent(out::add);
    g.release().vmArgs().ifPresent(out::add);
    out.addAll(g.release().elixirConfig());
    out.addAll(g.release().elixirModules());
    return out;
  }

  /**
   * Where a release file goes under {@code release/} and {@code rendered/}: from its project folder
   * on ({@code config/vm.args.src}, {@code rel/env.sh.eex}, {@code lib/app/application.ex}), where the
   * doctor looks for it beside the manifests; else its name.
   */
  static String releasePath(String file) {
    String p = file.replace('\\', '/');
    for (String folder : List.of("/rel/", "/config/", "/lib/", "/releases/")) {
      int i = p.lastIndexOf(folder);
      if (i >= 0) {
        return p.substring(i + 1);
      }
    }
    for (String folder : List.of("rel/", "config/", "lib/", "releases/")) {
      if (p.startsWith(folder)) {
        return p;
      }
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
