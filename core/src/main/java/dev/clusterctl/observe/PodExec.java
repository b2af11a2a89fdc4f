package dev.clusterctl.observe;

import dev.clusterctl.gather.KubeApi;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/** Runs one command in many pods through the API's exec, a bounded number at a time. */
public final class PodExec {

  private static final long TIMEOUT_S = 10;

  private PodExec() {}

  /**
   * Runs {@code command} in container {@code container} of each pod and returns the first line each
   * printed, by pod name; a pod where it failed is absent. {@code progress} is told
   * {@code (done, total)} after each pod.
   */
  public static Map<String, String> firstLines(KubeApi api, String namespace, List<String> pods, String container, List<String> command,
      int concurrency, BiConsumer<Integer, Integer> progress) {
    return each(pods, concurrency, progress, pod -> run(api, namespace, pod, container, command));
  }

  /**
   * Runs {@code probe} for each pod, at most {@code concurrency} at a time, and keeps the non-null
   * answers by pod name; {@code progress} is told {@code (done, total)} after each pod.
   */
  public static Map<String, String> each(List<String> pods, int concurrency, BiConsumer<Integer, Integer> progress, java.util.function.Function<String, String> probe) {
    Map<String, String> out = new ConcurrentHashMap<>();
    if (pods.isEmpty()) {
      return out;
    }
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, pods.size())), r -> {
      Thread t = new Thread(r, "clusterctl-exec");
      t.setDaemon(true);
      return t;
    });
    try {
      for (String pod : pods) {
        pool.execute(() -> {
          try {
            String line = probe.apply(pod);
            if (line != null) {
              out.put(pod, line);
            }
          } finally {
            progress.accept(done.incrementAndGet(), pods.size());
          }
        });
      }
      pool.shutdown();
      pool.awaitTermination(TIMEOUT_S * (pods.size() / Math.max(1, concurrency) + 1), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  private static String run(KubeApi api, String namespace, String pod, String container, List<String> command) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    var op = api.client().pods().inNamespace(namespace).withName(pod);
    var target = container == null || container.isEmpty() ? op : op.inContainer(container);
    try (ExecWatch w = target.writingOutput(stdout).exec(command.toArray(String[]::new))) {
      Integer code = w.exitCode().get(api.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (code != null && code != 0) {
        return null;
      }
    } catch (Exception e) {
      return null;
    }
    String text = stdout.toString(StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? null : text.lines().findFirst().orElse(null);
  }
}
