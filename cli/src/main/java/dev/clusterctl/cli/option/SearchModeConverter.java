package dev.clusterctl.cli.option;

import dev.clusterctl.dns.SearchMode;
import java.util.ArrayList;
import java.util.Arrays;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code erlang}, {@code libc}, {@code none}. */
public final class SearchModeConverter implements ITypeConverter<SearchMode> {
  @Override
  public SearchMode convert(String value) {
    try {
      return SearchMode.fromId(value);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.TypeConversionException(
          "expected one of erlang, libc, none but was '" + value + "'");
    }
  }

  /** The ids for completion and help. */
  public static final class Ids extends ArrayList<String> {
    /** Every id, in declaration order. */
    public Ids() {
      super(Arrays.stream(SearchMode.values()).map(SearchMode::id).toList());
    }
  }
}
