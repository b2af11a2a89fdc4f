package dev.clusterctl.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation works where it is read: the release archive ships {@code docs/} as it is in
 * a checkout (jreleaser.yml), so every relative link in it must stay inside {@code docs/} and
 * resolve, and the links the reports print ({@code docs/checks.md#<id>}) must name a shipped file.
 */
class ShippedDocsTest {

  private static final Path REPO = Path.of(System.getProperty("clusterctl.repo", ".."));
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void theArchiveShipsDocsAsInACheckout() throws IOException {
    String jreleaser = Files.readString(REPO.resolve("jreleaser.yml"));
    assertThat(jreleaser).contains("- input: 'docs'\n          output: 'docs'").contains("- input: 'docs/examples'\n          output: 'examples'");
  }

  @Test
  void everyRelativeLinkInTheDocsResolvesInsideDocs() throws IOException {
    Path docs = REPO.resolve("docs").toAbsolutePath().normalize();
    List<String> broken = new ArrayList<>();
    try (Stream<Path> files = Files.walk(docs)) {
      for (Path md : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        Matcher m = LINK.matcher(Files.readString(md));
        while (m.find()) {
          String target = m.group(1);
          if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
            continue;
          }
          String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
          Path resolved = md.getParent().resolve(file).normalize();
          if (!resolved.startsWith(docs) || !Files.exists(resolved)) {
            broken.add(docs.relativize(md) + " -> " + target);
          }
        }
      }
    }
    assertThat(broken).as("links that do not work in the release archive (outside docs/ or missing)").isEmpty();
  }

  @Test
  void theLinksReportsPrintNameShippedFiles() {
    for (Check c : CheckRegistry.standard().all()) {
      String link = Check.docsLink(c.id());
      assertThat(REPO.resolve(link.substring(0, link.indexOf('#')))).as(link).exists();
      assertThat(link).startsWith("docs/");
    }
  }
}
