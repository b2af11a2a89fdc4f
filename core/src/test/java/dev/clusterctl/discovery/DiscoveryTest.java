package dev.clusterctl.discovery;

import static dev.clusterctl.discovery.DerivationTest.a;
import static dev.clusterctl.discovery.DerivationTest.srv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.dns.DnsClient;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.testing.InMemoryDns;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class DiscoveryTest {

  private static final String SVC = "_dist-erl._tcp.ledger.payments.svc.cluster.local.";
  private final List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());

  /** Answers the SRV with two targets, only the first of which is in the additional section. */
  private final DnsClient client = InMemoryDns.answering(q -> {
    Record question = q.getQuestion();
    String n = question.getName().toString();
    asked.add(n + " " + Type.string(question.getType()));
    Message m = new Message(q.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setFlag(Flags.RD);
    m.addRecord(question, Section.QUESTION);
    if (n.equals(SVC) && question.getType() == Type.SRV) {
      m.addRecord(srv(SVC, "ledger-0.ledger.payments.svc.cluster.local."), Section.ANSWER);
      m.addRecord(srv(SVC, "ledger-1.ledger.payments.svc.cluster.local."), Section.ANSWER);
      m.addRecord(a("ledger-0.ledger.payments.svc.cluster.local.", "10.244.0.5"), Section.ADDITIONAL);
    } else if (n.equals("ledger-1.ledger.payments.svc.cluster.local.") && question.getType() == Type.A) {
      m.addRecord(a(n, "10.244.0.6"), Section.ANSWER);
    } else if (n.equals("ledger.payments.svc.cluster.local.") && question.getType() == Type.A) {
      m.addRecord(a(n, "10.244.0.5"), Section.ANSWER);
      m.addRecord(a(n, "10.244.0.6"), Section.ANSWER);
    } else if (n.equals("5.0.244.10.in-addr.arpa.") && question.getType() == Type.PTR) {
      m.addRecord(new PTRRecord(question.getName(), DClass.IN, 30,
          DerivationTest.name("ledger-0.ledger.payments.svc.cluster.local.")), Section.ANSWER);
    } else {
      m.getHeader().setRcode(Rcode.NXDOMAIN);
    }
    return m;
  });

  private Discovery discovery() {
    DnsConfig c = new DnsConfig(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 53)), false,
        Duration.ofSeconds(1), 1, SearchMode.ERLANG, List.of(), 1);
    return new Discovery(new Resolver(c, client));
  }

  @Test
  void srvTargetAddressesComeFromTheAdditionalSectionElseAFollowUpQuery() {
    DiscoveryResult r = discovery().discover(
        DiscoverySpec.of(Strategy.DNS_CLUSTER, null, null, "ledger", SVC), SVC);
    assertThat(r.targets()).extracting(TargetAddresses::target, TargetAddresses::source, TargetAddresses::addresses)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ledger-0.ledger.payments.svc.cluster.local",
                TargetAddresses.Source.ADDITIONAL, List.of("10.244.0.5")),
            org.assertj.core.groups.Tuple.tuple("ledger-1.ledger.payments.svc.cluster.local",
                TargetAddresses.Source.QUERY, List.of("10.244.0.6")));
    assertThat(asked).containsExactly(SVC + " SRV", "ledger-1.ledger.payments.svc.cluster.local. A");
    assertThat(r.nodes()).extracting(DerivedNode::display).containsExactly("ledger@10.244.0.5", "ledger@10.244.0.6");
    assertThat(r.allLookups()).extracting(l -> l.query() + " " + l.attempts().size())
        .containsExactly(SVC + " 1", "ledger-1.ledger.payments.svc.cluster.local. 1");
  }

  @Test
  void hostTypeHostnameForALooksUpPtrNames() {
    DiscoveryResult r = discovery().discover(
        DiscoverySpec.of(Strategy.GEN_CLUSTER, QueryType.A, HostType.HOSTNAME, "ledger", "x"),
        "ledger.payments.svc.cluster.local");
    assertThat(r.nodes()).extracting(DerivedNode::display)
        .containsExactly("ledger@ledger-0.ledger.payments.svc.cluster.local");
    assertThat(r.gaps()).extracting(Gap::reason).containsExactly("the address has no PTR record (NXDOMAIN)");
    assertThat(r.reverse()).hasSize(2);
    assertThat(r.allLookups()).hasSize(3).first().isSameAs(r.lookup());
    assertThat(r.allLookups().subList(1, 3)).containsExactly(r.reverse().get(0).lookup(), r.reverse().get(1).lookup());
  }
}
