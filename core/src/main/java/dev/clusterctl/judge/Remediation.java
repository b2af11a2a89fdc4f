package dev.clusterctl.judge;

/**
 * What to change.
 *
 * @param text one or two sentences
 * @param snippet what to write, or an empty string
 * @param language the snippet's language ({@code yaml}, {@code corefile}, {@code erlang},
 *     {@code shell}, {@code vm.args}) or an empty string
 */
public record Remediation(String text, String snippet, String language) {

  /** A remediation with a snippet. */
  public static Remediation of(String text, String language, String snippet) {
    return new Remediation(text, snippet.stripTrailing(), language);
  }

  /** A remediation without a snippet. */
  public static Remediation text(String text) {
    return new Remediation(text, "", "");
  }
}
