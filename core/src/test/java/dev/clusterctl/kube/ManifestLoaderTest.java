package dev.clusterctl.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files, directories and stdin, the way kubectl -f takes them. */
class ManifestLoaderTest {

  @TempDir Path dir;

  static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s}\n";

  @Test
  void directoriesAreWalkedInOrderSkippingKustomizationAndOtherFiles() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("b.yaml"), CM.formatted("b"));
    Files.writeString(dir.resolve("a.yml"), CM.formatted("a"));
    Files.writeString(dir.resolve("sub/c.json"), "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}}");
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: [a.yml]\n");
    Files.writeString(dir.resolve("sys.config"), "[].\n");
    Manifests m = new ManifestLoader(new ByteArrayInputStream(new byte[0])).load(List.of(dir.toString()));
    assertThat(m.objects()).extracting(o -> o.object().getMetadata().getName()).containsExactly("a", "b", "c");
    assertThat(m.objects().get(0).origin()).isEqualTo(dir.resolve("a.yml") + ":1");
  }

  @Test
  void stdinIsADash() {
    ManifestLoader loader = new ManifestLoader(new ByteArrayInputStream(CM.formatted("in").getBytes(StandardCharsets.UTF_8)));
    Manifests m = loader.load("-");
    assertThat(m.objects()).singleElement().satisfies(o -> assertThat(o.origin()).isEqualTo("<stdin>:1"));
    assertThat(m.inputs()).containsExactly("<stdin>");
  }

  @Test
  void stdinGivenTwiceIsOneLineSayingSo() {
    ManifestLoader loader = new ManifestLoader(new ByteArrayInputStream(CM.formatted("in").getBytes(StandardCharsets.UTF_8)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.load(List.of("-", "-")))
        .isInstanceOf(dev.clusterctl.error.BadInputException.class)
        .hasMessage("'-' (stdin) given twice: standard input can be read only once");
  }

  @Test
  void missingPathsAndEmptyDirectoriesAreOneLine() {
    ManifestLoader loader = new ManifestLoader(new ByteArrayInputStream(new byte[0]));
    assertThatThrownBy(() -> loader.load(dir.resolve("nope").toString())).isInstanceOf(BadInputException.class).hasMessageEndingWith("nope: no such file or directory");
    assertThatThrownBy(() -> loader.load(dir.toString())).isInstanceOf(BadInputException.class).hasMessageContaining("directory has no manifests");
  }
}
