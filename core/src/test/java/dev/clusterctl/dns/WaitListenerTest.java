package dev.clusterctl.dns;

import static dev.clusterctl.dns.ScriptedClient.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** A listener hears every wait of a lookup as it starts and as it ends, and the lookup is unchanged. */
class WaitListenerTest {

  private static final InetSocketAddress S1 = new InetSocketAddress("127.0.0.1", 5301);
  private static final InetSocketAddress S2 = new InetSocketAddress("127.0.0.2", 5302);

  @Test
  void everyWaitIsHeardStartingAndEnding() {
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    WaitListener listener = (server, transport, name) -> {
      String what = server.getPort() + " " + transport + " " + name;
      heard.add("start " + what);
      return () -> heard.add("end " + what);
    };
    // the first server is silent, the second refuses: both waits are heard, in order, each ended
    ScriptedClient client = new ScriptedClient((query, server, transport) ->
        server.equals(S2) ? ScriptedClient.rcode(query, Rcode.REFUSED) : null);
    DnsConfig config = new DnsConfig(List.of(S1, S2), false, Duration.ofMillis(200), 1, SearchMode.NONE, List.of(), 1);
    LookupResult observed = new Resolver(config, listener.observing(client)).lookup("ledger.example.", Type.A);
    LookupResult plain = new Resolver(config, client).lookup("ledger.example.", Type.A);

    assertThat(observed.status()).isEqualTo(plain.status());
    assertThat(heard).isNotEmpty();
    assertThat(heard.get(0)).isEqualTo("start 5301 UDP ledger.example.");
    assertThat(heard).contains("start 5302 UDP ledger.example.", "end 5302 UDP ledger.example.");
    long starts = heard.stream().filter(h -> h.startsWith("start ")).count();
    long ends = heard.stream().filter(h -> h.startsWith("end ")).count();
    assertThat(starts).as("every wait ends").isEqualTo(ends);
    for (int i = 0; i < heard.size(); i += 2) {
      assertThat(heard.get(i + 1)).as("a wait ends before the next starts").isEqualTo("end " + heard.get(i).substring("start ".length()));
    }
  }

  @Test
  void noneHearsNothingAndChangesNothing() {
    ScriptedClient client = new ScriptedClient().on("ledger.example.", Type.A, code(Rcode.NXDOMAIN));
    DnsConfig config = new DnsConfig(List.of(S1), false, Duration.ofMillis(200), 1, SearchMode.NONE, List.of(), 1);
    assertThat(new Resolver(config, WaitListener.NONE.observing(client)).lookup("ledger.example.", Type.A).status())
        .isEqualTo(Status.NXDOMAIN);
  }
}
