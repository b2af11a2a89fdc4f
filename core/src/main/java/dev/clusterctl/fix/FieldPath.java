package dev.clusterctl.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field of a Kubernetes object, written as people read it:
 * {@code spec.template.spec.containers[name=app].env[name=RELEASE_NODE].value}. A list item is
 * chosen by its merge key (the key strategic merge patches and kustomize merge lists by: {@code name}
 * for containers and env, {@code port} for Service ports, {@code containerPort} for container ports),
 * never by position, so one path names the same field in the user's file and in a patch over it.
 *
 * @param segments the fields and list items from the object's root
 */
public record FieldPath(List<Segment> segments) {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern ITEM = Pattern.compile("([^.\\[\\]]+)\\[([^=\\]]+)=([^\\]]*)\\]");

  /** One step of a path. */
  public sealed interface Segment {}

  /**
   * A field of a mapping.
   *
   * @param name the field
   */
  public record Field(String name) implements Segment {}

  /**
   * The item of list {@code field} whose {@code key} is {@code value}.
   *
   * @param field the list field
   * @param key the merge key
   * @param value the item's key value (compared as text, so {@code port=4369} finds the number 4369)
   */
  public record Item(String field, String key, String value) implements Segment {}

  /** Copies the list. */
  public FieldPath {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("empty field path");
    }
  }

  /** Parses {@code a.b[key=value].c}; a value holding {@code .} is written as is ({@code [name=a.b]}). */
  public static FieldPath parse(String text) {
    List<Segment> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      Matcher m = ITEM.matcher(text);
      if (m.find(i) && m.start() == i) {
        out.add(new Item(m.group(1), m.group(2), m.group(3)));
        i = m.end();
      } else {
        int dot = text.indexOf('.', i);
        int end = dot < 0 ? text.length() : dot;
        out.add(new Field(text.substring(i, end)));
        i = end;
      }
      if (i < text.length()) {
        if (text.charAt(i) != '.') {
          throw new IllegalArgumentException("field path " + text + ": expected '.' at " + i);
        }
        i++;
      }
    }
    return new FieldPath(out);
  }

  /** The path as {@link #parse} reads it. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Segment s : segments) {
      b.append(b.length() == 0 ? "" : ".");
      if (s instanceof Field f) {
        b.append(f.name());
      } else {
        Item it = (Item) s;
        b.append(it.field()).append('[').append(it.key()).append('=').append(it.value()).append(']');
      }
    }
    return b.toString();
  }

  /** The value at this path in {@code root}, when every step exists. */
  public Optional<JsonNode> get(JsonNode root) {
    JsonNode at = root;
    for (Segment s : segments) {
      at = step(at, s);
      if (at == null) {
        return Optional.empty();
      }
    }
    return Optional.of(at);
  }

  /**
   * Sets the value at this path in {@code root} to {@code value} ({@code null}: removes it),
   * making the mappings and list items on the way (a new list item gets its merge key).
   */
  public void set(ObjectNode root, JsonNode value) {
    JsonNode at = root;
    for (int i = 0; i < segments.size() - 1; i++) {
      at = stepOrMake((ObjectNode) at, segments.get(i));
    }
    ObjectNode parent = (ObjectNode) at;
    Segment last = segments.get(segments.size() - 1);
    if (last instanceof Field f) {
      if (value == null) {
        parent.remove(f.name());
      } else {
        parent.set(f.name(), value);
      }
      return;
    }
    Item it = (Item) last;
    ArrayNode list = parent.get(it.field()) instanceof ArrayNode a ? a : parent.putArray(it.field());
    int index = indexOf(list, it);
    if (value == null) {
      if (index >= 0) {
        list.remove(index);
      }
    } else if (index >= 0) {
      list.set(index, value);
    } else {
      list.add(value);
    }
  }

  /**
   * The smallest object holding {@code value} at this path, as a strategic merge patch writes it:
   * {@code {spec: {template: {spec: {containers: [{name: app, env: [{name: X, value: …}]}]}}}}}.
   */
  public ObjectNode fragment(JsonNode value) {
    ObjectNode root = JSON.objectNode();
    set(root, value);
    return root;
  }

  /**
   * The JSON Patch (RFC 6902) operation that sets this path in {@code original} to {@code value}:
   * {@code replace} where the field exists, else {@code add} at the first step that is missing
   * (a missing list item is appended with {@code /-}), with the rest built as its value. List items
   * are found by merge key in {@code original}, so the patch points at the same item kubectl would.
   */
  public ObjectNode jsonPatch(JsonNode original, JsonNode value) {
    StringBuilder pointer = new StringBuilder();
    JsonNode at = original;
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (s instanceof Field f) {
        if (at == null || !at.isObject() || !at.has(f.name())) {
          ObjectNode rest = JSON.objectNode();
          new FieldPath(segments.subList(i, segments.size())).set(rest, value);
          return op("add", pointer + "/" + escape(f.name()), rest.get(f.name()));
        }
        pointer.append('/').append(escape(f.name()));
        at = at.get(f.name());
      } else {
        Item it = (Item) s;
        JsonNode list = at != null && at.isObject() ? at.get(it.field()) : null;
        ObjectNode rest = JSON.objectNode();
        new FieldPath(segments.subList(i, segments.size())).set(rest, value);
        if (list == null || !list.isArray()) {
          return op("add", pointer + "/" + escape(it.field()), rest.get(it.field()));
        }
        int index = indexOf((ArrayNode) list, it);
        if (index < 0) {
          return op("add", pointer + "/" + escape(it.field()) + "/-", rest.get(it.field()).get(0));
        }
        pointer.append('/').append(escape(it.field())).append('/').append(index);
        at = list.get(index);
      }
    }
    return op("replace", pointer.toString(), value);
  }

  private static ObjectNode op(String op, String path, JsonNode value) {
    ObjectNode o = JSON.objectNode().put("op", op).put("path", path);
    o.set("value", value);
    return o;
  }

  /** RFC 6901 escaping of one reference token. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static JsonNode step(JsonNode at, Segment s) {
    if (s instanceof Field f) {
      return at.isObject() ? at.get(f.name()) : null;
    }
    Item it = (Item) s;
    JsonNode list = at.isObject() ? at.get(it.field()) : null;
    if (list == null || !list.isArray()) {
      return null;
    }
    int i = indexOf((ArrayNode) list, it);
    return i < 0 ? null : list.get(i);
  }

  private static JsonNode stepOrMake(ObjectNode at, Segment s) {
    if (s instanceof Field f) {
      return at.get(f.name()) instanceof ObjectNode o ? o : at.putObject(f.name());
    }
    Item it = (Item) s;
    ArrayNode list = at.get(it.field()) instanceof ArrayNode a ? a : at.putArray(it.field());
    int i = indexOf(list, it);
    if (i >= 0) {
      return list.get(i);
    }
    ObjectNode item = list.addObject();
    item.set(it.key(), keyValue(it.value()));
    return item;
  }

  private static int indexOf(ArrayNode list, Item it) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode k = list.get(i).get(it.key());
      if (k != null && k.asText().equals(it.value())) {
        return i;
      }
    }
    return -1;
  }

  /** A merge key's value: a number for numeric keys ({@code port=4369}), else text. */
  private static JsonNode keyValue(String v) {
    return v.matches("[0-9]{1,9}") ? JSON.numberNode(Integer.parseInt(v)) : JSON.textNode(v);
  }
}
