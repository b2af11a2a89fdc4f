package dev.clusterctl.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.kube.ManifestReader;
import dev.clusterctl.release.NamedText;
import dev.clusterctl.release.ReleaseFiles;
import dev.clusterctl.testing.ShopManifests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A release whose start scripts stop (an env.sh that does not parse) keeps that fact in its naming
 * even when the scripts settle no distribution, and what the scripts leave open is then no
 * assumption a failure could rest on: no node starts whatever it would have been called.
 */
class StoppedScriptNamingTest {

  private static final String YAML = ShopManifests.shop("""
      env:
      - name: POD_IP
        valueFrom: {fieldRef: {fieldPath: status.podIP}}
      """);

  private static ClusterModel model(String envSh) {
    ReleaseFiles files = new ReleaseFiles(Optional.of(new NamedText("rel/env.sh.eex", envSh)), Optional.empty(), List.of(), List.of(), Optional.of("shop"));
    return ModelBuilder.build(new ModelRequest(new ManifestReader().read(YAML.getBytes(StandardCharsets.UTF_8), "t.yaml"),
        Optional.empty(), Optional.empty(), Optional.empty(), files, TargetOptions.none()));
  }

  @Test
  void anEnvShThatDoesNotParseStopsTheReleaseAndAssumesNothing() {
    ClusterModel m = model("#!/bin/sh\nexport RELEASE_DISTRIBUTION=name\nexport RELEASE_NODE=\"<%= @release.name %>@${POD_IP}\n");
    NodeNaming naming = m.release().naming().orElseThrow();
    assertThat(naming.problems()).singleElement().asString().contains("stops the release script").contains("rel/env.sh.eex:3");
    assertThat(m.assumptionsAbout(Assumption.Topic.NODE_NAME)).noneMatch(Assumption::softens);
  }

  @Test
  void anEnvShThatParsesHasNoProblem() {
    ClusterModel m = model("#!/bin/sh\nexport RELEASE_DISTRIBUTION=name\nexport RELEASE_NODE=\"<%= @release.name %>@${POD_IP}\"\n");
    assertThat(m.release().naming().orElseThrow().problems()).isEmpty();
  }
}
