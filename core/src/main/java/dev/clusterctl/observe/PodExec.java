package dev.clusterctl.observe;

import dev.clusterctl.gather.KubeApi;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs one command in many pods through the API's exec, a bounded number at a time, each within
 * the API's timeout ({@code --timeout}), and says for each pod what it printed or why it printed
 * nothing: exec forbidden by RBAC, the program missing from the image, a non-zero exit with what
 * it wrote on stderr, or no answer in time.
 */
public final class PodExec {

  private PodExec() {}

  /**
   * What one exec gave.
   *
   * @param line the first line the command printed on stdout, or {@code null} when it failed
   * @param failure why there is no line, in words (empty when there is one)
   */
  public record Outcome(String line, String failure) {
    static Outcome of(String line) {
      return new Outcome(line, "");
    }

    static Outcome failed(String why) {
      return new Outcome(null, why);
    }

    /** True when the command printed a line. */
    public boolean answered() {
      return line != null;
    }
  }

  /**
   * Runs {@code command} in container {@code container} of each pod and returns the first line each
   * printed, by pod name; a pod where it failed is absent. {@code progress} is told
   * {@code (done, total)} after each pod.
   */
  public static Map<String, String> firstLines(KubeApi api, String namespace, List<String> pods, String container, List<String> command,
      int concurrency, BiConsumer<Integer, Integer> progress) {
    Map<String, String> out = new LinkedHashMap<>();
    outcomes(api, namespace, pods, container, command, concurrency, progress).forEach((pod, o) -> {
      if (o.answered()) {
        out.put(pod, o.line());
      }
    });
    return out;
  }

  /** Runs {@code command} in each pod, as {@link #firstLines}, keeping every outcome, failures included, in pod order. */
  public static Map<String, Outcome> outcomes(KubeApi api, String namespace, List<String> pods, String container, List<String> command,
      int concurrency, BiConsumer<Integer, Integer> progress) {
    Duration timeout = api.timeout();
    Map<String, Outcome> done = each(pods, concurrency, timeout, progress, pod -> run(api, namespace, pod, container, command, timeout));
    Map<String, Outcome> ordered = new LinkedHashMap<>();
    for (String pod : pods) {
      ordered.put(pod, done.getOrDefault(pod, Outcome.failed("no answer within " + seconds(timeout) + " (--timeout)")));
    }
    return ordered;
  }

