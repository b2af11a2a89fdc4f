package dev.clusterctl.gather;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.UnreachableException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * A fabric8 client (JDK http client) with the error rules of clusterctl: a 403 is an observation
 * that names the missing verb and resource, an API that cannot be reached is one line naming it
 * (exit 3). Messages never carry a credential: only the server URL, verbs, resources and names.
 */
public final class KubeApi implements AutoCloseable {

  /** The namespace CoreDNS runs in. */
  public static final String KUBE_SYSTEM = "kube-system";

  private static final int TIMEOUT_MS = 10_000;

  private final KubernetesClient client;
  private final String namespace;
  private final String server;

  private final java.time.Duration timeout;

  /** Wraps {@code client}; {@code namespace} is where the workload is looked for. */
  public KubeApi(KubernetesClient client, String namespace) {
    this(client, namespace, java.time.Duration.ofMillis(TIMEOUT_MS));
  }

  /** Wraps {@code client}; exec and port-forward streams end within {@code timeout}. */
  public KubeApi(KubernetesClient client, String namespace, java.time.Duration timeout) {
    this.client = client;
    this.namespace = namespace;
    this.server = client.getConfiguration().getMasterUrl();
    this.timeout = timeout;
  }

  /** The budget of one call; exec and port-forward streams are bounded by it too. */
  public java.time.Duration timeout() {
    return timeout;
  }

  /**
   * Connects as kubectl would: {@code --kubeconfig}, else {@code KUBECONFIG}/{@code ~/.kube/config}
   * or the pod's service account; {@code --context}; {@code -n}, else the context's namespace.
   */
  public static KubeApi connect(KubeTarget target) {
    Config config;
    if (target.kubeconfig().isPresent()) {
      File f = new File(target.kubeconfig().get());
      if (!f.isFile()) {
        throw new BadInputException("--kubeconfig " + f + ": no such file");
      }
      try {
        config = Config.fromKubeconfig(target.context().orElse(null), f);
      } catch (RuntimeException e) {
        throw new BadInputException("--kubeconfig " + f + ": " + firstLine(e));
      }
    } else {
      boolean kubeconfig = System.getenv("KUBECONFIG") != null || new File(System.getProperty("user.home"), ".kube/config").isFile();
      if (!kubeconfig && System.getenv("KUBERNETES_SERVICE_HOST") == null) {
        throw new BadInputException("no cluster to read: no --kubeconfig, KUBECONFIG or ~/.kube/config and not in a pod; give -f/-k to read manifests instead");
      }
      config = Config.autoConfigure(target.context().orElse(null));
    }
    if (target.context().isPresent() && config.getCurrentContext() != null && !target.context().get().equals(config.getCurrentContext().getName())) {
      throw new BadInputException("--context " + target.context().get() + ": no such context in the kubeconfig");
    }
    config.setConnectionTimeout(TIMEOUT_MS);
    config.setRequestTimeout(TIMEOUT_MS);
    config.setRequestRetryBackoffLimit(0);
    String ns = target.namespace().orElse(config.getNamespace() == null ? "default" : config.getNamespace());
    config.setNamespace(ns);
    return new KubeApi(new KubernetesClientBuilder().withConfig(config).build(), ns);
  }

  /** The fabric8 client. */
  public KubernetesClient client() {
    return client;
  }

  /** The namespace of the workload. */
  public String namespace() {
    return namespace;
  }

  /** The API server's URL. */
  public String server() {
    return server;
  }

  /**
   * Runs one API call; a 403 becomes an unavailable observation {@code forbidden: VERB RESOURCE in NS}.
   *
   * @throws UnreachableException when the API cannot be reached
   */
  public <T> Observation<T> read(String verb, String resource, String ns, Supplier<T> call) {
    try {
      return Observation.of(call.get());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403 || e.getCode() == 401) {
        return Observation.unavailable((e.getCode() == 403 ? "forbidden" : "unauthorized") + ": " + verb + " " + resource + (ns == null ? "" : " in namespace " + ns)
            + " (see docs/rbac.yaml)");
      }
      throw failure(e);
    }
  }

  /**
   * Runs one API call the model cannot do without; a 403 is a {@link BadInputException} naming
   * the verb and resource.
   */
  public <T> T require(String verb, String resource, String ns, Supplier<T> call) {
    Observation<T> o = read(verb, resource, ns, call);
    if (!o.seen()) {
      throw new BadInputException(o.missing());
    }
    return o.get();
  }

  private RuntimeException failure(KubernetesClientException e) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof HttpConnectTimeoutException
          || cause instanceof ClosedChannelException || cause instanceof SSLException) {
        return new UnreachableException("Kubernetes API " + server + " cannot be reached: " + describe(cause), e);
      }
      if (cause instanceof HttpTimeoutException) {
        return new UnreachableException("Kubernetes API " + server + " did not answer within " + TIMEOUT_MS / 1000 + " s", e);
      }
      cause = cause.getCause();
    }
    if (e.getCode() > 0) {
      return new UnreachableException("Kubernetes API " + server + " answered " + e.getCode() + ": " + firstLine(e), e);
    }
    if (e.getCause() instanceof IOException io) {
      return new UnreachableException("Kubernetes API " + server + " cannot be reached: " + describe(io), e);
    }
    return new UnreachableException("Kubernetes API " + server + ": " + firstLine(e), e);
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    if (t instanceof UnknownHostException) {
      return "unknown host " + m;
    }
    return t.getClass().getSimpleName() + (m == null ? "" : " " + m.lines().findFirst().orElse(""));
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
  }

  @Override
  public void close() {
    client.close();
  }
}
