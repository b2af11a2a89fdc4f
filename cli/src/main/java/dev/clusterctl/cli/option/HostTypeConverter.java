package dev.clusterctl.cli.option;

import dev.clusterctl.discovery.HostType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code ip}, {@code hostname}. */
public final class HostTypeConverter implements ITypeConverter<HostType> {
  @Override
  public HostType convert(String value) {
    try {
      return HostType.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("expected one of ip, hostname but was '" + value + "'");
    }
  }

  /** The ids for completion. */
  public static final class Ids extends ArrayList<String> {
    /** Every id, in declaration order. */
    public Ids() {
      super(Arrays.stream(HostType.values()).map(HostType::id).toList());
    }
  }
}
