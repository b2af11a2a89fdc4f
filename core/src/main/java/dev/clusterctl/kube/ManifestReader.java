package dev.clusterctl.kube;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.clusterctl.error.BadInputException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Reads Kubernetes objects from the bytes of one input: multi-document YAML, JSON, and
 * {@code kind: List} (its items are read as objects), the way {@code kubectl apply -f} reads them.
 *
 * <p>YAML is composed with SnakeYAML's node API, one document at a time (so reading is linear in
 * the input and holds one document in memory), then turned into JSON by {@link YamlTree} with
 * kubectl's own YAML 1.1 rules ({@link GoYamlScalar}): anchors and aliases expanded, merge keys
 * applied, {@code on}/{@code yes}/{@code y} read as booleans and {@code 1.10} as a number. JSON is
 * read with Jackson. Each document is then turned into an object by fabric8's model with Go's JSON
 * strictness: a boolean or a number where the object wants a string (a label {@code on}, an env
 * {@code value: 4000}) is refused as kubectl refuses it, naming the line and what to quote.
 * Typed objects for the kinds the model reads (Service, ConfigMap, Deployment, StatefulSet), a
 * {@code GenericKubernetesResource} for any other. One reader can be reused for many inputs; it
 * holds no per-input state.
 */
public final class ManifestReader {

  /**
   * The longest one YAML document may be, in characters. Kubernetes keeps an object in etcd only up
   * to 1.5 MB (a ConfigMap's data up to 1 MB), so a document far larger cannot be applied; refusing
   * it bounds the memory one document takes. Files of many documents have no limit.
   */
  static final int MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;

  /** Aliases of mappings and lists per document; expansion itself is bounded by {@link YamlTree}. */
  static final int MAX_COLLECTION_ALIASES = 10_000;

  private final KubernetesSerialization serialization;

  /** A reader; the object mapping takes Go's JSON rules (see {@link #goJsonMapper}). */
  public ManifestReader() {
    ObjectMapper mapper = goJsonMapper();
    serialization = new KubernetesSerialization(mapper, false);
    // after fabric8's modules, so that it wins over fabric8's lenient integers (which read "3" as 3)
    mapper.registerModule(new SimpleModule("go-json-integers").addDeserializer(Integer.class, new GoJsonInteger()));
  }

