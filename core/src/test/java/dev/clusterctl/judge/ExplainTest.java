package dev.clusterctl.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.expect.ExamplePod;
import dev.clusterctl.expect.PeerRow;
import dev.clusterctl.model.PodHost;
import dev.clusterctl.model.RenderedName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How node-host-matches-dns explains a mismatch: exactly as atoms compare. */
class ExplainTest {

  static PeerRow row(String self, String peer) {
    ExamplePod pod = new ExamplePod("app-0", "10.244.0.10", "app-0", "svc", new PodHost("app-0", "app-0.svc.ns.svc.cluster.local"), true, Map.of());
    return new PeerRow(pod, new RenderedName(self, List.of()), peer, "SRV target");
  }

  @Test
  void caseAndTrailingDotsMatter() {
    assertThat(row("app@App-0.svc", "app@app-0.svc").matches()).isFalse();
    assertThat(NodeHostMatchesDns.explain(row("app@App-0.svc", "app@app-0.svc"), false)).contains("differ only in case");
    assertThat(NodeHostMatchesDns.explain(row("app@app-0.svc", "app@app-0.svc."), false)).contains("trailing dot");
    assertThat(NodeHostMatchesDns.explain(row("app@app-0.svc", "web@app-0.svc"), false)).contains("basenames differ");
    assertThat(NodeHostMatchesDns.explain(row("app@app-0.svc", "app@10.244.0.10"), false)).contains("peers use the pod IP");
    assertThat(NodeHostMatchesDns.explain(row("app@10.244.0.10", "app@app-0.svc"), false)).contains("peers use a host name");
    assertThat(NodeHostMatchesDns.explain(row("app@app-0.svc", "app@10-244-0-10.svc"), false)).contains("dashed IP");
    assertThat(NodeHostMatchesDns.explain(row("app@app-0", "app@app-0.svc"), true)).contains("-sname");
    assertThat(row("app@app-0.svc", "app@app-0.svc").matches()).isTrue();
  }
}
