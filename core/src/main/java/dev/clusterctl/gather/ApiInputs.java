package dev.clusterctl.gather;

import dev.clusterctl.dns.WaitListener;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What the doctor reads besides the cluster, and how it observes it.
 *
 * @param sysConfig {@code --sys-config}
 * @param vmArgs {@code --vm-args}
 * @param releaseEnv {@code --release-env}
 * @param releaseDir {@code --release-dir}
 * @param exec true to run {@code hostname --fqdn} in each pod ({@code --exec})
 * @param execConcurrency how many execs run at once
 * @param dns where the discovery query is asked
 * @param progress told {@code (done, total)} as execs finish
 * @param dnsWaits told as each wait for a DNS server's reply (the discovery query) starts and ends
 * @param apiWaits told as each wait for the API server's answer starts and ends
 */
public record ApiInputs(
    Optional<String> sysConfig, Optional<String> vmArgs, Optional<String> releaseEnv, Optional<String> releaseDir, boolean exec, int execConcurrency, DnsWhere dns, BiConsumer<Integer, Integer> progress,
    WaitListener dnsWaits, ApiWaitListener apiWaits) {

  /** Inputs whose waits nobody hears. */
  public ApiInputs(Optional<String> sysConfig, Optional<String> vmArgs, Optional<String> releaseEnv, Optional<String> releaseDir, boolean exec, int execConcurrency, DnsWhere dns, BiConsumer<Integer, Integer> progress) {
    this(sysConfig, vmArgs, releaseEnv, releaseDir, exec, execConcurrency, dns, progress, WaitListener.NONE, ApiWaitListener.NONE);
  }

  /** Inputs with no {@code --release-env} or {@code --release-dir}. */
  public ApiInputs(Optional<String> sysConfig, Optional<String> vmArgs, boolean exec, int execConcurrency, DnsWhere dns, BiConsumer<Integer, Integer> progress) {
    this(sysConfig, vmArgs, Optional.empty(), Optional.empty(), exec, execConcurrency, dns, progress);
  }
}
