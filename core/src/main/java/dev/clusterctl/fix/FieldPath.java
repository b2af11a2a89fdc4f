package dev.clusterctl.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field of a Kubernetes object, written as people read it:
 * {@code spec.template.spec.containers[name=app].env[name=RELEASE_NODE].value}. A list item is
 * chosen by its merge key (the key strategic merge patches and kustomize merge lists by: {@code name}
 * for containers and env, {@code port} for Service ports, {@code containerPort} for container ports),
 * never by position, so one path names the same field in the user's file and in a patch over it.
 * The last item may carry a place, {@code env[name=POD_IP,before=RELEASE_NODE]}: the item is put just
 * before its sibling {@code RELEASE_NODE} (added there, or moved up when it comes later), since
 * Kubernetes expands {@code $(VAR)} in an env value only from entries above it.
 *
 * @param segments the fields and list items from the object's root
 */
public record FieldPath(List<Segment> segments) {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern ITEM = Pattern.compile("([^.\\[\\]]+)\\[([^=\\]]+)=([^\\],]*)(?:,before=([^\\]]+))?\\]");

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
   * @param before {@code null}, or the key value of the sibling the item must come before: a missing
   *     item is inserted just above it, an item below it is moved there (the sibling missing: appended)
   */
  public record Item(String field, String key, String value, String before) implements Segment {

    /** An item with no place. */
    public Item(String field, String key, String value) {
      this(field, key, value, null);
    }
  }

  /** Copies the list; only the last step may carry a place. */
  public FieldPath {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("empty field path");
    }
    for (int i = 0; i < segments.size() - 1; i++) {
      if (segments.get(i) instanceof Item it && it.before() != null) {
        throw new IllegalArgumentException("field path: only the last list item may have a place (before=" + it.before() + ")");
      }
    }
  }

  /**
   * Parses {@code a.b[key=value].c}; a value holding {@code .} is written as is ({@code [name=a.b]}),
   * a place as {@code [key=value,before=other]}.
   */
  public static FieldPath parse(String text) {
    List<Segment> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      Matcher m = ITEM.matcher(text);
      if (m.find(i) && m.start() == i) {
        out.add(new Item(m.group(1), m.group(2), m.group(3), m.group(4)));
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
        b.append(it.field()).append('[').append(it.key()).append('=').append(it.value());
        b.append(it.before() == null ? "" : ",before=" + it.before()).append(']');
      }
    }
    return b.toString();
  }

  /** This path with its last step, a list item, placed before the sibling whose key value is {@code sibling}. */
  public FieldPath before(String sibling) {
    if (!(segments.get(segments.size() - 1) instanceof Item it)) {
      throw new IllegalArgumentException("field path " + this + ": only a list item has a place");
    }
    List<Segment> out = new ArrayList<>(segments.subList(0, segments.size() - 1));
    out.add(new Item(it.field(), it.key(), it.value(), sibling));
    return new FieldPath(out);
  }

  /** The key value of the sibling the last step's item must come before, when it has a place. */
  public Optional<String> place() {
    return segments.get(segments.size() - 1) instanceof Item it ? Optional.ofNullable(it.before()) : Optional.empty();
  }

  /** The list field of the last step ({@code env}), or its field name when it is no list item. */
  public String listName() {
    Segment last = segments.get(segments.size() - 1);
    return last instanceof Item it ? it.field() : ((Field) last).name();
  }

  /** The 0-based position of the last step's item in its list in {@code root}, when it is a list item that exists. */
  public OptionalInt index(JsonNode root) {
    if (!(segments.get(segments.size() - 1) instanceof Item it)) {
      return OptionalInt.empty();
    }
    JsonNode parent = segments.size() == 1 ? root : new FieldPath(segments.subList(0, segments.size() - 1)).get(root).orElse(null);
    JsonNode list = parent != null && parent.isObject() ? parent.get(it.field()) : null;
    int i = list != null && list.isArray() ? indexOf((ArrayNode) list, it) : -1;
    return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
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
   * making the mappings and list items on the way (a new list item gets its merge key). A placed
   * item is inserted before its sibling, or moved there when it comes later; given as its merge key
   * alone ({@code {"name": "POD_NAME"}}), an item that exists is moved as it is.
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
      return;
    }
    JsonNode item = index >= 0 && keyOnly(value, it) ? list.get(index) : value;
    int sibling = it.before() == null ? -1 : indexOf(list, it.key(), it.before());
    if (index >= 0 && (sibling < 0 || sibling > index)) {
      list.set(index, item);
    } else if (index >= 0) {
      list.remove(index);
      list.insert(sibling, item);
    } else if (sibling >= 0) {
      list.insert(sibling, item);
    } else {
      list.add(item);
    }
  }

  /** True when {@code value} is an object holding nothing but {@code it}'s merge key: a place for an item that exists, not a new value. */
  private static boolean keyOnly(JsonNode value, Item it) {
    return it.before() != null && value.isObject() && value.size() == 1 && value.has(it.key()) && value.get(it.key()).asText().equals(it.value());
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
   * A placed item is added at its sibling's index, or, when it exists below that sibling, moved
   * there ({@code move}, which keeps the item as it is: {@code value} must be that item or its key alone).
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
        int sibling = it.before() == null ? -1 : indexOf((ArrayNode) list, it.key(), it.before());
        String listPointer = pointer + "/" + escape(it.field()) + "/";
        if (index < 0) {
          return op("add", listPointer + (sibling < 0 ? "-" : String.valueOf(sibling)), rest.get(it.field()).get(0));
        }
        if (sibling >= 0 && sibling < index) {
          if (!keyOnly(value, it) && !value.equals(list.get(index))) {
            throw new IllegalArgumentException("field path " + this + ": a moved item keeps its value; change it with a path of its own");
          }
          return JSON.objectNode().put("op", "move").put("from", listPointer + index).put("path", listPointer + sibling);
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
    return indexOf(list, it.key(), it.value());
  }

  private static int indexOf(ArrayNode list, String key, String value) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode k = list.get(i).get(key);
      if (k != null && k.asText().equals(value)) {
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
