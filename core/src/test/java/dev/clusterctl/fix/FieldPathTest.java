package dev.clusterctl.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.clusterctl.testing.RealServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths into objects that choose list items by merge key, as strategic merge patches do. */
class FieldPathTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode deployment() throws Exception {
    return (ObjectNode) JSON.readTree("""
        {"spec": {"template": {"spec": {"containers": [
          {"name": "sidecar", "image": "envoy"},
          {"name": "app", "env": [{"name": "A", "value": "1"}], "ports": [{"containerPort": 4369, "name": "epmd"}]}
        ]}}}}""");
  }

  @Test
  void parsesAndPrintsBack() {
    String text = "spec.template.spec.containers[name=app].env[name=RELEASE_NODE].value";
    FieldPath p = FieldPath.parse(text);
    assertThat(p.segments()).hasSize(6);
    assertThat(p.segments().get(3)).isEqualTo(new FieldPath.Item("containers", "name", "app"));
    assertThat(p.toString()).isEqualTo(text);
    assertThat(FieldPath.parse("data.Corefile").segments()).containsExactly(new FieldPath.Field("data"), new FieldPath.Field("Corefile"));
    assertThat(FieldPath.parse("metadata.labels[name=a.b].x").toString()).isEqualTo("metadata.labels[name=a.b].x");
    assertThatThrownBy(() -> FieldPath.parse("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void getsByMergeKeyNotPosition() throws Exception {
    ObjectNode d = deployment();
    assertThat(FieldPath.parse("spec.template.spec.containers[name=app].env[name=A].value").get(d)).map(JsonNode::asText).contains("1");
    assertThat(FieldPath.parse("spec.template.spec.containers[name=app].ports[containerPort=4369].name").get(d)).map(JsonNode::asText).contains("epmd");
    assertThat(FieldPath.parse("spec.template.spec.containers[name=app].env[name=B].value").get(d)).isEmpty();
    assertThat(FieldPath.parse("spec.template.spec.subdomain").get(d)).isEmpty();
  }

  @Test
  void setsMakingWhatIsMissingAndRemoves() throws Exception {
    ObjectNode d = deployment();
    FieldPath.parse("spec.template.spec.subdomain").set(d, TextNode.valueOf("ledger-dist"));
    FieldPath.parse("spec.template.spec.containers[name=app].env[name=B].value").set(d, TextNode.valueOf("2"));
    FieldPath.parse("spec.template.spec.containers[name=app].env[name=A]").set(d, null);
    assertThat(d.at("/spec/template/spec/subdomain").asText()).isEqualTo("ledger-dist");
    assertThat(d.at("/spec/template/spec/containers/1/env").toString()).isEqualTo("[{\"name\":\"B\",\"value\":\"2\"}]");
    assertThat(d.at("/spec/template/spec/containers/0").toString()).isEqualTo("{\"name\":\"sidecar\",\"image\":\"envoy\"}");
  }

  @Test
  void aFragmentIsTheSmallestObjectHoldingTheValue() {
    ObjectNode f = FieldPath.parse("spec.ports[port=39135].name").fragment(TextNode.valueOf("dist-erl"));
    assertThat(f.toString()).isEqualTo("{\"spec\":{\"ports\":[{\"port\":39135,\"name\":\"dist-erl\"}]}}");
  }

  /** A JSON Patch points at the item kubectl would merge into: by merge key, replacing what exists, adding what does not. */
  @Test
  void jsonPatchReplacesWhatExistsAndAddsWhatDoesNot() throws Exception {
    ObjectNode d = deployment();
    assertThat(FieldPath.parse("spec.template.spec.containers[name=app].env[name=A]").jsonPatch(d, JSON.readTree("{\"name\":\"A\",\"value\":\"x\"}")))
        .hasToString("{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/1/env/0\",\"value\":{\"name\":\"A\",\"value\":\"x\"}}");
    assertThat(FieldPath.parse("spec.template.spec.containers[name=app].env[name=POD_IP].value").jsonPatch(d, TextNode.valueOf("y")))
        .hasToString("{\"op\":\"add\",\"path\":\"/spec/template/spec/containers/1/env/-\",\"value\":{\"name\":\"POD_IP\",\"value\":\"y\"}}");
    assertThat(FieldPath.parse("spec.template.spec.subdomain").jsonPatch(d, TextNode.valueOf("svc")))
        .hasToString("{\"op\":\"add\",\"path\":\"/spec/template/spec/subdomain\",\"value\":\"svc\"}");
    assertThat(FieldPath.parse("metadata.annotations.a/b").jsonPatch(d, TextNode.valueOf("v")))
        .hasToString("{\"op\":\"add\",\"path\":\"/metadata\",\"value\":{\"annotations\":{\"a/b\":\"v\"}}}");
  }

  private static ObjectNode withEnv(String env) throws Exception {
    return (ObjectNode) JSON.readTree("{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"metadata\": {\"name\": \"relay\"}, "
        + "\"spec\": {\"template\": {\"spec\": {\"containers\": [{\"name\": \"app\", \"env\": " + env + "}]}}}}");
  }

  private static List<String> envNames(JsonNode d) {
    List<String> out = new ArrayList<>();
    d.at("/spec/template/spec/containers/0/env").forEach(e -> out.add(e.get("name").asText()));
    return out;
  }

  private static final String ENV = "[{\"name\": \"RELEASE_DISTRIBUTION\", \"value\": \"name\"}, {\"name\": \"RELEASE_NODE\", \"value\": \"relay@$(POD_NAME)\"}, "
      + "{\"name\": \"POD_NAME\", \"valueFrom\": {\"fieldRef\": {\"fieldPath\": \"metadata.name\"}}}, {\"name\": \"COOKIE\", \"value\": \"c\"}]";

  @Test
  void aPlaceIsWrittenAfterTheKeyAndOnlyOnTheLastItem() {
    String text = "spec.template.spec.containers[name=app].env[name=POD_IP,before=RELEASE_NODE]";
    FieldPath p = FieldPath.parse(text);
    assertThat(p.segments().get(4)).isEqualTo(new FieldPath.Item("env", "name", "POD_IP", "RELEASE_NODE"));
    assertThat(p).hasToString(text).isEqualTo(FieldPath.parse("spec.template.spec.containers[name=app].env[name=POD_IP]").before("RELEASE_NODE"));
    assertThat(p.place()).contains("RELEASE_NODE");
    assertThat(FieldPath.parse("spec.template.spec.containers[name=app].env[name=A]").place()).isEmpty();
    assertThatThrownBy(() -> FieldPath.parse("spec.containers[name=app,before=x].env[name=A]")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only the last list item");
    assertThatThrownBy(() -> FieldPath.parse("spec.template").before("x")).isInstanceOf(IllegalArgumentException.class);
  }

  /** A new item goes just above its sibling, not at the end, so $(POD_IP) in the sibling expands. */
  @Test
  void aPlacedNewItemIsInsertedAboveItsSibling() throws Exception {
    ObjectNode d = withEnv(ENV);
    FieldPath p = FieldPath.parse("spec.template.spec.containers[name=app].env[name=POD_IP]").before("RELEASE_NODE");
    p.set(d, JSON.readTree("{\"name\": \"POD_IP\", \"valueFrom\": {\"fieldRef\": {\"fieldPath\": \"status.podIP\"}}}"));
    assertThat(envNames(d)).containsExactly("RELEASE_DISTRIBUTION", "POD_IP", "RELEASE_NODE", "POD_NAME", "COOKIE");
    assertThat(p.index(d)).hasValue(1);
    FieldPath.parse("spec.template.spec.containers[name=app].env[name=X]").before("MISSING").set(d, JSON.readTree("{\"name\": \"X\"}"));
    assertThat(envNames(d)).endsWith("X");
  }

  /** An existing item below its sibling moves up, kept whole when given by its key alone; one already above stays where it is. */
  @Test
  void aPlacedItemBelowItsSiblingMovesUpAndOneAboveStays() throws Exception {
    ObjectNode d = withEnv(ENV);
    FieldPath.parse("spec.template.spec.containers[name=app].env[name=POD_NAME]").before("RELEASE_NODE").set(d, JSON.readTree("{\"name\": \"POD_NAME\"}"));
    assertThat(envNames(d)).containsExactly("RELEASE_DISTRIBUTION", "POD_NAME", "RELEASE_NODE", "COOKIE");
    assertThat(d.at("/spec/template/spec/containers/0/env/1/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
    FieldPath.parse("spec.template.spec.containers[name=app].env[name=RELEASE_DISTRIBUTION]").before("COOKIE")
        .set(d, JSON.readTree("{\"name\": \"RELEASE_DISTRIBUTION\", \"value\": \"sname\"}"));
    assertThat(envNames(d)).containsExactly("RELEASE_DISTRIBUTION", "POD_NAME", "RELEASE_NODE", "COOKIE");
    assertThat(d.at("/spec/template/spec/containers/0/env/0/value").asText()).isEqualTo("sname");
  }

  @Test
  void aPlacedItemBecomesAnAddAtItsSiblingsIndexOrAMove() throws Exception {
    ObjectNode d = withEnv(ENV);
    JsonNode ip = JSON.readTree("{\"name\": \"POD_IP\", \"valueFrom\": {\"fieldRef\": {\"fieldPath\": \"status.podIP\"}}}");
    assertThat(FieldPath.parse("spec.template.spec.containers[name=app].env[name=POD_IP,before=RELEASE_NODE]").jsonPatch(d, ip))
        .hasToString("{\"op\":\"add\",\"path\":\"/spec/template/spec/containers/0/env/1\",\"value\":" + ip + "}");
    FieldPath move = FieldPath.parse("spec.template.spec.containers[name=app].env[name=POD_NAME,before=RELEASE_NODE]");
    String op = "{\"op\":\"move\",\"from\":\"/spec/template/spec/containers/0/env/2\",\"path\":\"/spec/template/spec/containers/0/env/1\"}";
    assertThat(move.jsonPatch(d, JSON.readTree("{\"name\": \"POD_NAME\"}"))).hasToString(op);
    assertThat(move.jsonPatch(d, d.at("/spec/template/spec/containers/0/env/2"))).hasToString(op);
    assertThatThrownBy(() -> move.jsonPatch(d, JSON.readTree("{\"name\": \"POD_NAME\", \"value\": \"changed\"}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a moved item keeps its value");
    assertThat(FieldPath.parse("spec.template.spec.containers[name=app].env[name=POD_IP,before=NONE]").jsonPatch(d, ip).get("path").asText())
        .isEqualTo("/spec/template/spec/containers/0/env/-");
  }

  /** kubectl reads the patch: the order it makes is the order {@link FieldPath#set} makes. */
  @Test
  void kubectlAppliesThePlacedPatchesInTheOrderSetMakes(@TempDir Path tmp) throws Exception {
    Path kubectl = RealServers.require("kubectl", "kubectl");
    ObjectNode original = withEnv(ENV);
    FieldPath ip = FieldPath.parse("spec.template.spec.containers[name=app].env[name=POD_IP,before=RELEASE_NODE]");
    FieldPath name = FieldPath.parse("spec.template.spec.containers[name=app].env[name=POD_NAME,before=RELEASE_NODE]");
    JsonNode ipItem = JSON.readTree("{\"name\": \"POD_IP\", \"valueFrom\": {\"fieldRef\": {\"fieldPath\": \"status.podIP\"}}}");
    for (FieldPath p : List.of(ip, name)) {
      JsonNode value = p == ip ? ipItem : JSON.readTree("{\"name\": \"POD_NAME\"}");
      ObjectNode expected = original.deepCopy();
      p.set(expected, value);
      Path file = Files.writeString(tmp.resolve("d.json"), original.toString());
      Process k = new ProcessBuilder(kubectl.toString(), "patch", "--local", "-f", file.toString(), "--type", "json", "-o", "json",
          "-p", "[" + p.jsonPatch(original, value) + "]").redirectErrorStream(true).start();
      String out = new String(k.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(k.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(k.exitValue()).as(out).isZero();
      assertThat(JSON.readTree(out).at("/spec/template/spec/containers/0/env")).as(p.toString()).isEqualTo(expected.at("/spec/template/spec/containers/0/env"));
    }
  }
}
