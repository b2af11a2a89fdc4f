package dev.clusterctl.kube;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.clusterctl.error.BadInputException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
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

/**
 * Reads Kubernetes objects from the bytes of one input: multi-document YAML, JSON, and
 * {@code kind: List} (its items are read as objects).
 *
 * <p>Documents are split and located with Jackson's YAML parser, so a syntax error names the
 * input, line and column; each document is then turned into an object by fabric8's
 * {@link KubernetesSerialization}: a typed one for the kinds the model reads (Service, ConfigMap,
 * Deployment, StatefulSet), a {@code GenericKubernetesResource} for any other.
 * One reader can be reused for many inputs; it holds no per-input state.
 */
public final class ManifestReader {

  private final KubernetesSerialization serialization = new KubernetesSerialization();
  /** Duplicate keys are errors (as for kubectl): they usually mean files concatenated without {@code ---}. */
  private final ObjectMapper yaml = YAMLMapper.builder(new YAMLFactory()).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Reads every object in {@code bytes}; {@code source} names the input in origins and errors. */
  public List<LoadedObject> read(byte[] bytes, String source) {
    String text = decode(bytes, source);
    if (text.isBlank()) {
      throw new BadInputException(source + ": empty, no Kubernetes objects in it");
    }
    boolean isJson = looksLikeJson(text);
    ObjectMapper mapper = isJson ? json : yaml;
    List<LoadedObject> out = new ArrayList<>();
    int documents = 0;
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      while (true) {
        JsonToken t = p.nextToken();
        if (t == null) {
          break;
        }
        JsonLocation at = p.currentTokenLocation();
        JsonNode node = mapper.readTree(p);
        if (node == null || node.isNull() || node.isMissingNode()) {
          continue;
        }
        documents++;
        addDocument(node, source, at.getLineNr(), out);
      }
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : ": line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new BadInputException(
          source + where + ": not valid " + (isJson ? "JSON" : "YAML") + ": " + e.getOriginalMessage().lines().findFirst().orElse(""),
          e);
    } catch (IOException e) {
      throw new BadInputException(source + ": cannot be read: " + e.getMessage(), e);
    }
    if (documents == 0) {
      throw new BadInputException(source + ": holds only comments, no Kubernetes objects in it");
    }
    return out;
  }

  private void addDocument(JsonNode node, String source, int line, List<LoadedObject> out) {
    String origin = source + ":" + line;
    if (!node.isObject()) {
      throw new BadInputException(origin + ": not a Kubernetes object (a YAML mapping with apiVersion and kind)");
    }
    JsonNode kind = node.get("kind");
    if (kind == null || !kind.isTextual() || kind.asText().isEmpty()) {
      throw new BadInputException(origin + ": not a Kubernetes object: it has no 'kind'");
    }
    if (kind.asText().endsWith("List") && node.path("items").isArray()) {
      for (JsonNode item : node.get("items")) {
        addDocument(item, source, line, out);
      }
      return;
    }
    KubernetesResource resource;
    try {
      resource = serialization.convertValue(node, typeOf(node.path("apiVersion").asText(), kind.asText()));
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String msg = cause instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : cause.getMessage();
      throw new BadInputException(
          origin + ": " + kind.asText() + " does not match its schema: " + firstLine(msg), e);
    }
    if (resource instanceof HasMetadata h) {
      out.add(new LoadedObject(h, origin));
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
