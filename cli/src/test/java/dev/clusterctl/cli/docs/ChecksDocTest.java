package dev.clusterctl.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/checks.md is generated from the registry and must be committed in step with it. */
class ChecksDocTest {

  static final Path DOC = Path.of("..", "docs", "checks.md");
  static final String REGENERATE = "./mvnw -q -B -pl core,cli test -Dtest=ChecksDocTest -Dclusterctl.regenerateDocs=true -Dsurefire.failIfNoSpecifiedTests=false";

  @Test
  void committedCheckReferenceMatchesTheRegistry() throws IOException {
    String expected = ChecksDoc.render(CheckRegistry.standard());
    if (Boolean.getBoolean("clusterctl.regenerateDocs")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    assertThat(committed).as("docs/checks.md is out of step with the check registry; regenerate it with:%n  %s%n", REGENERATE).isEqualTo(expected);
  }

  @Test
  void everyCheckHasAUniqueKebabCaseIdAndASection() {
    String doc = ChecksDoc.render(CheckRegistry.standard());
    assertThat(CheckRegistry.standard().all()).extracting(Check::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"));
    for (Check c : CheckRegistry.standard().all()) {
      assertThat(doc).contains("<a id=\"" + c.id() + "\"></a>");
      assertThat(c.description()).isNotBlank();
    }
  }

  @Test
  void theIssueIdsAreAllRegistered() {
    assertThat(CheckRegistry.standard().all()).extracting(Check::id).contains(
        "service-exists", "service-headless", "service-selects-pods", "service-port-name", "service-target-port",
        "service-publish-not-ready", "pod-subdomain", "coredns-endpoint-pod-names", "coredns-cluster-domain",
        "node-name", "node-host-matches-dns", "dist-port", "cookie-consistent");
  }
}
