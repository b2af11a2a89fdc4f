package dev.clusterctl.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.InterruptedRunException;
import dev.clusterctl.testing.FakeKubectl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -k} through a fake {@code kubectl} (a shell script in a temporary directory), so the
 * kustomize path is exercised wherever the tests run, kubectl installed or not.
 */
class KustomizeTest {

  @TempDir Path tmp;

  @Test
  void rendersWithKubectlKustomizeDir() throws IOException {
    Path kubectl = FakeKubectl.rendering(tmp);
    Path k = Files.createDirectories(tmp.resolve("overlay"));
    Files.writeString(k.resolve("kustomization.yaml"), "resources:\n- svc.yaml\n");
    Files.writeString(k.resolve("svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: app, namespace: ns}\n");
    byte[] out = new Kustomize(kubectl.toString()).render(k.toString());
    assertThat(new String(out, StandardCharsets.UTF_8)).contains("kind: Service").doesNotContain("resources:");
    assertThat(FakeKubectl.lastArguments(kubectl)).isEqualTo("kustomize " + k);
  }

  @Test
  void aFailingKubectlIsOneLineWithItsFirstErrorLine() throws IOException {
    Path kubectl = FakeKubectl.script(tmp, "echo 'error: unable to find one of kustomization.yaml' >&2\necho 'second line' >&2\nexit 1\n");
    assertThatThrownBy(() -> new Kustomize(kubectl.toString()).render(tmp.toString()))
        .isInstanceOf(BadInputException.class)
        .hasMessage("-k " + tmp + ": kubectl kustomize failed: error: unable to find one of kustomization.yaml");
  }

  @Test
  void anInterruptKillsKubectlKeepsTheInterruptFlagAndIsNotBadInput() throws Exception {
    Path started = tmp.resolve("started");
    Path kubectl = FakeKubectl.script(tmp, "touch '" + started + "'\nexec sleep 60\n");
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        new Kustomize(kubectl.toString()).render(tmp.toString());
      } catch (RuntimeException e) {
        thrown.set(e);
        flag.set(Thread.currentThread().isInterrupted());
      }
    });
    t.start();
    while (!Files.exists(started) && t.isAlive()) {
      Thread.sleep(10);
    }
    t.interrupt();
    t.join(30_000);
    assertThat(t.isAlive()).as("render returned after the interrupt").isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedRunException.class).isNotInstanceOf(BadInputException.class)
        .hasCauseInstanceOf(InterruptedException.class).hasMessageContaining("interrupted");
    assertThat(flag.get()).as("interrupt flag restored").isTrue();
  }
}
