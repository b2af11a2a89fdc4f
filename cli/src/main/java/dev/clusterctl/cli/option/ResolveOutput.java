package dev.clusterctl.cli.option;

import picocli.CommandLine.Option;

/** The {@code -o table|json|short} option of {@code resolve}: which renderer the command hands its result to. */
public final class ResolveOutput {

  /** The output formats. */
  public enum Format {
    /** Human-readable: attempts, answers, node names and their problems. */
    table,
    /** The JSON document described in docs/resolve.md (schemaVersion 1). */
    json,
    /** One node name a line, for scripts. */
    short_
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      completionCandidates = FormatConverter.Ids.class,
      defaultValue = "table",
      description = "Output: table (default), json (schemaVersion 1, see docs/resolve.md) or short (one node name a line).")
  Format format = Format.table;

  /** The chosen format. */
  public Format format() {
    return format;
  }

  /** Reads {@code table}, {@code json}, {@code short}. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "table" -> Format.table;
        case "json" -> Format.json;
        case "short" -> Format.short_;
        default -> throw new picocli.CommandLine.TypeConversionException(
            "expected one of table, json, short but was '" + value + "'");
      };
    }

    /** The ids for completion. */
    static final class Ids extends java.util.ArrayList<String> {
      Ids() {
        super(java.util.List.of("table", "json", "short"));
      }
    }
  }
}
