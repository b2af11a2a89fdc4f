package dev.clusterctl.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.ErlangInetRes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each discovery library's behaviour (docs/fidelity.md), checked against the real thing: the calls
 * the library makes (read from gen_cluster 0.3.0, libcluster 3.5.0, dns_cluster 0.2.0; written here,
 * not copied) run in a real {@code erl} against the same BIND that clusterctl asks, and the two
 * answers are compared. The pattern matches that decide a crash are the libraries' {@code case}
 * expressions restated in Erlang.
 */
class LibraryCrossCheckTest {

  private static final List<String> SEARCH = List.of("lib.svc.cluster.local", "svc.cluster.local", "cluster.local");
  private static final int BIG = 150;
  private static BindServer dns;

  @BeforeAll
  static void startBind() {
    BindServer.ZoneBuilder zone = BindServer.zone("cluster.local")
        .a("web.lib.svc", "10.3.0.1", "10.3.0.2")
        .cname("alias.lib.svc", "web.lib.svc.cluster.local.")
        .srv("_d._tcp.mixed.lib.svc", 0, 0, 9, "one.lib.svc.cluster.local.")
        .srv("_d._tcp.mixed.lib.svc", 0, 0, 9, "two.lib.svc.cluster.local.")
        .srv("_d._tcp.mixed.lib.svc", 0, 0, 9, "none.lib.svc.cluster.local.")
        .srv("_d._tcp.mixed.lib.svc", 0, 0, 9, "10.3.1.9.")
        .a("one.lib.svc", "10.3.1.1")
        .a("two.lib.svc", "10.3.1.2", "10.3.1.3")
        .srv("_d._tcp.v6.lib.svc", 0, 0, 9, "v4.lib.svc.cluster.local.")
        .srv("_d._tcp.v6.lib.svc", 0, 0, 9, "v6only.lib.svc.cluster.local.")
        .a("v4.lib.svc", "10.3.2.1")
        .aaaa("v6only.lib.svc", "fd00::3:2:2")
        .srv("ledger.lib.svc", 0, 0, 9, "v4.lib.svc.cluster.local.")
        .record("_d._tcp.dot.lib.svc", "SRV", "0 0 0 .")
        .a("dual.lib.svc", "10.3.3.1")
        .aaaa("dual.lib.svc", "fd00::3:3:1");
    for (int i = 0; i < BIG; i++) {
      zone.srv("_d._tcp.big.lib.svc", 0, 0, 9, "n" + i + ".lib.svc.cluster.local.");
    }
    zone.ttl(1);
    for (int i = 0; i < 120; i++) {
      zone.a("brief.lib.svc", "10.4." + (i / 200) + "." + (i % 200 + 1));
    }
    BindServer.ZoneBuilder reverse = BindServer.zone("3.10.in-addr.arpa")
        .ptr("1.0", "web-0.lib.svc.cluster.local.")
        .ptr("2.0", "web-1.lib.svc.cluster.local.")
        .ptr("2.0", "web-1-again.lib.svc.cluster.local.");
    dns = BindServer.start(zone.build(), reverse.build());
  }

  @AfterAll
  static void stopBind() {
    if (dns != null) {
      dns.close();
    }
  }

  private static DiscoveryResult discover(Strategy s, QueryType t, HostType h, String basename, String domain) {
    Resolver resolver = Resolver.of(new DnsConfig(List.of(dns.address()), false, Duration.ofSeconds(2), 3,
        SearchMode.ERLANG, SEARCH, 5));
    return new Discovery(resolver).discover(DiscoverySpec.of(s, t, h, basename, domain), domain);
  }

  private static String erl(String body) {
    return ErlangInetRes.eval(dns.port(), SEARCH, body);
  }

