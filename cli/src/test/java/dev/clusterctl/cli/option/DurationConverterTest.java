package dev.clusterctl.cli.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The one duration syntax shared by resolve's, doctor's and join's options. */
class DurationConverterTest {

  @Test
  void readsEveryFormTheCommandsDocument() {
    DurationConverter c = new DurationConverter();
    assertThat(c.convert("2")).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(c.convert(".5s")).isEqualTo(Duration.ofMillis(500));
    assertThat(c.convert("500MS")).isEqualTo(Duration.ofMillis(500));
    assertThat(c.convert(" 2m ")).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(c.convert("0s")).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> c.convert("-1s")).isInstanceOf(TypeConversionException.class)
        .hasMessage("'-1s' is not a duration (examples: 500ms, 5s, 2m)");
    assertThatThrownBy(() -> c.convert("5d")).isInstanceOf(TypeConversionException.class);
  }

  @Test
  void positiveRefusesZeroAndWhatIsNoDuration() {
    DurationConverter.Positive c = new DurationConverter.Positive();
    assertThat(c.convert("5S")).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.convert("1ms")).isEqualTo(Duration.ofMillis(1));
    for (String bad : new String[] {"0", "0.0001s", "-2", "soon", ""}) {
      assertThatThrownBy(() -> c.convert(bad)).isInstanceOf(TypeConversionException.class)
          .hasMessage("'" + bad + "' is not a positive duration such as 2, 2s or 500ms");
    }
  }
}