  private final ObjectMapper json =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(YamlTree.MAX_DEPTH).build()).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** Reads every object in {@code bytes}; {@code source} names the input in origins and errors. */
  public List<LoadedObject> read(byte[] bytes, String source) {
    String text = decode(bytes, source);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new BadInputException(source + ": empty, no Kubernetes objects in it");
    }
    List<LoadedObject> out = new ArrayList<>();
    int documents = looksLikeJson(text) ? readJson(text, source, out) : readYaml(text, source, out);
    if (documents == 0) {
      throw new BadInputException(source + ": holds only comments, no Kubernetes objects in it");
    }
    return out;
  }

  /** The JSON trees of the YAML documents in {@code text}, before any object is made: what kubectl would decode. */
  static List<JsonNode> yamlTrees(String text, String source) {
    List<JsonNode> trees = new ArrayList<>();
    Composer composer = composer(text, source);
    YamlTree tree = new YamlTree(source);
    try {
      while (composer.hasNext()) {
        Node root = composer.next();
        if (root != null && !(root instanceof ScalarNode s && tree.resolved(s).value() == GoYamlScalar.NULL)) {
          trees.add(tree.build(root));
        }
      }
    } catch (StackOverflowError e) {
      // SnakeYAML Engine scans and composes nested collections by recursion, with no depth limit of
      // its own: a document nested thousands of levels (hostile or generated) ends here, in the
      // thread that read it, as one line instead of a crash
      throw new BadInputException(source + ": YAML nested too deep (more than " + YamlTree.MAX_DEPTH + " levels)");
    }
    return trees;
  }

  private static Composer composer(String text, String source) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel("manifest")
            .setCodePointLimit(MAX_DOCUMENT_CHARS)
            .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
            .setAllowRecursiveKeys(false)
            .setSchema(PLAIN_SCHEMA)
            .setBufferSize(Math.min(text.length() + 1, READ_BUFFER))
            .build();
    return new Composer(settings, new DepthLimited(new ParserImpl(settings, new StreamReader(settings, text)), source));
  }

  /**
   * The parser's events with nesting counted: SnakeYAML Engine composes a document recursively and
   * has no depth limit of its own, so ten thousand {@code [} in a row would overflow the stack.
   * Deeper than {@link YamlTree#MAX_DEPTH} is one line instead (no Kubernetes object nests nearly as
   * deep: a CRD's schema, the deepest, stays under fifty).
   */
  private static final class DepthLimited implements Parser {
    private final Parser parser;
    private final String source;
    private int depth;

    DepthLimited(Parser parser, String source) {
      this.parser = parser;
      this.source = source;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
      return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
      return parser.hasNext();
    }

    @Override
    public Event next() {
      Event e = parser.next();
      switch (e.getEventId()) {
        case MappingStart, SequenceStart -> {
          if (++depth > YamlTree.MAX_DEPTH) {
            int line = e.getStartMark().map(m -> m.getLine() + 1).orElse(0);
            throw new BadInputException(source + ":" + line + ": YAML nested more than " + YamlTree.MAX_DEPTH + " levels deep");
          }
        }
        case MappingEnd, SequenceEnd -> depth--;
        default -> { }
      }
      return e;
    }
  }

  /**
   * How many characters the parser's reader takes at once. Its window is copied whenever it
   * refills while one token is being scanned, so a token of n characters costs n² / (2 × buffer):
   * with SnakeYAML's 1 KB buffer a 1 MB one-line value (a dashboard JSON, a base64 blob) took about
   * 1.5 s and 8 MB well over a minute; with 1 MB it is linear in practice (docs/performance.md).
   */
  static final int READ_BUFFER = 1024 * 1024;

  /** Resolves nothing: plain scalars keep a tag of their own and {@link GoYamlScalar} types them as kubectl does. */
  private static final Schema PLAIN_SCHEMA =
      new Schema() {
        @Override
        public ScalarResolver getScalarResolver() {
          return (value, implicit) -> Boolean.TRUE.equals(implicit) ? YamlTree.PLAIN : Tag.STR;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
          return Map.of();
        }
      };

  private int readYaml(String text, String source, List<LoadedObject> out) {
    Composer composer = composer(text, source);
    YamlTree tree = new YamlTree(source);
    int documents = 0;
    try {
      while (composer.hasNext()) {
        Node root = composer.next();
        if (root == null || root instanceof ScalarNode s && tree.resolved(s).value() == GoYamlScalar.NULL) {
          continue;
        }
        documents++;
        int line = YamlTree.line(root);
        JsonNode node = tree.build(root);
        addDocument(node, source, line, out, new Located(tree, root));
      }
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> m = e.getProblemMark().or(e::getContextMark);
      String where = m.map(k -> ": line " + (k.getLine() + 1) + ", column " + (k.getColumn() + 1)).orElse("");
      throw new BadInputException(source + where + ": not valid YAML: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getContext()), e);
    } catch (YamlEngineException e) {
      throw new BadInputException(source + ": " + yamlLimit(e.getMessage()), e);
    } catch (StackOverflowError e) {
      // see yamlTrees: SnakeYAML Engine recurses per nesting level and sets no limit of its own
      throw new BadInputException(source + ": YAML nested too deep (more than " + YamlTree.MAX_DEPTH + " levels)");
    }
    return documents;
  }

  /** SnakeYAML's limits in words. */
  private static String yamlLimit(String message) {
    String m = firstLine(message);
    if (m.contains("code point") || m.contains("exceeds the limit")) {
      return "one YAML document is longer than " + MAX_DOCUMENT_CHARS / (1024 * 1024)
          + " MB; Kubernetes stores objects of at most 1.5 MB, so split the file with '---' (limit: " + m + ")";
    }
    if (m.contains("aliases")) {
      return "more than " + MAX_COLLECTION_ALIASES + " aliases of mappings or lists in one document (an alias bomb?)";
    }
    if (m.contains("Nesting Depth")) {
      return "YAML nested more than " + YamlTree.MAX_DEPTH + " levels deep";
    }
    return "not valid YAML: " + m;
  }

  private int readJson(String text, String source, List<LoadedObject> out) {
    int documents = 0;
    try (JsonParser p = json.getFactory().createParser(text)) {
      while (true) {
        JsonToken t = p.nextToken();
        if (t == null) {
          break;
        }
        JsonLocation at = p.currentTokenLocation();
        JsonNode node = json.readTree(p);
        if (node == null || node.isNull() || node.isMissingNode()) {
          continue;
        }
        documents++;
        addDocument(node, source, at.getLineNr(), out, null);
      }
    } catch (StreamConstraintsException e) {
      throw new BadInputException(source + ": JSON nested more than " + YamlTree.MAX_DEPTH + " levels deep", e);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : ": line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new BadInputException(source + where + ": not valid JSON: " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new BadInputException(source + ": cannot be read: " + e.getMessage(), e);
    }
    return documents;
  }

  private void addDocument(JsonNode node, String source, int line, List<LoadedObject> out, Located yaml) {
    String origin = source + ":" + line;
    if (!node.isObject()) {
      throw new BadInputException(origin + ": not a Kubernetes object (a YAML mapping with apiVersion and kind)");
    }
    JsonNode kind = node.get("kind");
    if (kind == null || !kind.isTextual() || kind.asText().isEmpty()) {
      throw new BadInputException(origin + ": not a Kubernetes object: it has no 'kind'");
    }
    if (kind.asText().endsWith("List") && node.path("items").isArray()) {
      int i = 0;
      for (JsonNode item : node.get("items")) {
        Located itemYaml = yaml == null ? null : yaml.child("items").child(i);
        addDocument(item, source, itemYaml == null || itemYaml.node == null ? line : itemYaml.line(line), out, itemYaml);
        i++;
      }
      return;
    }
    KubernetesResource resource;
    try {
      resource = serialization.convertValue(node, typeOf(node.path("apiVersion").asText(), kind.asText()));
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String what = kind.asText() + " " + node.path("metadata").path("name").asText("(no name)");
      if (cause instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
        throw new BadInputException(mismatch(jme, node, what, origin, yaml), e);
      }
      String msg = cause instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : cause.getMessage();
      throw new BadInputException(origin + ": " + kind.asText() + " does not match its schema: " + withoutClassNames(firstLine(msg)), e);
    }
    if (resource instanceof HasMetadata h) {
      out.add(new LoadedObject(h, origin));
    }
  }

  /**
   * One line for a value of the wrong type, as kubectl refuses it ("cannot unmarshal bool into Go
   * struct field ObjectMeta.metadata.labels of type string"), with the value's own line and, for a
   * YAML 1.1 boolean or number where text is wanted, the quoting that fixes it.
   */
  private static String mismatch(JsonMappingException e, JsonNode doc, String what, String origin, Located yaml) {
    StringBuilder path = new StringBuilder();
    JsonNode value = doc;
    Located at = yaml;
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
        value = value == null ? null : value.get(r.getFieldName());
        at = at == null ? null : at.child(r.getFieldName());
      } else {
        path.append('[').append(r.getIndex()).append(']');
        value = value == null ? null : value.get(r.getIndex());
        at = at == null ? null : at.child(r.getIndex());
      }
    }
    String where = at == null || at.node == null ? origin : at.tree.at(at.node);
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType()
        : e instanceof ValueInstantiationException v && v.getType() != null ? v.getType().getRawClass() : null;
    String wanted = wanted(target);
    String got = value == null ? "a value" : value.isTextual() ? "a string" : value.isBoolean() ? "a boolean"
        : value.isNumber() ? "a number" : value.isNull() ? "null" : value.isArray() ? "a list" : "a mapping";
    String text = at != null && at.node instanceof ScalarNode s ? s.getValue() : value != null && value.isValueNode() ? value.asText() : null;
    StringBuilder msg = new StringBuilder(where).append(": ").append(what).append(": ").append(path);
    if (text != null) {
      msg.append(" is '").append(shortText(text)).append("'");
    }
    msg.append(", which kubectl reads as ").append(got);
    if (at != null && at.node instanceof ScalarNode && value != null && (value.isBoolean() || value.isNumber())) {
      msg.append(" (YAML 1.1)");
    }
    if (wanted == null) {
      return msg.append(", which this field cannot take: ").append(withoutClassNames(firstLine(e.getOriginalMessage()))).toString();
    }
    msg.append(", but this field takes ").append(wanted);
    if ("a string".equals(wanted) && text != null && value != null && (value.isBoolean() || value.isNumber() || value.isNull())) {
      msg.append(": quote it (\"").append(text).append("\")");
    }
    return msg.toString();
  }

  /** A value as a message shows it: its first line, at most 60 characters. */
  private static String shortText(String text) {
    String first = text.lines().findFirst().orElse("");
    boolean cut = first.length() > 60 || !first.equals(text);
    return (first.length() > 60 ? first.substring(0, 60) : first) + (cut ? "…" : "");
  }

  /** Jackson's wording without Java's: {@code `io.fabric8.kubernetes.api.model.IntOrString`} becomes {@code IntOrString}. */
  private static String withoutClassNames(String message) {
    return message.replaceAll("`?\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)`?", "$1").replace("java.lang.", "");
  }

  private static String wanted(Class<?> type) {
    if (type == null) {
      return null;
    }
    if (type == IntOrString.class) {
      return "a number or a string (a port number or a port name)";
    }
    if (type == Quantity.class) {
      return "a quantity such as 512Mi, 2 or 100m";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "a mapping";
  }

  /**
   * A Jackson mapper with Go's JSON strictness for fabric8's model: no boolean or number read as a
   * string, no string read as a number or boolean, no fraction dropped into an integer, as
   * kubectl's decoder refuses them.
   */
  private static ObjectMapper goJsonMapper() {
    JsonMapper m = JsonMapper.builder().build();
    m.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return m;
  }

  /**
   * An int32 field as Go's JSON fills it: from a JSON integer only. fabric8 reads any text that
   * parses as a number (so {@code replicas: '3'} would pass); the API server refuses it.
   */
  private static final class GoJsonInteger extends StdDeserializer<Integer> {
    GoJsonInteger() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return p.getIntValue();
      }
      return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
    }
  }

  /** A YAML node under a document, found again by the path of a JSON error; {@code node} is null once the path leaves the YAML. */
  private record Located(YamlTree tree, Node node) {
    Located child(String field) {
      return new Located(tree, node instanceof MappingNode m ? tree.entries(m).get(field) : null);
    }

    Located child(int index) {
      return new Located(tree, node instanceof SequenceNode s && index < s.getValue().size() ? s.getValue().get(index) : null);
    }

    int line(int otherwise) {
      return node == null ? otherwise : YamlTree.line(node);
    }
  }

  /**
   * The class a document is read into: its own class for the kinds the model reads, else
   * {@code GenericKubernetesResource} (kind, metadata and the rest as a map), which is all that is
   * used of them. Never fabric8's registry of every kind ({@code KubernetesResource.class}): its
   * first use loads and indexes about a thousand model classes, more than the rest of a small
   * doctor run's start-up, and validates kinds nothing here reads.
   */
  static Class<? extends KubernetesResource> typeOf(String apiVersion, String kind) {
    Class<? extends KubernetesResource> typed = MODELLED.get(apiVersion + "/" + kind);
    return typed != null ? typed : GenericKubernetesResource.class;
  }

  private static final Map<String, Class<? extends KubernetesResource>> MODELLED =
      Map.of(
          "v1/Service", Service.class,
          "v1/ConfigMap", ConfigMap.class,
          "apps/v1/Deployment", Deployment.class,
          "apps/v1/StatefulSet", StatefulSet.class);

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  /** UTF-8 text, or a one-line error for binary input (NUL bytes or invalid UTF-8). */
  private static String decode(byte[] bytes, String source) {
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        throw new BadInputException(source + ": binary file, not YAML or JSON");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(source + ": binary file or not UTF-8 text, not YAML or JSON");
    }
  }
}
