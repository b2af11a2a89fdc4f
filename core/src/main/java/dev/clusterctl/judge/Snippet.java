package dev.clusterctl.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.fix.Yaml;
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
}
