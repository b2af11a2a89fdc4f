package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tables of examples in the docs say what the doctor says: one row per example directory, its
 * verdict column every failing check (and every warning) the doctor reports for it, in the
 * doctor's order. After changing an example or a check, rewrite the verdicts with {@link #REGENERATE}.
 */
class ExamplesTableTest {

  /** The one command that rewrites the verdict columns from what the doctor reports now. */
  static final String REGENERATE =
      "./mvnw -q -B -pl core test -Dclusterctl.regenerate=true -Dtest=ExamplesTableTest -Dsurefire.failIfNoSpecifiedTests=false";

  /** The examples table's header. */
  private static final String HEADER = "| directory | set-up | verdict |";

  /** A table row: | `directory` | set-up | verdict | */
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z0-9/-]+)` \\| (.*) \\| ([^|]*) \\|$");

  /** Every example directory (one that holds manifests), relative to docs/examples. */
  static List<String> directories() throws IOException {
    try (Stream<Path> walk = Files.walk(ExamplesTest.EXAMPLES)) {
      return walk.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("service.yaml")))
          .map(d -> ExamplesTest.EXAMPLES.relativize(d).toString().replace('\\', '/')).sorted().toList();
    }
  }

  /** The verdict as the tables write it: {@code pass}, or the failing checks, then the warnings. */
  static String verdict(Report report) {
    List<String> fail = new ArrayList<>();
    List<String> warn = new ArrayList<>();
    for (CheckResult r : report.results()) {
      if (r.status() == Status.FAIL || r.status() == Status.ERROR) {
        fail.add("`" + r.id() + "`");
      } else if (r.status() == Status.WARN) {
        warn.add("`" + r.id() + "`");
      }
    }
    String text = fail.isEmpty() ? "pass" : String.join(", ", fail) + " fail" + (fail.size() == 1 ? "s" : "");
    if (!warn.isEmpty()) {
      text += "; " + String.join(", ", warn) + " warn" + (warn.size() == 1 ? "s" : "");
    }
    return text;
  }

  @ParameterizedTest
  @ValueSource(strings = {"docs/examples/README.md", "docs/doctor.md"})
  void theTableListsEveryExampleWithTheDoctorsVerdict(String doc) throws IOException {
    Path file = Path.of("..").resolve(doc);
    String text = Files.readString(file);
    Map<String, String> expected = new LinkedHashMap<>();
    for (String dir : directories()) {
      expected.put(dir, verdict(ExamplesTest.doctor(dir)));
    }
    int start = text.indexOf(HEADER);
    assertThat(start).as("%s has the examples table (%s)", doc, HEADER).isNotNegative();
    int end = text.indexOf("\n\n", start);
    end = end < 0 ? text.length() : end;
    String before = text.substring(0, start);
    String after = text.substring(end);
    text = text.substring(start, end);
    if (Boolean.getBoolean("clusterctl.regenerate")) {
      Matcher m = ROW.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String v = expected.getOrDefault(m.group(1), m.group(3));
        m.appendReplacement(out, Matcher.quoteReplacement("| `" + m.group(1) + "` | " + m.group(2) + " | " + v + " |"));
      }
      m.appendTail(out);
      text = out.toString();
      Files.writeString(file, before + text + after);
    }
    Map<String, String> table = new LinkedHashMap<>();
    Matcher m = ROW.matcher(text);
    while (m.find()) {
      table.put(m.group(1), m.group(3));
    }
    assertThat(table.keySet()).as("%s: a row for every example directory, and only those", doc)
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(table).as("%s says what the doctor reports; rewrite the verdicts with: %s", doc, REGENERATE)
        .containsExactlyInAnyOrderEntriesOf(expected);
  }
}
