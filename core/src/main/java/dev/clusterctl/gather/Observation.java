package dev.clusterctl.gather;

import java.util.Optional;
import java.util.function.Function;

/**
 * One thing a live source tried to observe: the value, or why it is not there.
 *
 * @param value what was seen
 * @param missing why nothing was seen ({@code forbidden: list endpointslices.discovery.k8s.io in payments}), empty when seen
 * @param <T> what is observed
 */
public record Observation<T>(Optional<T> value, String missing) {

  /** A value that was seen. */
  public static <T> Observation<T> of(T value) {
    return new Observation<>(Optional.of(value), "");
  }

  /** Nothing seen, because of {@code why} (one line). */
  public static <T> Observation<T> unavailable(String why) {
    return new Observation<>(Optional.empty(), why);
  }

  /** True when a value was seen. */
  public boolean seen() {
    return value.isPresent();
  }

  /** The value; call only when {@link #seen()}. */
  public T get() {
    return value.orElseThrow(() -> new IllegalStateException(missing));
  }

  /** The value mapped, or the same reason. */
  public <U> Observation<U> map(Function<T, U> f) {
    return value.isPresent() ? of(f.apply(value.get())) : unavailable(missing);
  }
}
