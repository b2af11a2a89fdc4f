package dev.clusterctl.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.error.BadInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns one composed YAML document (SnakeYAML Engine's node graph, aliases pointing at their anchor's
 * node) into the JSON tree kubectl would send: scalars typed by {@link GoYamlScalar}, aliases
 * expanded, merge keys applied as go-yaml v2 applies them, map keys made strings as
 * sigs.k8s.io/yaml makes them.
 *
 * <p>Merge keys ({@code <<: *base}, {@code <<: [*a, *b]}) follow go-yaml v2 exactly: entries are
 * applied in document order, so a key written <em>before</em> the {@code <<} is overwritten by the
 * merged value and one written after it wins; in a list of merged maps the earlier map wins. (The
 * kustomize parser lets explicit keys win wherever they stand; see docs/doctor.md.)
 *
 * <p>Bounded: at most {@link #MAX_VALUES} values per document after alias expansion and at most
 * {@link #MAX_DEPTH} levels of nesting, so an alias bomb ("billion laughs") or an alias that
 * contains itself ends in one clear line instead of running out of memory.
 */
final class YamlTree {

  /** Values one document may expand to: far more than any object that fits Kubernetes' 1.5 MB limit. */
  static final int MAX_VALUES = 1_000_000;

  static final int MAX_DEPTH = 200;

  /** The tag plain scalars get from {@code ManifestReader}'s schema: resolved here, not by the parser. */
  static final Tag PLAIN = new Tag("tag:clusterctl.dev,2026:plain");

  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  private final String source;
  private int values;

  YamlTree(String source) {
    this.source = source;
  }

  JsonNode build(Node root) {
    values = 0;
    return value(root, 0);
  }

  private JsonNode value(Node n, int depth) {
    if (++values > MAX_VALUES) {
      throw new BadInputException(
          at(n) + ": aliases expand this document to more than " + MAX_VALUES
              + " values (an alias bomb?); no Kubernetes object is that large");
    }
    if (depth > MAX_DEPTH) {
      throw new BadInputException(at(n) + ": nested more than " + MAX_DEPTH + " levels deep once aliases are expanded (an alias that contains itself?)");
    }
    if (n instanceof ScalarNode s) {
      return scalar(s);
    }
    if (n instanceof SequenceNode seq) {
      ArrayNode a = F.arrayNode(seq.getValue().size());
      for (Node child : seq.getValue()) {
        a.add(value(child, depth + 1));
      }
      return a;
    }
    MappingNode m = (MappingNode) n;
    ObjectNode o = F.objectNode();
    for (Map.Entry<String, Node> e : entries(m).entrySet()) {
      o.set(e.getKey(), value(e.getValue(), depth + 1));
    }
    return o;
  }

  /**
   * A mapping's entries as go-yaml v2 builds them: keys as strings, merge keys applied in document
   * order. A key written twice in the mapping itself is an error.
   */
  Map<String, Node> entries(MappingNode m) {
    Map<String, Node> out = new LinkedHashMap<>();
    Map<String, Integer> written = new HashMap<>();
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      if (isMerge(k)) {
        merge(t.getValueNode(), out, 0);
        continue;
      }
      String key = key(k);
      Integer first = written.putIfAbsent(key, line(k));
      if (first != null) {
        throw new BadInputException(
            at(k) + ": key '" + key + "' appears twice in one mapping (first at line " + first
                + "); kubectl kustomize refuses that, and it usually means two files were joined without '---'");
      }
      out.remove(key);
      out.put(key, t.getValueNode());
    }
    return out;
  }

  private void merge(Node v, Map<String, Node> into, int depth) {
    if (depth > MAX_DEPTH) {
      throw new BadInputException(at(v) + ": merge keys nested more than " + MAX_DEPTH + " levels deep");
    }
    if (v instanceof MappingNode mm) {
      Map<String, Node> merged = entries(mm);
      if (++values > MAX_VALUES) {
        throw new BadInputException(at(v) + ": merge keys expand this document to more than " + MAX_VALUES + " values");
      }
      for (Map.Entry<String, Node> e : merged.entrySet()) {
        into.remove(e.getKey());
        into.put(e.getKey(), e.getValue());
      }
      return;
    }
    if (v instanceof SequenceNode seq) {
      List<Node> maps = seq.getValue();
      for (int i = maps.size() - 1; i >= 0; i--) {
        if (!(maps.get(i) instanceof MappingNode)) {
          throw notAMap(maps.get(i));
        }
        merge(maps.get(i), into, depth + 1);
      }
      return;
    }
    throw notAMap(v);
  }

  private BadInputException notAMap(Node v) {
    return new BadInputException(at(v) + ": a merge key '<<' takes a mapping or a list of mappings (kubectl: map merge requires map or sequence of maps as the value)");
  }

  private static boolean isMerge(Node k) {
    return k instanceof ScalarNode s && "<<".equals(s.getValue()) && (PLAIN.equals(s.getTag()) || Tag.MERGE.equals(s.getTag()));
  }

  /** A mapping key as sigs.k8s.io/yaml writes it into JSON: {@code on: x} has the key "true". */
  private String key(Node k) {
    if (!(k instanceof ScalarNode s)) {
      throw new BadInputException(at(k) + ": a mapping key that is itself a mapping or a list; Kubernetes objects have only plain keys");
    }
    Object v = resolved(s).value();
    if (v == GoYamlScalar.NULL) {
      throw new BadInputException(at(k) + ": a null mapping key ('" + s.getValue() + "'), which kubectl cannot turn into JSON");
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return d.isNaN() ? ".nan" : d > 0 ? ".inf" : "-.inf";
      }
      return d == Math.rint(d) && Math.abs(d) < 1e21 ? new BigDecimal(d).toBigInteger().toString() : d.toString();
    }
    return v.toString();
  }

  private JsonNode scalar(ScalarNode s) {
    Object v = resolved(s).value();
    if (v == GoYamlScalar.NULL) {
      return F.nullNode();
    }
    if (v instanceof String str) {
      return F.textNode(str);
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof Long l) {
      return integer(l);
    }
    if (v instanceof BigInteger b) {
      // beyond int64: Kubernetes' JSON decoding makes it a float64
      return number(b.doubleValue(), s);
    }
    return number((Double) v, s);
  }

  /**
   * A float as it comes out of kubectl: Go writes it in JSON as its shortest decimal (an integral
   * one without exponent below 1e21: 1e3 is 1000, 2^63 is 9223372036854776000), and Kubernetes reads
   * that back as an integer when it fits int64, so {@code replicas: 3.0} fits an integer field.
   */
  private JsonNode number(double d, ScalarNode s) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new BadInputException(at(s) + ": '" + s.getValue() + "' is " + (Double.isNaN(d) ? "not-a-number" : "infinity")
          + " to YAML 1.1, which kubectl cannot turn into JSON; quote it if it is text");
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      BigInteger i = new BigDecimal(Double.toString(d)).toBigIntegerExact();
      return i.bitLength() < 64 ? integer(i.longValue()) : F.numberNode(i);
    }
    return F.numberNode(d);
  }

  /** An int node where the value fits one (fabric8's IntOrString reads only those as numbers). */
  private static JsonNode integer(long l) {
    return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
  }

  /** The scalar as go-yaml resolves it (plain, quoted or explicitly tagged). */
  GoYamlScalar.Resolved resolved(ScalarNode s) {
    String tag = s.getTag().getValue();
    if (PLAIN.equals(s.getTag())) {
      return GoYamlScalar.resolve(null, s.getValue());
    }
    if (tag.equals(GoYamlScalar.BINARY)) {
      try {
        byte[] bytes = Base64.getMimeDecoder().decode(s.getValue());
        return new GoYamlScalar.Resolved(new String(bytes, StandardCharsets.UTF_8), GoYamlScalar.STR);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(at(s) + ": a !!binary value that is not base64");
      }
    }
    if (!s.isPlain() && Tag.STR.equals(s.getTag())) {
      return new GoYamlScalar.Resolved(s.getValue(), GoYamlScalar.STR);
    }
    try {
      return GoYamlScalar.resolve(tag, s.getValue());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(at(s) + ": " + e.getMessage());
    }
  }

  String at(Node n) {
    return source + ":" + line(n);
  }

  /** The 1-based line a node starts on. */
  static int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }
}
