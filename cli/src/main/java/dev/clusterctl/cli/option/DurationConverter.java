package dev.clusterctl.cli.option;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration such as {@code 500ms}, {@code 1.5s}, {@code 2m} or {@code 1h} (units in any
 * case); a bare number is seconds. The one duration syntax of every command; {@link Positive} for
 * values that must be more than zero (timeouts).
 */
public class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern FORM = Pattern.compile("\\+?(\\d+\\.?\\d*|\\.\\d+)(ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    Duration d = parse(value);
    if (d == null) {
      throw new TypeConversionException("'" + value + "' is not a duration (examples: 500ms, 5s, 2m)");
    }
    return d;
  }

  /** The duration {@code value} stands for, rounded to milliseconds, or {@code null} when it is not one. */
  static Duration parse(String value) {
    Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double ms = switch (unit) {
      case "ms" -> n;
      case "m" -> n * 60_000;
      case "h" -> n * 3_600_000;
      default -> n * 1000;
    };
    return Duration.ofMillis(Math.round(ms));
  }

  /** A duration that must be more than zero once rounded to milliseconds (a timeout). */
  public static final class Positive implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d = parse(value);
      if (d == null || d.isZero()) {
        throw new TypeConversionException("'" + value + "' is not a positive duration such as 2, 2s or 500ms");
      }
      return d;
    }
  }
}
