package dev.clusterctl.gather;

import dev.clusterctl.dns.WaitListener;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.InterruptedRunException;
import dev.clusterctl.error.UnreachableException;
import dev.clusterctl.time.Deadline;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A fabric8 client (JDK http client) with the rules of clusterctl.
 *
 * <ul>
 *   <li><b>Deadlines.</b> Every call, its whole answer included (a body that drips a byte at a
 *       time), ends within one deadline of {@link #timeout()} ({@code --timeout}); the library's
 *       own request timeout covers only the wait for the headers. A call interrupted (Ctrl-C)
 *       ends at once with an {@link InterruptedRunException}.
 *   <li><b>One line in words.</b> A 403 is an observation naming the missing verb and resource; a
 *       401 says the credentials were refused; any other status is its code and reason; an answer
 *       that is not the API's JSON, an untrusted certificate, an unknown host or a refused
 *       connection each have their own line (exit 3), never a Java class name.
 *   <li><b>No credential in any text.</b> Messages name only the server URL, verbs, resources and
 *       names; the exceptions kept behind them (shown by {@code --verbose}) are copies with every
 *       credential of the kubeconfig blanked out.
 * </ul>
 */
public final class KubeApi implements AutoCloseable {

  /** The namespace CoreDNS runs in. */
  public static final String KUBE_SYSTEM = "kube-system";

  /** The default budget of one API call ({@code --timeout}). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** The longest {@code --timeout} a call may have. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
      Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"), Map.entry(422, "Unprocessable Entity"),
      Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
      Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private final KubernetesClient client;
  private final ApiWaitListener waits;
  private final String namespace;
  private final String server;
  private final Duration timeout;
  private final List<String> secrets;
  /**
   * The selector threads of the JDK HTTP client this instance built (none when it wraps a client
   * it was given). JDK 17's client cannot be shut down: its selector thread waits in
   * {@code epoll_wait} until the client is garbage-collected, and HotSpot's exit waits up to 300 ms
   * for a thread in native code, so every doctor against the API ended 0.3 s late. {@link #close()}
   * interrupts them: an interrupted selector wakes and the JDK's selector loop ends on the flag.
   */
  private final List<Thread> selectors = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "clusterctl-api");
    t.setDaemon(true);
    return t;
  });

  /** Wraps {@code client}; {@code namespace} is where the workload is looked for; calls get {@link #DEFAULT_TIMEOUT}. */
  public KubeApi(KubernetesClient client, String namespace) {
    this(client, namespace, DEFAULT_TIMEOUT, List.of());
  }

  /** Wraps {@code client}, each call within {@code timeout}, keeping {@code secrets} out of every text. */
  public KubeApi(KubernetesClient client, String namespace, Duration timeout, List<String> secrets) {
    this(client, namespace, timeout, secrets, ApiWaitListener.NONE);
  }

  /**
   * Wraps {@code client}, each call within {@code timeout}, keeping {@code secrets} out of every
   * text, and telling {@code waits} as each call's wait for its answer starts and ends.
   */
  public KubeApi(KubernetesClient client, String namespace, Duration timeout, List<String> secrets, ApiWaitListener waits) {
    this.client = client;
    this.waits = waits;
    this.namespace = namespace;
    this.server = client.getConfiguration().getMasterUrl();
    this.timeout = checkTimeout(timeout);
    this.secrets = List.copyOf(secrets);
  }

  /** Wraps {@code client}, each call (exec and port-forward streams included) within {@code timeout}. */
  public KubeApi(KubernetesClient client, String namespace, Duration timeout) {
    this(client, namespace, timeout, List.of());
  }

  /** As {@link #connect(KubeTarget, Duration)} with {@link #DEFAULT_TIMEOUT}. */
  public static KubeApi connect(KubeTarget target) {
    return connect(target, DEFAULT_TIMEOUT);
  }

  /**
   * Connects as kubectl would: {@code --kubeconfig}, else {@code KUBECONFIG}/{@code ~/.kube/config}
   * or the pod's service account; {@code --context}; {@code -n}, else the context's namespace. The
   * kubeconfig is checked first ({@link KubeconfigFile}); each call gets {@code timeout}.
   *
   * @throws BadInputException for a kubeconfig, context or credential that cannot be used
   */
  public static KubeApi connect(KubeTarget target, Duration timeout) {
    return connect(target, timeout, ApiWaitListener.NONE);
  }

  /** As {@link #connect(KubeTarget, Duration)}, telling {@code waits} as each call's wait starts and ends. */
  public static KubeApi connect(KubeTarget target, Duration timeout, ApiWaitListener waits) {
    checkTimeout(timeout);
    Optional<KubeconfigFile> checked = kubeconfigFile(target).map(f -> f.merged().isEmpty()
        ? KubeconfigFile.check(f.path(), f.label(), target.context())
        : KubeconfigFile.checkMerged(f.merged(), target.context()));
    Config config;
    if (target.kubeconfig().isPresent()) {
      File f = new File(target.kubeconfig().get());
      try {
        config = Config.fromKubeconfig(target.context().orElse(null), f);
      } catch (RuntimeException e) {
        throw new BadInputException("--kubeconfig " + f + ": not a usable kubeconfig");
      }
    } else {
      boolean kubeconfig = System.getenv("KUBECONFIG") != null || new File(System.getProperty("user.home"), ".kube/config").isFile();
      if (!kubeconfig && System.getenv("KUBERNETES_SERVICE_HOST") == null) {
        throw new BadInputException("no cluster to read: no --kubeconfig, KUBECONFIG or ~/.kube/config and not in a pod; give -f/-k to read manifests instead");
      }
      try {
        config = Config.autoConfigure(target.context().orElse(null));
      } catch (RuntimeException e) {
        throw new BadInputException("the kubeconfig is not usable" + checked.map(c -> " (" + c.label() + ")").orElse(""));
      }
    }
    if (target.context().isPresent() && config.getCurrentContext() != null && !target.context().get().equals(config.getCurrentContext().getName())) {
      throw new BadInputException("--context " + target.context().get() + ": no such context in the kubeconfig");
    }
    List<String> secrets = new ArrayList<>(checked.map(KubeconfigFile::secrets).orElse(List.of()));
    checked.flatMap(KubeconfigFile::token).ifPresent(config::setOauthToken);
    // a pod's service account is not checked as a file: its token gets the same normalisation
    // before it can reach a header
    if (config.getOauthToken() != null) {
      secrets.add(config.getOauthToken());
      config.setOauthToken(KubeconfigFile.usableToken(config.getOauthToken(), "the kubeconfig user's token"));
    }
    for (String s : new String[] {config.getOauthToken(), config.getPassword(), config.getClientKeyData(), config.getAutoOAuthToken()}) {
      if (s != null && s.strip().length() >= 4) {
        secrets.add(s.strip());
      }
    }
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    config.setConnectionTimeout(ms);
    config.setRequestTimeout(ms);
    config.setRequestRetryBackoffLimit(0);
    String ns = target.namespace().orElse(config.getNamespace() == null ? "default" : config.getNamespace());
    config.setNamespace(ns);
    KubernetesClient client;
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try {
      client = new KubernetesClientBuilder().withConfig(config).build();
    } catch (RuntimeException e) {
      String who = checked.flatMap(KubeconfigFile::user).map(u -> checked.get().label() + ": user '" + u + "'").orElse("the kubeconfig");
      throw new BadInputException(who + ": the client certificate and key cannot be loaded (client-certificate-data, client-key-data)");
    }
    KubeApi api = new KubeApi(client, ns, timeout, secrets, waits);
    api.selectors.addAll(Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")).toList());
    return api;
  }

  /** The kubeconfig to check: {@code --kubeconfig}, else {@code KUBECONFIG} (one file or several), else {@code ~/.kube/config}. */
  private static Optional<Located> kubeconfigFile(KubeTarget target) {
    if (target.kubeconfig().isPresent()) {
      Path p = Path.of(target.kubeconfig().get());
      if (!p.toFile().isFile()) {
        throw new BadInputException("--kubeconfig " + p + ": no such file");
      }
      return Optional.of(new Located(p, "--kubeconfig " + p, List.of()));
    }
    String env = System.getenv("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      List<String> files = List.of(env.split(File.pathSeparator)).stream().filter(s -> !s.isBlank()).toList();
      if (files.size() == 1 && new File(files.get(0)).isFile()) {
        return Optional.of(new Located(Path.of(files.get(0)), "KUBECONFIG " + files.get(0), List.of()));
      }
      if (files.size() > 1) {
        // several files, merged as kubectl merges them, checked on the merged view
        return Optional.of(new Located(Path.of(files.get(0)), "KUBECONFIG", files.stream().map(Path::of).toList()));
      }
      return Optional.empty();
    }
    Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
    return home.toFile().isFile() ? Optional.of(new Located(home, home.toString(), List.of())) : Optional.empty();
  }

  /** The kubeconfig to check: one file, or the files of a {@code KUBECONFIG} list ({@code merged} not empty). */
  private record Located(Path path, String label, List<Path> merged) {}

  private static Duration checkTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new BadInputException("--timeout must be positive");
    }
    if (timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new BadInputException("--timeout must be at most " + MAX_TIMEOUT.toMinutes() + " minutes, not " + timeout.toSeconds() + " s");
    }
    return timeout;
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

  /** The budget of one call, its answer included ({@code --timeout}); exec and port-forward streams are bounded by it too. */
  public Duration timeout() {
    return timeout;
  }

  /** A deadline {@link #timeout()} from now: one call's, or one stream's (an exec, a port-forward). */
  public Deadline deadline() {
    return Deadline.after(timeout);
  }

  /**
   * Runs one API call within {@link #timeout()}, its answer included; a 403 becomes an
   * unavailable observation {@code forbidden: VERB RESOURCE in NS}.
   *
   * @throws UnreachableException when the API cannot be reached or answers with an error
   * @throws BadInputException when the API refuses the credentials (401)
   * @throws InterruptedRunException when the calling thread is interrupted
   */
  public <T> Observation<T> read(String verb, String resource, String ns, Supplier<T> call) {
    try {
      return Observation.of(within(call, verb + " " + resource));
    } catch (KubernetesClientException e) {
      if (interrupted(e)) {
        throw interruption(verb, resource);
      }
      if (e.getCode() == 403) {
        return Observation.unavailable("forbidden: " + verb + " " + resource + (ns == null ? "" : " in namespace " + ns)
            + " (see docs/rbac.yaml)");
      }
      throw failure(e, verb + " " + resource);
    } catch (RuntimeException e) {
      if (e instanceof UnreachableException || e instanceof BadInputException || e instanceof InterruptedRunException) {
        throw e;
      }
      if (interrupted(e)) {
        throw interruption(verb, resource);
      }
      throw failure(e, verb + " " + resource);
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

  /** Runs {@code call} on a worker and waits for it at most {@link #timeout()}; the worker is interrupted when the wait ends early. */
  private <T> T within(Supplier<T> call, String what) {
    Future<T> f;
    try {
      f = calls.submit(call::get);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new UnreachableException("Kubernetes API " + server + ": the client is closed");
    }
    try (WaitListener.Wait waiting = waits.asking(server, what)) {
      return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new UnreachableException("Kubernetes API " + server + " did not answer " + what + " within " + seconds(timeout)
          + " (--timeout)");
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedRunException("interrupted while asking the Kubernetes API", e);
    } catch (CancellationException e) {
      throw new InterruptedRunException("interrupted while asking the Kubernetes API", new InterruptedException());
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new UnreachableException("Kubernetes API " + server + ": " + words(c), scrubbed(c));
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static boolean interrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof ClosedByInterruptException) {
        return true;
      }
    }
    return Thread.currentThread().isInterrupted();
  }

  private static InterruptedRunException interruption(String verb, String resource) {
    Thread.currentThread().interrupt();
    return new InterruptedRunException("interrupted while the Kubernetes API answered " + verb + " " + resource, new InterruptedException());
  }

  /** The one line for a failed call, with a cause that carries no credential. */
  private RuntimeException failure(RuntimeException e, String what) {
    String api = "Kubernetes API " + server;
    int code = e instanceof KubernetesClientException k ? k.getCode() : 0;
    if (code == 401) {
      return new BadInputException(api + ": 401: the credentials were refused (the kubeconfig user's token, certificate or password; "
          + "for " + what + ")", scrubbed(e));
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException) {
        return new UnreachableException(api + " cannot be reached: no connection within " + seconds(timeout) + " (--timeout)", scrubbed(e));
      }
      if (t instanceof HttpTimeoutException) {
        return new UnreachableException(api + " did not answer " + what + " within " + seconds(timeout) + " (--timeout)", scrubbed(e));
      }
      if (untrusted(t)) {
        return new UnreachableException(api + ": TLS: the API server's certificate is not trusted (set certificate-authority, "
            + "or insecure-skip-tls-verify)", scrubbed(e));
      }
      if (t instanceof SSLException) {
        return new UnreachableException(api + ": TLS: the handshake failed (is the server URL's scheme right: https for TLS, http without?)",
            scrubbed(e));
      }
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return new UnreachableException(api + " cannot be reached: host not found", scrubbed(e));
      }
      if (t instanceof NoRouteToHostException) {
        return new UnreachableException(api + " cannot be reached: no route to host", scrubbed(e));
      }
      if (t instanceof ConnectException) {
        // the JDK client reports a name it cannot resolve as a connect failure whose cause says so
        return new UnreachableException(api + " cannot be reached: " + (unresolved(t) ? "host not found" : "connection refused"), scrubbed(e));
      }
      if (t instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
        return new UnreachableException(api + ": the answer to " + what + " is not the API's JSON (" + notJson(j)
            + "; is the server URL the API server's, not a proxy's or a web page's?)", scrubbed(e));
      }
    }
    if (code > 0) {
      String reason = REASONS.getOrDefault(code, code >= 500 ? "server error" : "client error");
      String status = e instanceof KubernetesClientException k && k.getStatus() != null ? k.getStatus().getMessage() : null;
      String detail = status == null || status.isBlank() ? "" : ": " + clip(scrub(status.lines().findFirst().orElse("")));
      return new UnreachableException(api + " answered " + code + " " + reason + " to " + what + detail, scrubbed(e));
    }
    if (e.getCause() instanceof IOException io) {
      return new UnreachableException(api + " cannot be reached: " + words(io), scrubbed(e));
    }
    return new UnreachableException(api + ": " + what + " failed: " + words(e), scrubbed(e));
  }

  private static boolean untrusted(Throwable t) {
    if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException || t instanceof CertificateException) {
      return true;
    }
    if (t instanceof SSLHandshakeException) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      return m.contains("pkix") || m.contains("certificate") || m.contains("trust");
    }
    return false;
  }

  private static boolean unresolved(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private static String notJson(com.fasterxml.jackson.core.JsonProcessingException j) {
    String m = String.valueOf(j.getOriginalMessage());
    // the parser's message quotes the body: it is looked at, never printed
    if (m.contains("'<'") || m.contains("from String value ('<")) {
      return "it is an HTML page";
    }
    if (m.contains("from String value")) {
      return "it is plain text";
    }
    if (m.startsWith("Cannot construct instance") || m.startsWith("Cannot deserialize")) {
      return "JSON of another shape";
    }
    return "malformed JSON";
  }

  /** What went wrong, in words: the exception's first line without a class name. */
  private String words(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return "the connection failed";
    }
    String line = m.lines().findFirst().orElse("");
    // fabric8's "Failure executing: GET at: URL. Message: ..." and "java.x.Y: msg" forms
    line = line.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*", "").strip();
    return line.isEmpty() ? "the connection failed" : clip(scrub(line));
  }

  private static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  /** {@code text} with every credential of the kubeconfig blanked out. */
  String scrub(String text) {
    String s = text;
    for (String secret : secrets) {
      s = s.replace(secret, "[redacted]");
    }
    return s.replaceAll("(?i)\\b(Bearer|Basic)\\s+[^\\s\"',;)]+", "$1 [redacted]");
  }

  /**
   * A copy of {@code t} and its causes for {@code --verbose}: each a plain exception whose text is
   * the original's class and message with every credential blanked out, with the original's stack.
   */
  RuntimeException scrubbed(Throwable t) {
    if (t == null) {
      return null;
    }
    List<Throwable> chain = new ArrayList<>();
    for (Throwable c = t; c != null && chain.size() < 16 && !chain.contains(c); c = c.getCause()) {
      chain.add(c);
    }
    RuntimeException copy = null;
    for (int i = chain.size() - 1; i >= 0; i--) {
      Throwable c = chain.get(i);
      Redacted r = new Redacted(scrub(c.getClass().getName() + (c.getMessage() == null ? "" : ": " + c.getMessage())), copy);
      r.setStackTrace(c.getStackTrace());
      copy = r;
    }
    return copy;
  }

  /** An exception's class, text (credentials blanked out) and stack, as {@code --verbose} shows it. */
  private static final class Redacted extends RuntimeException {
    Redacted(String text, Throwable cause) {
      super(text, cause, false, true);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  @Override
  public void close() {
    calls.shutdownNow();
    client.close();
    selectors.forEach(Thread::interrupt);
  }
}
