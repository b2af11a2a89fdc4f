package dev.clusterctl.observe;

import java.time.Instant;
import java.util.List;

/**
 * When the {@code kube-system/coredns} ConfigMap last changed and when the CoreDNS pods started.
 *
 * @param configChanged the ConfigMap's last change: the newest {@code managedFields} time, else its creation
 * @param changedHow which of the two it is
 * @param pods the CoreDNS pods and their start times
 */
public record CorednsState(Instant configChanged, String changedHow, List<CorednsPod> pods) {

  /** Copies the list. */
  public CorednsState {
    pods = List.copyOf(pods);
  }

  /**
   * A CoreDNS pod.
   *
   * @param name the pod name
   * @param started {@code status.startTime}
   */
  public record CorednsPod(String name, Instant started) {}
}
