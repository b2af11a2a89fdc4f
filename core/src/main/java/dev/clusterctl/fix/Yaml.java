package dev.clusterctl.fix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * YAML as people write manifests and kubectl reads them back: strings quoted only where YAML 1.1
 * would read them as something else ({@code true}, {@code on}, {@code 1.10}, {@code null}).
 */
public final class Yaml {

  private Yaml() {}

  /** The writer, made once on first use (a configured mapper is immutable and thread-safe); a run that writes no YAML never loads it. */
  private static final class Writer {
    static final ObjectWriter YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR).build().writer();
  }

  /** {@code node} as one YAML document, without a {@code ---} marker. */
  public static String write(JsonNode node) {
    try {
      return Writer.YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("YAML could not be written: " + e.getOriginalMessage(), e);
    }
  }
}
