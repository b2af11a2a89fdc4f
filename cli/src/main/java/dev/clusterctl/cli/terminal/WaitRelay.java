package dev.clusterctl.cli.terminal;

import dev.clusterctl.dns.WaitListener;
import dev.clusterctl.dns.Transport;
import java.net.InetSocketAddress;

/**
 * A listener handed to core before the command knows where its waits will show (join builds its
 * resolver when it plans, and chooses the live view or a stderr line only later): each wait goes
 * to the display set last with {@link #to}, nowhere until one is set and after it is taken back.
 */
public final class WaitRelay implements WaitListener {

  private volatile WaitListener target = WaitListener.NONE;

  /** Sends the waits that start from now on to {@code display} ({@link WaitListener#NONE} to nowhere). */
  public void to(WaitListener display) {
    target = display;
  }

  @Override
  public Wait waiting(InetSocketAddress server, Transport transport, String name) {
    return target.waiting(server, transport, name);
  }
}
