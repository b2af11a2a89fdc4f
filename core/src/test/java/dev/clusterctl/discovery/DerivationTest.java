package dev.clusterctl.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.dns.QueryType;
import dev.clusterctl.error.BadInputException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;

class DerivationTest {

  static Name name(String s) {
    return Name.fromConstantString(s);
  }

  static Record a(String owner, String ip) {
    try {
      return new ARecord(name(owner), DClass.IN, 30, InetAddress.getByName(ip));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Record aaaa(String owner, String ip) {
    try {
      return new AAAARecord(name(owner), DClass.IN, 30, InetAddress.getByName(ip));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Record srv(String owner, String target) {
    return new SRVRecord(name(owner), DClass.IN, 30, 0, 33, 39135, name(target));
  }

  private static final String SVC = "_dist-erl._tcp.ledger.payments.svc.cluster.local.";
  private static final List<Record> SRV_ANSWERS = List.of(
      srv(SVC, "ledger-1.ledger.payments.svc.cluster.local."),
      srv(SVC, "ledger-0.ledger.payments.svc.cluster.local."),
      srv(SVC, "ledger-0.ledger.payments.svc.cluster.local."));
  private static final List<Record> A_ANSWERS = List.of(
      a("ledger.payments.svc.cluster.local.", "10.244.0.10"),
      a("ledger.payments.svc.cluster.local.", "10.244.0.9"),
      a("ledger.payments.svc.cluster.local.", "10.244.0.9"));

  private static List<String> names(Derivation d) {
    return d.nodes().stream().map(DerivedNode::display).toList();
  }

  private static DiscoverySpec spec(Strategy s, QueryType t, HostType h) {
    return DiscoverySpec.of(s, t, h, "ledger", "x");
  }

  @Test
  void genClusterAGivesBaseAtIpSortedAndDistinct() {
    Derivation d = Derivation.derive(spec(Strategy.GEN_CLUSTER, QueryType.A, null), A_ANSWERS, Map.of(), Map.of());
    assertThat(names(d)).containsExactly("ledger@10.244.0.10", "ledger@10.244.0.9");
    assertThat(d.nodes()).allSatisfy(n -> assertThat(n.problems()).isEmpty());
    assertThat(d.nodes().get(1).from()).isEqualTo("A 10.244.0.9");
  }

  @Test
  void genClusterSrvGivesBaseAtTargetWithoutTheTrailingDot() {
    Derivation d = Derivation.derive(spec(Strategy.GEN_CLUSTER, QueryType.SRV, null), SRV_ANSWERS, Map.of(), Map.of());
    assertThat(names(d)).containsExactly(
        "ledger@ledger-0.ledger.payments.svc.cluster.local", "ledger@ledger-1.ledger.payments.svc.cluster.local");
  }

  @Test
  void genClusterSrvWithHostTypeIpCrashesAndDnsClusterTakesIpv4Addresses() {
    Map<String, TargetAddresses> targets = Map.of(
        "ledger-0.ledger.payments.svc.cluster.local",
        new TargetAddresses("ledger-0.ledger.payments.svc.cluster.local", List.of("10.244.0.5", "fd00::5"),
            TargetAddresses.Source.ADDITIONAL, List.of()),
        "ledger-1.ledger.payments.svc.cluster.local",
        new TargetAddresses("ledger-1.ledger.payments.svc.cluster.local", List.of("10.244.0.6"),
            TargetAddresses.Source.ADDITIONAL, List.of()));
    // issue 12: the real gc_discover_dns_srv crashes with case_clause on the first target; no peer at all
    Derivation d = Derivation.derive(spec(Strategy.GEN_CLUSTER, QueryType.SRV, HostType.IP), SRV_ANSWERS, targets, Map.of());
    assertThat(names(d)).isEmpty();
    assertThat(d.crashes()).isTrue();
    assertThat(d.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("case-clause");
      assertThat(f.message()).contains("{case_clause, {ok, {hostent, ...}}}", "Kernel pid terminated");
      assertThat(f.avoid()).contains("host_type => hostname");
    });
    // issue 12: dns_cluster's :inet.gethostbyname is IPv4 only: fd00::5 is not a node
    Derivation dc = Derivation.derive(spec(Strategy.DNS_CLUSTER, QueryType.SRV, null), SRV_ANSWERS, targets, Map.of());
    assertThat(names(dc)).containsExactly("ledger@10.244.0.5", "ledger@10.244.0.6");
  }

  @Test
  void aTargetWithoutAddressIsAGapNotANode() {
    Derivation d = Derivation.derive(spec(Strategy.DNS_CLUSTER, QueryType.SRV, null), SRV_ANSWERS, Map.of(), Map.of());
    assertThat(d.nodes()).isEmpty();
    assertThat(d.gaps()).extracting(Gap::from).containsExactly(
        "SRV ledger-0.ledger.payments.svc.cluster.local", "SRV ledger-1.ledger.payments.svc.cluster.local");
  }

  @Test
  void libclusterDnsSrvNamesByTargetAndLibclusterDnsByIp() {
    assertThat(names(Derivation.derive(spec(Strategy.LIBCLUSTER_DNSSRV, null, null), SRV_ANSWERS, Map.of(), Map.of())))
        .hasSize(2).allMatch(n -> n.endsWith(".svc.cluster.local"));
    assertThat(names(Derivation.derive(spec(Strategy.LIBCLUSTER_DNS, null, null), A_ANSWERS, Map.of(), Map.of())))
        .containsExactly("ledger@10.244.0.10", "ledger@10.244.0.9");
  }

  @Test
  void hostTypeHostnameForATakesThePtrName() {
    Map<String, ReverseName> ptr = Map.of("10.244.0.9", new ReverseName("10.244.0.9",
        List.of("ledger-0.ledger.payments.svc.cluster.local"), null));
    Derivation d = Derivation.derive(spec(Strategy.GEN_CLUSTER, QueryType.A, HostType.HOSTNAME), A_ANSWERS, Map.of(), ptr);
    assertThat(names(d)).containsExactly("ledger@ledger-0.ledger.payments.svc.cluster.local");
    assertThat(d.gaps()).extracting(Gap::from).containsExactly("A 10.244.0.10");
  }

  @Test
  void aaaaAnswersGiveCompressedIpv6Hosts() {
    Derivation d = Derivation.derive(spec(Strategy.GEN_CLUSTER, QueryType.AAAA, null),
        List.of(aaaa("ledger.payments.svc.cluster.local.", "fd00:10:244:0:0:0:0:5")), Map.of(), Map.of());
    assertThat(names(d)).containsExactly("ledger@fd00:10:244::5");
  }

  @Test
  void namesErlangRefusesAreFlagged() {
    List<Record> answers = List.of(srv(SVC, "localhost."), srv(SVC, "ledger-0."));
    Derivation d = Derivation.derive(spec(Strategy.GEN_CLUSTER, QueryType.SRV, null), answers, Map.of(), Map.of());
    assertThat(d.nodes()).extracting(DerivedNode::display).containsExactly("ledger@ledger-0", "ledger@localhost");
    assertThat(d.nodes().get(0).problems()).extracting(p -> p.code()).containsExactly("long-name-not-qualified");
    assertThat(d.nodes().get(1).problems()).extracting(p -> p.code()).containsExactly("host-localhost");
  }

  @Test
  void anIllegalBasenameIsFlaggedOnEveryNode() {
    DiscoverySpec s = DiscoverySpec.of(Strategy.GEN_CLUSTER, QueryType.A, null, "my.app", "x");
    Derivation d = Derivation.derive(s, A_ANSWERS, Map.of(), Map.of());
    assertThat(d.nodes()).allSatisfy(n -> assertThat(n.problems()).extracting(p -> p.code()).contains("alive-illegal"));
  }

  @Test
  void withoutBasenameHostsAreStillChecked() {
    DiscoverySpec s = DiscoverySpec.of(Strategy.GEN_CLUSTER, QueryType.SRV, null, null, "x");
    Derivation d = Derivation.derive(s, List.of(srv(SVC, "ledger-0.")), Map.of(), Map.of());
    assertThat(d.nodes().get(0).name()).isEmpty();
    assertThat(d.nodes().get(0).display()).isEqualTo("<basename>@ledger-0");
    assertThat(d.nodes().get(0).problems()).isNotEmpty();
  }

  @Test
  void specDefaultsFollowTheLibraries() {
    assertThat(DiscoverySpec.of(Strategy.GEN_CLUSTER, null, null, null, "_dist-erl._tcp.ledger.payments").type())
        .isEqualTo(QueryType.SRV);
    assertThat(DiscoverySpec.of(Strategy.GEN_CLUSTER, null, null, null, "_dist-erl._tcp.ledger.payments").hostType())
        .isEqualTo(HostType.HOSTNAME);
    assertThat(DiscoverySpec.of(Strategy.GEN_CLUSTER, null, null, null, "ledger.payments").type()).isEqualTo(QueryType.A);
    assertThat(DiscoverySpec.of(Strategy.GEN_CLUSTER, null, null, null, "ledger.payments").hostType()).isEqualTo(HostType.IP);
    assertThat(DiscoverySpec.of(Strategy.LIBCLUSTER_DNSSRV, null, null, null, "ledger.payments.svc.cluster.local").type())
        .isEqualTo(QueryType.SRV);
  }

  @Test
  void aGenClusterSysConfigSettingBecomesASpec() {
    DiscoverySpec srv = DiscoverySpec.forGenCluster(new dev.clusterctl.erlang.GenClusterDiscovery.Dns(
        "_dist-erl._tcp.ledger.payments", dev.clusterctl.erlang.GenClusterDiscovery.RecordType.SRV,
        dev.clusterctl.erlang.GenClusterDiscovery.HostType.HOSTNAME, false, 5000), "ledger");
    assertThat(srv.type()).isEqualTo(QueryType.SRV);
    assertThat(srv.hostType()).isEqualTo(HostType.HOSTNAME);
    assertThat(srv.basename()).contains("ledger");
    DiscoverySpec v6 = DiscoverySpec.forGenCluster(new dev.clusterctl.erlang.GenClusterDiscovery.Dns(
        "ledger.payments", dev.clusterctl.erlang.GenClusterDiscovery.RecordType.IP,
        dev.clusterctl.erlang.GenClusterDiscovery.HostType.IP, true, 5000), null);
    assertThat(v6.type()).isEqualTo(QueryType.AAAA);
    assertThat(v6.hostType()).isEqualTo(HostType.IP);
  }

  @Test
  void specRefusesWhatALibraryCannotDo() {
    assertThatThrownBy(() -> DiscoverySpec.of(Strategy.LIBCLUSTER_DNS, QueryType.SRV, null, null, "x"))
        .isInstanceOf(BadInputException.class).hasMessage("libcluster-dns looks up A records only, not SRV");
    assertThatThrownBy(() -> DiscoverySpec.of(Strategy.LIBCLUSTER_DNSSRV, QueryType.A, null, null, "x"))
        .isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> DiscoverySpec.of(Strategy.DNS_CLUSTER, null, HostType.HOSTNAME, null, "x"))
        .isInstanceOf(BadInputException.class);
  }
}
