package dev.clusterctl.cli.terminal;

import dev.clusterctl.dns.WaitListener;
import dev.clusterctl.gather.ApiWaitListener;

/** Shows a command's waits (DNS servers, the API server) while they last ({@link ProgressLine}), or nothing; closed when the waiting is over. */
public interface WaitDisplay extends WaitListener, ApiWaitListener, AutoCloseable {

  /** Shows nothing. */
  WaitDisplay NONE = new WaitDisplay() {
    @Override
    public Wait waiting(java.net.InetSocketAddress server, dev.clusterctl.dns.Transport transport, String name) {
      return () -> { };
    }

    @Override
    public Wait asking(String server, String call) {
      return () -> { };
    }

    @Override
    public void close() { }
  };

  /** Erases what is shown, if anything, and stops. */
  @Override
  void close();
}
