package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.clusterctl.fix.Yaml;
import dev.clusterctl.gather.FileSource;
import dev.clusterctl.judge.CheckRegistry;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Remediation;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.kube.LoadedObject;
import dev.clusterctl.testing.RealServers;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML remediation snippet, on every broken example and set-up, read back by kubectl and
 * applied to the object it fixes ({@code kubectl patch --local --type strategic}); a new object
 * (a headless Service, a NetworkPolicy) is read back whole. A snippet is a patch of a named object
 * or a whole object, never a loose fragment.
 */
class SnippetsApplyTest {

  @TempDir
  Path tmp;

  static Stream<Path> sets() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("../docs/examples/broken"))) {
      s.filter(Files::isDirectory).sorted().forEach(out::add);
    }
    for (Path d : RealWorldSetupsTest.setups()) {
      Properties p = RealWorldSetupsTest.load(d);
      if (RealWorldSetupsTest.pendingKeys(p).isEmpty()) {
        out.add(d);
      }
    }
    return out.stream();
  }

  private static Doctor.Diagnosis doctor(Path dir) throws IOException {
    Path expect = dir.resolve("expect.properties");
    RealWorldSetupsTest.Inputs in = Files.exists(expect) ? RealWorldSetupsTest.inputs(dir, RealWorldSetupsTest.load(dir).getProperty("args"))
        : RealWorldSetupsTest.inputs(dir, "-f .");
    return Doctor.run(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(), in.files()), new DoctorOptions(in.target(), CheckRegistry.standard().all()));
  }

  @ParameterizedTest
  @MethodSource("sets")
  void everyYamlSnippetIsReadBackAndAppliesToTheObjectItFixes(Path set) throws Exception {
    Path expect = set.resolve("expect.properties");
    if (Files.exists(expect) && "2".equals(RealWorldSetupsTest.load(set).getProperty("exit"))) {
      return; // a set-up that is bad input ends before any check runs: it has no snippet
    }
    Doctor.Diagnosis d = doctor(set);
    Path kubectl = RealServers.require("kubectl", "kubectl");
    ObjectMapper yaml = new YAMLMapper();
    KubernetesSerialization ser = new KubernetesSerialization();
    for (CheckResult r : d.report().results()) {
      Optional<Remediation> fix = r.remediation().filter(x -> x.language().equals("yaml") && !x.snippet().isBlank());
      if (fix.isEmpty()) {
        continue;
      }
      String snippet = fix.get().snippet();
      JsonNode patch = yaml.readTree(snippet);
      assertThat(patch.path("kind").isTextual() && patch.path("metadata").path("name").isTextual())
          .as(set.getFileName() + " " + r.id() + ": a patch of a named object or a whole object, not a fragment:\n" + snippet).isTrue();
      String kind = patch.get("kind").asText();
      String name = patch.get("metadata").get("name").asText();
      Optional<LoadedObject> target = d.gathered().objects().stream()
          .filter(o -> o.object().getKind().equals(kind) && o.object().getMetadata().getName().equals(name)).findFirst();
      Path object = tmp.resolve(r.id() + "-object.yaml");
      Path patchFile = Files.writeString(tmp.resolve(r.id() + "-patch.yaml"), snippet);
      List<String> cmd;
      if (target.isPresent()) {
        Files.writeString(object, Yaml.write(ser.convertValue(target.get().object(), ObjectNode.class)));
        cmd = List.of(kubectl.toString(), "patch", "--local", "-f", object.toString(), "--type", "strategic", "--patch-file", patchFile.toString(), "-o", "json");
      } else {
        cmd = List.of(kubectl.toString(), "patch", "--local", "-f", patchFile.toString(), "--type", "merge", "-p", "{}", "-o", "json");
      }
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(set.getFileName() + " " + r.id() + ":\n" + snippet + "\n" + out).isZero();
      if (target.isPresent()) {
        JsonNode before = new ObjectMapper().readTree(ser.asJson(target.get().object()));
        assertThat(new ObjectMapper().readTree(out)).as(set.getFileName() + " " + r.id() + ": the patch changes the object\n" + snippet).isNotEqualTo(before);
      }
    }
  }

}
