package dev.clusterctl.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.fix.Change;
import dev.clusterctl.fix.FieldPath;
import dev.clusterctl.fix.ObjectKey;
import dev.clusterctl.fix.Yaml;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.model.WorkloadInfo;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remediation YAML built as objects and written by Jackson's YAML serializer (as fabric8 writes manifests), so a label value such as
 * {@code "true"}, {@code "on"} or {@code "1.10"} stays a string when kubectl reads the snippet back
 * (string concatenation printed them bare, and kubectl read a bool or a number).
 */
final class Snippet {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Snippet() {}

  /** {@code node} as YAML, without a document marker ({@link Yaml}). */
  static String yaml(JsonNode node) {
    return Yaml.write(node);
  }

  /** A new mapping. */
  static ObjectNode object() {
    return JSON.objectNode();
  }

  /** {@code labels} as a mapping, keys sorted. */
  static ObjectNode labels(Map<String, String> labels) {
    ObjectNode o = JSON.objectNode();
    new TreeMap<>(labels).forEach(o::put);
    return o;
  }

  /** The header of a strategic merge patch of {@code key}: apiVersion, kind, name and namespace. */
  static ObjectNode patch(ObjectKey key) {
    ObjectNode p = JSON.objectNode().put("apiVersion", key.apiVersion()).put("kind", key.kind());
    p.putObject("metadata").put("name", key.name()).put("namespace", key.namespace());
    return p;
  }

  /** {@code patch} with {@code value} at {@code path} (list items by merge key). */
  static ObjectNode set(ObjectNode patch, String path, JsonNode value) {
    FieldPath.parse(path).set(patch, value);
    return patch;
  }

  /** {@code changes} (fields of one object) as the strategic merge patch a user applies, in YAML. */
  static String of(Change.ObjectField... changes) {
    ObjectNode p = patch(changes[0].object());
    for (Change.ObjectField c : changes) {
      c.path().set(p, c.after());
    }
    return yaml(p);
  }

  /** The release container's field {@code path} (under the container) in a patch of the workload, as YAML. */
  static String container(WorkloadInfo w, String path, JsonNode value) {
    return of(Proposals.containerField(w, path, value));
  }

  /** The env entry {@code name} of the release container, from the Secret {@code erlang-cookie}, as a patch of the workload. */
  static String envFromSecret(WorkloadInfo w, String name) {
    ObjectNode e = JSON.objectNode().put("name", name);
    e.putObject("valueFrom").putObject("secretKeyRef").put("name", "erlang-cookie").put("key", "cookie");
    return container(w, "env[name=" + name + "]", e);
  }

  /** The env entry {@code name=value} of the release container, as a patch of the workload. */
  static String envValue(WorkloadInfo w, String name, String value) {
    return of(Proposals.envValue(w, name, value));
  }

  /** The env entry {@code name} of the release container from {@code fieldRef} {@code fieldPath}, as a patch of the workload. */
  static String envFieldRef(WorkloadInfo w, String name, String fieldPath) {
    return of(Proposals.envFieldRef(w, name, fieldPath));
  }

  /** A field of Service {@code s} as a patch. */
  static String service(ServiceInfo s, String path, JsonNode value) {
    return of(Proposals.field(Proposals.key(s), path, value));
  }

  /** A text value. */
  static JsonNode text(String value) {
    return JSON.textNode(value);
  }
}
