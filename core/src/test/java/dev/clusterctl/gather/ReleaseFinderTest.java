package dev.clusterctl.gather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.release.NamedText;
import dev.clusterctl.release.ReleaseFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a release's own files are found: named, under --release-dir, or beside the manifests. */
class ReleaseFinderTest {

  @TempDir
  Path dir;

  private Path write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static String names(List<NamedText> texts) {
    return String.join(",", texts.stream().map(t -> t.name().replaceAll(".*/(config|lib)/", "$1/")).toList());
  }

  @Test
  void aProjectTreeGivesEnvShConfigModulesAndTheReleaseName() throws IOException {
    write("rel/env.sh.eex", "export RELEASE_DISTRIBUTION=name\n");
    write("config/config.exs", "import Config\n");
    write("config/runtime.exs", "import Config\n");
    write("lib/shop/application.ex", "defmodule Shop.Application do\nend\n");
    write("mix.exs", "def project do\n  [app: :shop, releases: [shop_web: []]]\nend\n");
    write("_build/prod/rel/shop/releases/1.0/env.sh", "ignored: build output\n");
    List<String> inputs = new ArrayList<>();
    ReleaseFiles f = ReleaseFinder.find(Optional.empty(), Optional.empty(), Optional.of(dir.toString()), List.of(), inputs);
    assertThat(f.releaseEnv()).map(NamedText::name).hasValueSatisfying(n -> assertThat(n).endsWith("rel/env.sh.eex"));
    assertThat(names(f.elixirConfig())).isEqualTo("config/config.exs,config/runtime.exs");
    assertThat(names(f.elixirModules())).isEqualTo("lib/shop/application.ex");
    assertThat(f.releaseName()).contains("shop_web");
    assertThat(inputs).anyMatch(l -> l.startsWith("env.sh ") && l.endsWith("(in --release-dir)"));
  }

  @Test
  void aBuiltReleaseGivesItsNameFromBin() throws IOException {
    write("bin/ledger", "#!/bin/sh\n");
    write("releases/0.3.1/env.sh", "export RELEASE_NODE=ledger@$(hostname -i)\n");
    write("releases/0.3.1/vm.args", "-setcookie x\n");
    ReleaseFiles f = ReleaseFinder.find(Optional.empty(), Optional.empty(), Optional.of(dir.toString()), List.of(), new ArrayList<>());
    assertThat(f.releaseName()).contains("ledger");
    assertThat(f.releaseEnv()).isPresent();
    assertThat(f.vmArgs()).map(NamedText::name).hasValueSatisfying(n -> assertThat(n).endsWith("releases/0.3.1/vm.args"));
  }

  @Test
  void twoCandidatesAreNotGuessedBetween() throws IOException {
    write("a/rel/env.sh.eex", "x=1\n");
    write("b/rel/env.sh.eex", "x=2\n");
    ReleaseFiles f = ReleaseFinder.find(Optional.empty(), Optional.empty(), Optional.empty(), List.of(dir), new ArrayList<>());
    assertThat(f.releaseEnv()).isEmpty();
  }

  @Test
  void aNamedFileWinsAndAMissingDirectoryIsOneLine() throws IOException {
    Path env = write("custom/env.sh", "export RELEASE_DISTRIBUTION=name\n");
    write("rel/env.sh.eex", "ignored\n");
    ReleaseFiles f = ReleaseFinder.find(Optional.of(env.toString()), Optional.empty(), Optional.of(dir.toString()), List.of(), new ArrayList<>());
    assertThat(f.releaseEnv()).map(NamedText::name).contains(env.toString());
    assertThatThrownBy(() -> ReleaseFinder.find(Optional.empty(), Optional.empty(), Optional.of(dir.resolve("nope").toString()), List.of(), new ArrayList<>()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("--release-dir").hasMessageContaining("no such directory");
  }

  @Test
  void fileSourceReadsReleaseFilesBesideTheManifests() throws IOException {
    write("deploy/app.yaml", """
        apiVersion: v1
        kind: Service
        metadata: {name: shop}
        spec: {clusterIP: None, selector: {app: shop}}
        """);
    write("deploy/rel/env.sh.eex", "export RELEASE_DISTRIBUTION=name\n");
    FileSource source = new FileSource(new ByteArrayInputStream(new byte[0]), null,
        new FileInputs(List.of(dir.resolve("deploy").toString()), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
    Gathered g = source.gather();
    assertThat(g.release().releaseEnv()).isPresent();
    assertThat(g.inputs()).anyMatch(l -> l.startsWith("env.sh ") && l.contains("found beside the manifests"));
  }
}
