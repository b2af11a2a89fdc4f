package dev.clusterctl.cli.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The published JSON Schemas ({@code docs/schemas/*.schema.json}, draft 2020-12), read by a
 * maintained validator (networknt's), with {@code format} asserted too (ipv4, ipv6, date-time).
 */
public final class JsonSchemas {

  /** Where the schemas are: the repository's docs/schemas. */
  public static final Path DIR = Path.of(System.getProperty("clusterctl.repo", "..")).resolve("docs/schemas");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private final String name;
  private final JsonNode tree;
  private final Schema schema;

  private JsonSchemas(String name) {
    this.name = name;
    try {
      this.tree = JSON.readTree(Files.readString(DIR.resolve(name + ".schema.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.schema = REGISTRY.getSchema(tree.toString());
  }

  /** The schema of {@code resolve -o json}. */
  public static JsonSchemas resolve() {
    return new JsonSchemas("resolve");
  }

  /** The schema of {@code doctor -o json} and {@code doctor --list-checks -o json}. */
  public static JsonSchemas doctor() {
    return new JsonSchemas("doctor");
  }

  /** The schema of {@code join -o json} and of each line of {@code join --watch -o jsonl}. */
  public static JsonSchemas join() {
    return new JsonSchemas("join");
  }

  /** The schema itself, as JSON. */
  public JsonNode tree() {
    return tree;
  }

  /** What {@code document} breaks of the schema, one line each; empty when it conforms. */
  public List<String> errors(String document) {
    JsonNode node;
    try {
      node = JSON.readTree(document);
    } catch (JsonProcessingException e) {
      return List.of("not JSON: " + e.getOriginalMessage());
    }
    return schema.validate(node).stream().map(Error::toString).toList();
  }

  /** Asserts that {@code document}, printed by {@code what}, conforms. */
  public void check(String what, String document) {
    assertThat(document).as(what + " printed nothing").isNotBlank();
    assertThat(errors(document)).as("%s against docs/schemas/%s.schema.json; it printed:%n%s", what, name, document).isEmpty();
  }
}
