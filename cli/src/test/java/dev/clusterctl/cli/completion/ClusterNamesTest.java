package dev.clusterctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Namespaces and services completed from a real (fabric8 mock, CRUD mode) API server on loopback. */
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterNamesTest {

  static KubernetesClient client;

  @TempDir Path tmp;

  private Completer completer;

  @BeforeEach
  void cluster() throws IOException {
    for (String ns : List.of("apps", "kube-system", "erlang")) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).createOr(r -> r.update());
    }
    service("apps", "chat-headless");
    service("apps", "chat");
    service("erlang", "rabbitmq-nodes");
    Path cfg = Kubeconfig.write(tmp.resolve("config"), client.getConfiguration().getMasterUrl(), "mock");
    completer = new Completer(TestApp.commandLine().getCommandSpec(), CandidateProviders.standard(),
        Map.of("KUBECONFIG", cfg.toString()));
  }

  private void service(String ns, String name) {
    client.services().inNamespace(ns)
        .resource(new ServiceBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().endSpec().build())
        .createOr(r -> r.update());
  }

  @Test
  void namespacesFromTheCluster() {
    assertThat(completer.complete(List.of("probe", "-n", ""))).containsExactly("apps", "erlang", "kube-system");
    assertThat(completer.complete(List.of("probe", "--namespace", "er"))).containsExactly("erlang");
  }

  @Test
  void theTypedContextIsLookedUpInEveryKubeconfigFile() throws IOException {
    Path other = Kubeconfig.write(tmp.resolve("other"), "https://127.0.0.1:1", "elsewhere");
    Path mock = Kubeconfig.write(tmp.resolve("mock"), client.getConfiguration().getMasterUrl(), "mock");
    Completer c = new Completer(TestApp.commandLine().getCommandSpec(), CandidateProviders.standard(),
        Map.of("KUBECONFIG", other + java.io.File.pathSeparator + mock));
    assertThat(c.complete(List.of("probe", "--context", "mock", "-n", ""))).containsExactly("apps", "erlang", "kube-system");
  }

  @Test
  void servicesOfTheContextNamespaceOrTheTypedOne() {
    assertThat(completer.complete(List.of("probe", "--service", ""))).containsExactly("chat", "chat-headless");
    assertThat(completer.complete(List.of("probe", "-n", "erlang", "--service", ""))).containsExactly("rabbitmq-nodes");
    assertThat(completer.complete(List.of("probe", "-nerlang", "--service", "r"))).containsExactly("rabbitmq-nodes");
  }
}