  /**
   * Runs {@code probe} for each pod, at most {@code concurrency} at a time, and keeps the non-null
   * answers by pod name; {@code progress} is told {@code (done, total)} after each pod. Each probe
   * is expected to end within {@code timeout}; the whole fan-out is given that per wave of
   * {@code concurrency} pods, and what has not ended by then is left out.
   */
  public static <T> Map<String, T> each(List<String> pods, int concurrency, Duration timeout, BiConsumer<Integer, Integer> progress, Function<String, T> probe) {
    Map<String, T> out = new ConcurrentHashMap<>();
    if (pods.isEmpty()) {
      return out;
    }
    AtomicInteger done = new AtomicInteger();
    int threads = Math.max(1, Math.min(concurrency, pods.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "clusterctl-exec");
      t.setDaemon(true);
      return t;
    });
    try {
      for (String pod : pods) {
        pool.execute(() -> {
          try {
            T answer = probe.apply(pod);
            if (answer != null) {
              out.put(pod, answer);
            }
          } finally {
            progress.accept(done.incrementAndGet(), pods.size());
          }
        });
      }
      pool.shutdown();
      long waves = (pods.size() + threads - 1) / threads;
      // a second per wave on top: the client's own close and clean-up after a stream's deadline
      pool.awaitTermination(timeout.toMillis() * waves + 1000 * waves, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  private static Outcome run(KubeApi api, String namespace, String pod, String container, List<String> command, Duration timeout) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    ByteArrayOutputStream status = new ByteArrayOutputStream();
    var op = api.client().pods().inNamespace(namespace).withName(pod);
    var target = container == null || container.isEmpty() ? op : op.inContainer(container);
    String what = String.join(" ", command);
    long started = System.nanoTime();
    try (ExecWatch w = target.writingOutput(stdout).writingError(stderr).writingErrorChannel(status).exec(command.toArray(String[]::new))) {
      long left = timeout.toNanos() - (System.nanoTime() - started);
      Integer code = w.exitCode().get(Math.max(1, left), TimeUnit.NANOSECONDS);
      Status st = status(api, status);
      if (st != null && !"Success".equals(st.getStatus()) && !"NonZeroExitCode".equals(st.getReason())) {
        return Outcome.failed(runtimeFailure(command.get(0), container, st));
      }
      if (code != null && code != 0) {
        String err = firstLine(stderr.toString(StandardCharsets.UTF_8));
        return Outcome.failed(what + " exited with status " + code + (err.isEmpty() ? "" : ": " + err));
      }
      if (st == null && firstLine(stdout.toString(StandardCharsets.UTF_8)).isEmpty()) {
        return Outcome.failed("the exec stream closed without output or exit status");
      }
    } catch (TimeoutException e) {
      return Outcome.failed("no answer within " + seconds(timeout) + " (--timeout)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failed("interrupted");
    } catch (ExecutionException | RuntimeException e) {
      return Outcome.failed(apiFailure(e, namespace));
    }
    String line = firstLine(stdout.toString(StandardCharsets.UTF_8));
    return line.isEmpty() ? Outcome.failed(what + " printed nothing") : Outcome.of(line);
  }

  /** The error channel's Status, if the kubelet sent one. */
  private static Status status(KubeApi api, ByteArrayOutputStream channel) {
    String json = channel.toString(StandardCharsets.UTF_8).strip();
    if (json.isEmpty()) {
      return null;
    }
    try {
      return api.client().getKubernetesSerialization().unmarshal(json, Status.class);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A command the runtime could not start, in words: most often the program is not in the image. */
  private static String runtimeFailure(String program, String container, Status st) {
    String msg = st.getMessage() == null ? "" : st.getMessage();
    String in = container == null || container.isEmpty() ? "the container" : "container " + container;
    if (msg.contains("executable file not found") || msg.contains("no such file or directory")) {
      return "no '" + program + "' in " + in + " (the image does not have it)";
    }
    return "the container runtime could not run " + program + " in " + in + ": " + firstLine(msg);
  }

  /** An exec the API refused or that broke off, in words; never a credential (messages name verbs, resources and pods). */
  private static String apiFailure(Throwable e, String namespace) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      int code = t instanceof KubernetesClientException k ? k.getCode()
          : t instanceof WebSocketHandshakeException h && h.getResponse() != null ? h.getResponse().code() : 0;
      if (code == 401) {
        return "401: the credentials were refused";
      }
      if (code == 403) {
        return "forbidden: create pods/exec in namespace " + namespace + " (see docs/rbac.yaml)";
      }
      if (code == 404) {
        return "the pod or container is gone (404)";
      }
      if (code > 0) {
        return "the API server refused the exec (" + code + ")";
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return "exec failed: " + (m == null || m.isBlank() ? "the stream broke off" : firstLine(m));
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("").strip();
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** Failures counted by reason, for one line of the report: {@code forbidden: … (3 pods)}. */
  public static String summary(Map<String, Outcome> outcomes) {
    Map<String, Integer> byReason = new TreeMap<>();
    outcomes.values().stream().filter(o -> !o.answered()).forEach(o -> byReason.merge(o.failure(), 1, Integer::sum));
    StringBuilder b = new StringBuilder();
    byReason.forEach((why, n) -> b.append(b.length() == 0 ? "" : "; ").append(why).append(n == 1 ? " (1 pod)" : " (" + n + " pods)"));
    return b.toString();
  }
}
