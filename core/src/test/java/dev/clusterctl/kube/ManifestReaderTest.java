package dev.clusterctl.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {

  private final ManifestReader reader = new ManifestReader();

  private List<LoadedObject> read(String text) {
    return reader.read(text.getBytes(StandardCharsets.UTF_8), "in.yaml");
  }

  @Test
  void readsMultiDocumentYamlIntoTypedObjectsWithTheirLine() {
    List<LoadedObject> objs =
        read(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: a, namespace: ns}
            spec: {clusterIP: None}
            ---
            # a comment only document follows
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: b}
            spec: {serviceName: a}
            """);
    assertThat(objs).hasSize(2);
    assertThat(objs.get(0).object()).isInstanceOf(Service.class);
    assertThat(((Service) objs.get(0).object()).getSpec().getClusterIP()).isEqualTo("None");
    assertThat(objs.get(0).origin()).isEqualTo("in.yaml:1");
    assertThat(objs.get(1).object()).isInstanceOf(StatefulSet.class);
    assertThat(objs.get(1).origin()).isEqualTo("in.yaml:8");
  }

  @Test
  void readsJsonAndListsAndKeepsUnknownKindsAsGeneric() {
    List<LoadedObject> objs =
        read(
            """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"k": "v"}},
              {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}}
            ]}
            """);
    assertThat(objs).extracting(o -> (Object) o.object().getClass()).containsExactly(ConfigMap.class, GenericKubernetesResource.class);
    assertThat(((ConfigMap) objs.get(0).object()).getData()).containsEntry("k", "v");
  }

  @Test
  void modelledKindsReadStraightIntoTheSameObjectsAsFabric8sRegistryGives() throws Exception {
    String manifests =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: s, namespace: ns, labels: {app: a}}
        spec: {clusterIP: None, publishNotReadyAddresses: true, selector: {app: a}, ports: [{name: epmd, port: 4369, targetPort: epmd}]}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: coredns, namespace: kube-system}
        data: {Corefile: ".:53 {\\n    kubernetes cluster.local\\n}\\n"}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          replicas: 3
          selector: {matchLabels: {app: a}}
          template:
            metadata: {labels: {app: a}}
            spec:
              hostname: h
              subdomain: s
              containers:
              - name: app
                image: example/app:1
                env: [{name: RELEASE_NODE, value: "app@$(POD_IP)"}, {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]
                ports: [{name: epmd, containerPort: 4369}]
                readinessProbe: {tcpSocket: {port: epmd}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: ss}
        spec:
          serviceName: s
          replicas: 2
          selector: {matchLabels: {app: a}}
          template:
            metadata: {labels: {app: a}}
            spec: {containers: [{name: app, image: example/app:1}]}
          volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]
        """;
    List<LoadedObject> objs = read(manifests);
    assertThat(objs).extracting(o -> (Object) o.object().getClass())
        .containsExactly(Service.class, ConfigMap.class, io.fabric8.kubernetes.api.model.apps.Deployment.class, StatefulSet.class);
    var serialization = new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
    List<Object> viaRegistry = new java.util.ArrayList<>();
    for (String doc : manifests.split("(?m)^---$")) {
      viaRegistry.add(serialization.unmarshal(doc, io.fabric8.kubernetes.api.model.KubernetesResource.class));
    }
    assertThat(objs).extracting(o -> (Object) o.object()).containsExactlyElementsOf(viaRegistry);
    assertThat(ManifestReader.typeOf("apps/v1beta1", "Deployment")).isEqualTo(GenericKubernetesResource.class);
    assertThat(ManifestReader.typeOf("example.com/v1", "Service")).isEqualTo(GenericKubernetesResource.class);
  }

  @Test
  void otherKindsAreGenericWithTheirKindMetadataAndFields() {
    List<LoadedObject> objs =
        read(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: ns, labels: {app: a}}
            spec: {containers: [{name: c, image: i}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: i}
            spec: {rules: []}
            """);
    assertThat(objs).extracting(o -> (Object) o.object().getClass()).containsOnly(GenericKubernetesResource.class);
    GenericKubernetesResource pod = (GenericKubernetesResource) objs.get(0).object();
    assertThat(pod.getKind()).isEqualTo("Pod");
    assertThat(pod.getApiVersion()).isEqualTo("v1");
    assertThat(pod.getMetadata().getNamespace()).isEqualTo("ns");
    assertThat(pod.getMetadata().getLabels()).containsEntry("app", "a");
    assertThat(pod.getAdditionalProperties()).containsKey("spec");
    assertThat(objs.get(1).object().getKind()).isEqualTo("Ingress");
  }

  @Test
  void yamlSyntaxErrorNamesFileLineAndColumn() {
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: Service\nmetadata:\n  name: [a\n  x: y\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("in.yaml: line ")
        .hasMessageContaining("column")
        .hasMessageContaining("not valid YAML")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void filesConcatenatedWithoutSeparatorAreCaughtAsDuplicateKeys() {
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: Service\nmetadata: {name: a}\napiVersion: apps/v1\nkind: StatefulSet\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("in.yaml:4: key 'apiVersion' appears twice in one mapping (first at line 1); kubectl kustomize refuses that,"
            + " and it usually means two files were joined without '---'");
  }

  @Test
  void aKnownKindThatBreaksItsSchemaIsAnError() {
    assertThatThrownBy(() -> read("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: three}\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("in.yaml:4: Deployment x: spec.replicas is 'three', which kubectl reads as a string, but this field takes a number")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void binaryEmptyAndNonObjectInputsAreOneLineErrors() {
    assertThatThrownBy(() -> reader.read(new byte[] {1, 0, 2, 3}, "x.bin"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("x.bin: binary file, not YAML or JSON");
    assertThatThrownBy(() -> read("  \n")).hasMessage("in.yaml: empty, no Kubernetes objects in it");
    assertThatThrownBy(() -> read("# nothing\n---\n")).hasMessageContaining("only comments");
    assertThatThrownBy(() -> read("just some text\n")).hasMessageContaining("in.yaml:1: not a Kubernetes object");
    assertThatThrownBy(() -> read("metadata: {name: x}\n")).hasMessageContaining("has no 'kind'");
  }
}
