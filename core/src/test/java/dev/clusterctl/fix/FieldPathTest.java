package dev.clusterctl.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

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
}
