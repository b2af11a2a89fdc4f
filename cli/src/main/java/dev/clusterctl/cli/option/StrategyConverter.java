package dev.clusterctl.cli.option;

import dev.clusterctl.discovery.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads strategy ids such as {@code gen-cluster}. */
public final class StrategyConverter implements ITypeConverter<Strategy> {
  @Override
  public Strategy convert(String value) {
    try {
      return Strategy.fromId(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("expected one of " + String.join(", ", new Ids()) + " but was '" + value + "'");
    }
  }

  /** The ids for completion and help. */
  public static final class Ids extends ArrayList<String> {
    /** Every id, in declaration order. */
    public Ids() {
      super(Arrays.stream(Strategy.values()).map(Strategy::id).toList());
    }
  }
}
