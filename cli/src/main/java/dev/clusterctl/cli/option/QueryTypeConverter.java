package dev.clusterctl.cli.option;

import dev.clusterctl.dns.QueryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code a}, {@code aaaa}, {@code srv}. */
public final class QueryTypeConverter implements ITypeConverter<QueryType> {
  @Override
  public QueryType convert(String value) {
    try {
      return QueryType.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("expected one of a, aaaa, srv but was '" + value + "'");
    }
  }

  /** The ids for completion. */
  public static final class Ids extends ArrayList<String> {
    /** Every id, in declaration order. */
    public Ids() {
      super(Arrays.stream(QueryType.values()).map(QueryType::id).toList());
    }
  }
}