  /** The lines of {@code out} that start with {@code prefix + " "}, without it. */
  private static List<String> lines(String out, String prefix) {
    List<String> found = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.startsWith(prefix + " ")) {
        found.add(line.substring(prefix.length() + 1).strip());
      }
    }
    return found;
  }

  private static Set<String> hosts(DiscoveryResult r) {
    Set<String> out = new TreeSet<>();
    r.nodes().forEach(n -> out.add(n.host()));
    return out;
  }

  @Test
  void genClusterSrvWithHostTypeIpCrashesOnEveryKindOfTarget() {
    String out = erl("{ok, {hostent, _, _, _, _, Hosts}} = inet_res:getbyname(\"_d._tcp.mixed.lib.svc\", srv, 5000), "
        // gc_discover_dns_srv:parse_host/3 with host_type ip, then handle_host/6 with Host bound to the target
        + "Parse = fun(H) -> case inet_res:getbyname(H, a, 5000) of {error, einval} -> {error, einval}; "
        + "{ok, {hostent, _, _, _, _, [IP = {_, _, _, _}]}} -> {ok, inet:ntoa(IP)} end end, "
        + "Handle = fun(H) -> case Parse(H) of {ok, H} -> {node, H}; {error, _} -> skipped end end, "
        + "K = fun({ok, S}) when is_list(S) -> io_lib:format(\"{ok, ~s}\", [S]); "
        + "({ok, {hostent, _, _, _, _, As}}) -> io_lib:format(\"{ok, hostent of ~w}\", [length(As)]); "
        + "({error, E}) -> io_lib:format(\"{error, ~w}\", [E]) end, "
        + "[case catch Handle(H) of {'EXIT', {{case_clause, V}, _}} -> io:format(\"crash ~s ~s~n\", [H, K(V)]); "
        + "Other -> io:format(\"fine ~s ~w~n\", [H, Other]) end || {_, _, _, H} <- Hosts]");
    List<String> crashes = lines(out, "crash");
    assertThat(lines(out, "fine")).as(out).isEmpty();
    assertThat(crashes).hasSize(4);
    assertThat(crashes).anySatisfy(l -> assertThat(l).isEqualTo("one.lib.svc.cluster.local {ok, 10.3.1.1}"));
    assertThat(crashes).anySatisfy(l -> assertThat(l).startsWith("10.3.1.9 {error, "));
    assertThat(crashes).anySatisfy(l -> assertThat(l).isEqualTo("two.lib.svc.cluster.local {ok, hostent of 2}"));

    DiscoveryResult r = discover(Strategy.GEN_CLUSTER, QueryType.SRV, HostType.IP, "ledger", "_d._tcp.mixed.lib.svc");
    assertThat(r.nodes()).isEmpty();
    assertThat(r.ok()).isFalse();
    assertThat(r.findings()).extracting(Finding::code).containsExactly("case-clause");
    // with host_type hostname the same answer gives one node per target, as the real module does
    assertThat(hosts(discover(Strategy.GEN_CLUSTER, QueryType.SRV, null, "ledger", "_d._tcp.mixed.lib.svc")))
        .containsExactlyInAnyOrder("one.lib.svc.cluster.local", "two.lib.svc.cluster.local",
            "none.lib.svc.cluster.local", "10.3.1.9");
  }

  @Test
  void libclusterKubernetesDnsCrashesOnACnameAndNotOnTheServiceName() {
    // Cluster.Strategy.Kubernetes.DNS: case :inet_res.getbyname(service, :a) of {:ok, {:hostent, _fqdn, [], :inet, _, addresses}} | {:error, _}
    String out = erl("Show = fun(N) -> R = inet_res:getbyname(N, a), "
        + "io:format(\"~s ~w~n\", [N, case R of {ok, {hostent, _, [], inet, _, As}} -> length(As); "
        + "{error, E} -> E; _ -> case_clause end]) end, Show(\"alias.lib.svc\"), Show(\"web.lib.svc\")");
    assertThat(lines(out, "alias.lib.svc")).containsExactly("case_clause");
    assertThat(lines(out, "web.lib.svc")).containsExactly("2");

    DiscoveryResult alias = discover(Strategy.LIBCLUSTER_DNS, null, null, "app", "alias.lib.svc");
    assertThat(alias.findings()).extracting(Finding::code).containsExactly("case-clause-error");
    assertThat(alias.nodes()).isEmpty();
    DiscoveryResult direct = discover(Strategy.LIBCLUSTER_DNS, null, null, "app", "web.lib.svc");
    assertThat(direct.findings()).isEmpty();
    assertThat(hosts(direct)).containsExactly("10.3.0.1", "10.3.0.2");
  }

  @Test
  void anAddressWithTwoPtrRecordsGetsNoNameFromGethostbyaddr() {
    String out = erl("{ok, {hostent, _, _, _, _, IPs}} = inet_res:getbyname(\"web.lib.svc\", a, 5000), "
        + "[case inet_res:gethostbyaddr(IP) of {ok, {hostent, N, _, _, _, _}} -> io:format(\"name ~s~n\", [N]); "
        + "{error, E} -> io:format(\"error ~s ~w~n\", [inet:ntoa(IP), E]) end || IP <- IPs]");
    assertThat(lines(out, "name")).containsExactly("web-0.lib.svc.cluster.local");
    assertThat(lines(out, "error")).containsExactly("10.3.0.2 nxdomain");

    DiscoveryResult r = discover(Strategy.GEN_CLUSTER, QueryType.A, HostType.HOSTNAME, "ledger", "web.lib.svc");
    assertThat(hosts(r)).containsExactly("web-0.lib.svc.cluster.local");
    assertThat(r.gaps()).singleElement().satisfies(g -> {
      assertThat(g.from()).isEqualTo("A 10.3.0.2");
      assertThat(g.reason()).contains("2 PTR records", "{error, nxdomain}");
    });
  }

  @Test
  void libclusterDnsSrvAsksTheAbsoluteNameOnceWithoutTheSearchList() {
    // Kubernetes.DNSSRV builds "<service>.<namespace>.svc." <> "cluster.local." and calls :inet_res.getbyname(name, :srv)
    String out = erl("Show = fun(N) -> io:format(\"~s ~s~n\", [N, case inet_res:getbyname(N, srv) of "
        + "{ok, {hostent, _, _, srv, _, L}} -> string:join([T || {_, _, _, T} <- L], \" \"); "
        + "{error, E} -> atom_to_list(E) end]) end, "
        + "Show(\"ledger.lib.svc.cluster.local.\"), Show(\"ledger.lib.\"), Show(\"ledger.lib\")");
    assertThat(lines(out, "ledger.lib.svc.cluster.local.")).containsExactly("v4.lib.svc.cluster.local");
    assertThat(lines(out, "ledger.lib.")).singleElement().asString().isIn("nxdomain", "refused");
    assertThat(lines(out, "ledger.lib")).as("the search list would have found it").containsExactly("v4.lib.svc.cluster.local");

    DiscoveryResult r = discover(Strategy.LIBCLUSTER_DNSSRV, null, null, "app", "ledger.lib.svc.cluster.local");
    assertThat(r.lookup().attempts()).extracting(a -> a.name()).containsExactly("ledger.lib.svc.cluster.local.");
    assertThat(hosts(r)).containsExactly("v4.lib.svc.cluster.local");
    DiscoveryResult relative = discover(Strategy.LIBCLUSTER_DNSSRV, null, null, "app", "ledger.lib");
    assertThat(relative.lookup().attempts()).extracting(a -> a.name()).containsExactly("ledger.lib.");
    assertThat(relative.nodes()).isEmpty();
  }

  @Test
  void dnsClusterDropsIpv6OnlyTargetsAndJoinsAAndAaaaInOneRun() {
    // DNSCluster.Resolver: SRV targets through :inet.gethostbyname/1; A and AAAA through :inet_res.getbyname/2
    String out = erl("{ok, {hostent, _, _, _, _, L}} = inet_res:getbyname(\"_d._tcp.v6.lib.svc\", srv), "
        + "[case inet:gethostbyname(T) of {ok, {hostent, _, _, _, _, As}} -> [io:format(\"srvip ~s~n\", [inet:ntoa(A)]) || A <- As]; "
        + "{error, E} -> io:format(\"dropped ~s ~w~n\", [T, E]) end || {_, _, _, T} <- L], "
        + "[case inet_res:getbyname(\"dual.lib.svc\", Ty) of {ok, {hostent, _, _, _, _, As}} -> "
        + "[io:format(\"dual ~s~n\", [inet:ntoa(A)]) || A <- As]; _ -> ok end || Ty <- [a, aaaa]]");
    assertThat(lines(out, "srvip")).containsExactly("10.3.2.1");
    assertThat(lines(out, "dropped")).singleElement().asString().startsWith("v6only.lib.svc.cluster.local");

    DiscoveryResult srv = discover(Strategy.DNS_CLUSTER, QueryType.SRV, null, "app", "_d._tcp.v6.lib.svc");
    assertThat(hosts(srv)).containsExactlyElementsOf(lines(out, "srvip"));
    assertThat(srv.gaps()).singleElement().satisfies(g -> {
      assertThat(g.from()).isEqualTo("SRV v6only.lib.svc.cluster.local");
      assertThat(g.reason()).contains("no IPv4 address", ":inet.gethostbyname");
    });
    DiscoveryResult dual = discover(Strategy.DNS_CLUSTER, null, null, "app", "dual.lib.svc");
    assertThat(dual.spec().types()).containsExactly(QueryType.A, QueryType.AAAA);
    assertThat(hosts(dual)).containsExactlyInAnyOrderElementsOf(lines(out, "dual"));
  }

  @Test
  void anSrvTargetOfTheRootIsAFindingAboutTheAnswer() {
    String out = erl("{ok, {hostent, _, _, _, _, L}} = inet_res:getbyname(\"_d._tcp.dot.lib.svc\", srv), "
        + "[io:format(\"target ~s~n\", [T]) || {_, _, _, T} <- L]");
    assertThat(lines(out, "target")).containsExactly(".");

    DiscoveryResult r = discover(Strategy.GEN_CLUSTER, QueryType.SRV, null, "ledger", "_d._tcp.dot.lib.svc");
    assertThat(r.found()).isTrue();
    assertThat(r.nodes()).isEmpty();
    assertThat(r.ok()).isFalse();
    assertThat(r.gaps()).singleElement().satisfies(g -> assertThat(g.reason()).contains("'.'", "RFC 2782"));
  }

  @Test
  void aNodeNameLongerThan255CharactersIsASystemLimitCrash() {
    String longBase = "a".repeat(250);
    String okBase = "a".repeat(240);
    String out = erl("Try = fun(B) -> io:format(\"~w ~w~n\", [length(B), case catch list_to_atom(B ++ \"@10.3.0.1\") of "
        + "{'EXIT', {E, _}} -> E; A when is_atom(A) -> atom end]) end, "
        + "Try(\"" + longBase + "\"), Try(\"" + okBase + "\")");
    assertThat(lines(out, "250")).containsExactly("system_limit");
    assertThat(lines(out, "240")).containsExactly("atom");

    DiscoveryResult tooLong = discover(Strategy.GEN_CLUSTER, QueryType.A, null, longBase, "web.lib.svc");
    assertThat(tooLong.findings()).extracting(Finding::code).containsExactly("system-limit");
    assertThat(tooLong.nodes()).isEmpty();
    DiscoveryResult fits = discover(Strategy.GEN_CLUSTER, QueryType.A, null, okBase, "web.lib.svc");
    assertThat(fits.findings()).isEmpty();
    assertThat(fits.ok()).isTrue();
  }

  @Test
  void libclusterDnsPollUsesLookupWithoutTheSearchList() {
    // Cluster.Strategy.DNSPoll: Enum.flat_map([:a, :aaaa], &:inet_res.lookup(query, :in, &1))
    String out = erl("Show = fun(N) -> io:format(\"~s [~s]~n\", [N, string:join([inet:ntoa(A) || T <- [a, aaaa], A <- inet_res:lookup(N, in, T)], \" \")]) end, "
        + "Show(\"web.lib\"), Show(\"dual.lib.svc.cluster.local\"), "
        + "io:format(\"getbyname ~w~n\", [element(1, inet_res:getbyname(\"web.lib\", a))])");
    assertThat(lines(out, "web.lib")).containsExactly("[]");
    assertThat(lines(out, "getbyname")).as("getbyname would have used the search list").containsExactly("ok");

    DiscoveryResult relative = discover(Strategy.LIBCLUSTER_DNSPOLL, null, null, "app", "web.lib");
    assertThat(relative.nodes()).isEmpty();
    assertThat(relative.lookups()).allSatisfy(l ->
        assertThat(l.attempts()).extracting(a -> a.name()).containsExactly("web.lib."));
    DiscoveryResult dual = discover(Strategy.LIBCLUSTER_DNSPOLL, null, null, "app", "dual.lib.svc.cluster.local");
    assertThat(hosts(dual)).containsExactlyInAnyOrder("10.3.3.1", "fd00::3:3:1");
    assertThat(lines(out, "dual.lib.svc.cluster.local")).containsExactly("[10.3.3.1 fd00::3:3:1]");
  }

  @Test
  void inetResCacheReturnsPartOfALargeAnswerWithinItsTtlAndLookupIsNotCached() {
    String out = erl("C = fun(N, T) -> {ok, H} = inet_res:getbyname(N, T), length(element(6, H)) end, "
        + "L = fun(N, T) -> length(inet_res:lookup(N, in, T)) end, "
        + "io:format(\"getbyname ~w ~w~n\", [C(\"_d._tcp.big.lib.svc.cluster.local\", srv), C(\"_d._tcp.big.lib.svc.cluster.local\", srv)]), "
        + "io:format(\"lookup ~w ~w~n\", [L(\"_d._tcp.big.lib.svc.cluster.local\", srv), L(\"_d._tcp.big.lib.svc.cluster.local\", srv)])");
    int second = DiscoveryLibrary.cachedAfter(BIG);
    assertThat(lines(out, "getbyname")).containsExactly(BIG + " " + second);
    assertThat(lines(out, "lookup")).containsExactly(BIG + " " + BIG);

    DiscoveryResult gen = discover(Strategy.GEN_CLUSTER, QueryType.SRV, null, "ledger", "_d._tcp.big.lib.svc");
    assertThat(gen.nodes()).hasSize(BIG);
    assertThat(gen.crashes()).as("a warning, not a crash").isFalse();
    assertThat(gen.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("inet-res-cache");
      assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
      assertThat(f.message()).contains("return only " + second + " of the " + BIG + " records", "30 s");
    });
  }

  @Test
  void theCacheGivesTheWholeAnswerBackOnceTheTtlExpires() {
    String out = erl("C = fun() -> {ok, H} = inet_res:getbyname(\"brief.lib.svc\", a), length(element(6, H)) end, "
        + "A = C(), B = C(), timer:sleep(2100), D = C(), io:format(\"counts ~w ~w ~w~n\", [A, B, D])");
    assertThat(lines(out, "counts")).containsExactly("120 " + DiscoveryLibrary.cachedAfter(120) + " 120");

    DiscoveryResult r = discover(Strategy.DNS_CLUSTER, QueryType.A, null, "app", "brief.lib.svc");
    assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("within 1 s"));
    DiscoveryResult poll = discover(Strategy.LIBCLUSTER_DNSPOLL, null, null, "app", "brief.lib.svc.cluster.local");
    assertThat(poll.findings()).as("inet_res:lookup does not use the cache").isEmpty();
  }
}
