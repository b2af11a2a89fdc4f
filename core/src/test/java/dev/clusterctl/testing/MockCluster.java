package dev.clusterctl.testing;

import dev.clusterctl.kube.LoadedObject;
import dev.clusterctl.kube.ManifestLoader;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's mock API server in CRUD mode (with expectations for faults such as a 403), loaded
 * with manifests and with the pods, EndpointSlices and CoreDNS pods the controllers would create.
 */
public final class MockCluster implements AutoCloseable {

  /** The mock server logs every request at INFO through java.util.logging; held so the level sticks. */
  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private MockCluster(java.util.function.Function<io.fabric8.mockwebserver.http.RecordedRequest, io.fabric8.mockwebserver.http.MockResponse> streams) {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMixedDispatcher dispatcher = new KubernetesMixedDispatcher(responses) {
      @Override
      public io.fabric8.mockwebserver.http.MockResponse dispatch(io.fabric8.mockwebserver.http.RecordedRequest request) {
        io.fabric8.mockwebserver.http.MockResponse r = streams.apply(request);
        return r != null ? r : super.dispatch(request);
      }
    };
    server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
    server.init(java.net.InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
  }

  /** An empty cluster on a loopback port. */
  public static MockCluster start() {
    return new MockCluster(r -> null);
  }

  /**
   * An empty cluster whose requests go first to {@code streams}: a response it gives (such as a
   * WebSocket upgrade whose listener speaks the port-forward protocol, see {@link KubeStreams})
   * is the answer; {@code null} leaves the request to the expectations and the CRUD store.
   */
  public static MockCluster start(java.util.function.Function<io.fabric8.mockwebserver.http.RecordedRequest, io.fabric8.mockwebserver.http.MockResponse> streams) {
    return new MockCluster(streams);
  }

  /** The server (for expectations and the request count). */
  public KubernetesMockServer server() {
    return server;
  }

  /** A client of the server. */
  public KubernetesClient client() {
    return client;
  }

  /** The API's URL. */
  public String url() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  /** Creates every manifest under {@code dir} (files and directories as {@code -f} reads them). */
  public List<HasMetadata> apply(Path dir) {
    List<HasMetadata> out = new ArrayList<>();
    for (LoadedObject o : new ManifestLoader(new ByteArrayInputStream(new byte[0])).load(dir.toString()).objects()) {
      HasMetadata h = o.object();
      if (h instanceof Service || h instanceof Deployment || h instanceof StatefulSet || h instanceof ConfigMap
          || h instanceof io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy) {
        if (h.getMetadata().getNamespace() == null) {
          h.getMetadata().setNamespace("default");
        }
        out.add(client.resource(h).create());
      }
    }
    return out;
  }

  /** Runs the controllers once: pods for each workload (all Running and Ready), EndpointSlices for each service. */
  public List<Pod> runControllers(int podsPerWorkload) {
    List<Pod> pods = new ArrayList<>();
    int n = 0;
    for (Deployment d : client.apps().deployments().inAnyNamespace().list().getItems()) {
      int replicas = podsPerWorkload > 0 ? podsPerWorkload : d.getSpec().getReplicas();
      for (int i = 0; i < replicas; i++) {
        pods.add(pod(d.getMetadata().getNamespace(), d.getMetadata().getName() + "-7d9f8b6c5-" + suffix(i), d.getSpec().getTemplate(), null, null, n++));
      }
    }
    for (StatefulSet s : client.apps().statefulSets().inAnyNamespace().list().getItems()) {
      int replicas = podsPerWorkload > 0 ? podsPerWorkload : s.getSpec().getReplicas();
      for (int i = 0; i < replicas; i++) {
        String name = s.getMetadata().getName() + "-" + i;
        pods.add(pod(s.getMetadata().getNamespace(), name, s.getSpec().getTemplate(), name, s.getSpec().getServiceName(), n++));
      }
    }
    for (Service svc : client.services().inAnyNamespace().list().getItems()) {
      endpointSlice(svc, pods);
    }
    return pods;
  }

  /** A five-letter suffix like the ReplicaSet controller's. */
  private static String suffix(int i) {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder b = new StringBuilder();
    int v = i;
    for (int k = 0; k < 5; k++) {
      b.append(alphabet.charAt(v % alphabet.length()));
      v /= alphabet.length();
    }
    return b.toString();
  }

  /** The address of the {@code n}-th pod: 10.244.x.y. */
  public static String ip(int n) {
    return "10.244." + (1 + n / 250) + "." + (2 + n % 250);
  }

  private Pod pod(String ns, String name, PodTemplateSpec template, String hostname, String subdomain, int n) {
    PodSpec spec = template.getSpec();
    Pod p = new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(ns).withLabels(template.getMetadata().getLabels()).endMetadata()
        .withSpec(spec)
        .editSpec().withHostname(hostname != null ? hostname : spec.getHostname()).withSubdomain(subdomain != null ? subdomain : spec.getSubdomain()).endSpec()
        .withNewStatus().withPhase("Running").withPodIP(ip(n)).withStartTime("2026-11-21T10:00:00Z")
        .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
        .build();
    return client.pods().resource(p).create();
  }

  /** Creates the EndpointSlice the controller keeps for {@code svc}: its pods' addresses, hostnames when the pod's subdomain is the service. */
  public void endpointSlice(Service svc, List<Pod> pods) {
    Map<String, String> sel = svc.getSpec().getSelector();
    if (sel == null || sel.isEmpty()) {
      return;
    }
    EndpointSliceBuilder b = new EndpointSliceBuilder()
        .withNewMetadata().withName(svc.getMetadata().getName() + "-abcde").withNamespace(svc.getMetadata().getNamespace())
        .addToLabels("kubernetes.io/service-name", svc.getMetadata().getName()).endMetadata()
        .withAddressType("IPv4");
    for (Pod p : pods) {
      if (!p.getMetadata().getNamespace().equals(svc.getMetadata().getNamespace()) || !p.getMetadata().getLabels().entrySet().containsAll(sel.entrySet())) {
        continue;
      }
      boolean named = p.getSpec().getHostname() != null && svc.getMetadata().getName().equals(p.getSpec().getSubdomain());
      b.addToEndpoints(new EndpointBuilder().withAddresses(p.getStatus().getPodIP()).withHostname(named ? p.getSpec().getHostname() : null)
          .withNewTargetRef().withKind("Pod").withName(p.getMetadata().getName()).withNamespace(p.getMetadata().getNamespace()).endTargetRef()
          .withNewConditions().withReady(true).withServing(true).withTerminating(false).endConditions().build());
    }
    client.discovery().v1().endpointSlices().resource(b.build()).create();
  }

  /** Two CoreDNS pods in kube-system started at {@code started}. */
  public void corednsPods(Instant started) {
    for (int i = 0; i < 2; i++) {
      client.pods().resource(new PodBuilder().withNewMetadata().withName("coredns-5d78c9869d-" + suffix(i)).withNamespace("kube-system")
          .addToLabels("k8s-app", "kube-dns").endMetadata().withNewSpec().addNewContainer().withName("coredns").withImage("coredns").endContainer().endSpec()
          .withNewStatus().withPhase("Running").withPodIP("10.244.0." + (2 + i)).withStartTime(started.toString()).endStatus().build()).create();
    }
  }

  /** Marks the coredns ConfigMap as last changed at {@code when} (as kubectl apply records it in managedFields). */
  public void corednsChangedAt(Instant when) {
    ConfigMap cm = client.configMaps().inNamespace("kube-system").withName("coredns").get();
    cm.getMetadata().setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("kubectl-client-side-apply").withOperation("Update").withTime(when.toString()).build()));
    client.configMaps().resource(cm).update();
  }

  /** Creates namespace {@code ns}. */
  public void namespace(String ns) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
  }

  /** A loopback port nothing listens on (bound, then released). */
  public static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
