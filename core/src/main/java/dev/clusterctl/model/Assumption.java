package dev.clusterctl.model;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Something the inputs did not settle, and what the model took in its place. A check whose
 * failure rests on an assumption warns instead of failing, and the report lists every assumption.
 *
 * @param topic what the assumption is about
 * @param what the setting ({@code the Corefile}, {@code RELEASE_DISTRIBUTION})
 * @param assumed the value taken ({@code kubeadm's default Corefile (no endpoint_pod_names)})
 * @param because why nothing better was known ({@code no coredns ConfigMap among the inputs and no --corefile})
 * @param supply how to settle it ({@code --corefile FILE}, {@code --release-env FILE})
 * @param alternatives the other values it could take, each as a change to the model; empty when
 *     they cannot be listed (any failure resting on it is then unsure)
 * @param softens true when a failure resting on it is unsure; false for a premise that holds for
 *     nearly every image (an image that sets {@code RELEASE_VM_ARGS} itself), listed so the reader
 *     can check it, but not reason enough to doubt what the inputs do say
 */
public record Assumption(Topic topic, String what, String assumed, String because, String supply, List<Alternative> alternatives, boolean softens) {

  /** Copies the list. */
  public Assumption {
    alternatives = List.copyOf(alternatives);
  }

  /** An assumption that softens the failures resting on it, with its other values. */
  public Assumption(Topic topic, String what, String assumed, String because, String supply, List<Alternative> alternatives) {
    this(topic, what, assumed, because, supply, alternatives, true);
  }

  /** An assumption whose other values cannot be listed. */
  public Assumption(Topic topic, String what, String assumed, String because, String supply) {
    this(topic, what, assumed, because, supply, List.of(), true);
  }

  /** A premise: listed in the report, without softening any verdict. */
  public static Assumption premise(Topic topic, String what, String assumed, String because, String supply) {
    return new Assumption(topic, what, assumed, because, supply, List.of(), false);
  }

  /**
   * Another value the setting could take.
   *
   * @param value the value in words ({@code name})
   * @param apply the model as it would be with that value
   */
  public record Alternative(String value, UnaryOperator<ClusterModel> apply) {}

  /** What an assumption is about; checks name the topics their verdict rests on. */
  public enum Topic {
    /** The Corefile and its kubernetes plugin. */
    COREDNS,
    /** Which Service forms the cluster. */
    SERVICE,
    /** Which workload forms the cluster. */
    WORKLOAD,
    /** The discovery library and its settings. */
    DISCOVERY,
    /** How the release names its node. */
    NODE_NAME,
    /** Where the cookie comes from. */
    COOKIE;

    /** The lower-case id used in JSON ({@code node-name}). */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** One line: {@code RELEASE_DISTRIBUTION: assumed sname (…), because …; give --release-env FILE}. */
  public String describe() {
    return what + ": assumed " + assumed + ", because " + because + "; give " + supply;
  }
}
