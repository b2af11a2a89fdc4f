package dev.clusterctl.coredns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorefileTest {

  /** The gen_cluster example's CoreDNS ConfigMap Corefile (seed document): kubeadm's plus endpoint_pod_names. */
  static final String SEED = """
      .:53 {
          errors
          health {
             lameduck 5s
          }
          ready
          kubernetes cluster.local in-addr.arpa ip6.arpa {
             pods insecure
             fallthrough in-addr.arpa ip6.arpa
             ttl 30
             endpoint_pod_names
          }
          prometheus :9153
          forward . /etc/resolv.conf {
             max_concurrent 1000
          }
          cache 30
          loop
          reload
          loadbalance
      }
      """;

  private static Corefile parse(String text) {
    return Corefile.parse(text, "coredns.yaml");
  }

  @Test
  void kubeadmDefault() {
    Corefile c = Corefile.kubeadmDefault();
    assertThat(c.source()).isEqualTo(Corefile.KUBEADM_DEFAULT_SOURCE);
    assertThat(c.serverBlocks()).hasSize(1);
    ServerBlock b = c.serverBlocks().get(0);
    assertThat(b.keys()).containsExactly(".:53");
    assertThat(b.zones()).containsExactly(".");
    assertThat(b.ports()).containsExactly(53);
    assertThat(b.directives()).extracting(Directive::name).containsExactly(
        "errors", "health", "ready", "kubernetes", "prometheus", "forward", "cache", "loop", "reload", "loadbalance");
    assertThat(b.directive("forward").orElseThrow().args()).containsExactly(".", "/etc/resolv.conf");
    assertThat(b.directive("forward").orElseThrow().property("max_concurrent").orElseThrow().args()).containsExactly("1000");
    assertThat(c.kubernetesFor("cluster.local")).contains(new KubernetesPlugin(
        List.of("cluster.local", "in-addr.arpa", "ip6.arpa"), false, PodsMode.INSECURE, 30,
        List.of("in-addr.arpa", "ip6.arpa"), true, OptionalInt.of(30), 7));
    assertThat(c.clusterDomain()).contains("cluster.local");
    assertThat(c.fileImports()).isEmpty();
  }

  @Test
  void seedCorefileHasEndpointPodNames() {
    Corefile c = parse(SEED);
    KubernetesPlugin k = c.kubernetesFor("cluster.local.").orElseThrow();
    assertThat(k.endpointPodNames()).isTrue();
    assertThat(k.ttl()).isEqualTo(30);
    assertThat(k.line()).isEqualTo(7);
    assertThat(c.kubernetesFor("CLUSTER.LOCAL")).contains(k);
    assertThat(c.kubernetesFor("svc.cluster.local")).contains(k);
    assertThat(c.kubernetesFor("cluster.example")).isEmpty();
    assertThat(c.kubernetesFor("10.in-addr.arpa")).contains(k);
  }

  @Test
  void pluginDefaults() {
    KubernetesPlugin k = parse("cluster.local {\n  kubernetes\n}\n").kubernetesPlugins().get(0);
    assertThat(k.zones()).containsExactly("cluster.local");
    assertThat(k.pods()).isEqualTo(PodsMode.DISABLED);
    assertThat(k.ttl()).isEqualTo(KubernetesPlugin.DEFAULT_TTL);
    assertThat(k.endpointPodNames()).isFalse();
    assertThat(k.fallthrough()).isEmpty();
    assertThat(k.serverBlockHasReload()).isFalse();
    assertThat(k.cacheSeconds()).isEmpty();
  }

  @Test
  void kubernetesWithoutZonesInheritsTheServerBlockKeys() {
    Corefile c = parse("dns://cluster.example:53, 10.in-addr.arpa {\n  kubernetes {\n    pods verified\n    fallthrough\n  }\n  cache\n}\n");
    KubernetesPlugin k = c.kubernetesFor("cluster.example").orElseThrow();
    assertThat(k.zones()).containsExactly("cluster.example", "10.in-addr.arpa");
    assertThat(k.pods()).isEqualTo(PodsMode.VERIFIED);
    assertThat(k.fallthrough()).containsExactly(".");
    assertThat(k.cacheSeconds()).isEqualTo(OptionalInt.of(Corefile.DEFAULT_CACHE_SECONDS));
    assertThat(c.clusterDomain()).contains("cluster.example");
  }

  @Test
  void longestZoneWinsAcrossServerBlocks() {
    Corefile c = parse("""
        .:53 {
            kubernetes cluster.local {
                ttl 10
            }
        }
        cluster.local:53 {
            kubernetes {
                ttl 20
                endpoint_pod_names
            }
        }
        cluster.local:5353 {
            kubernetes {
                ttl 40
            }
        }
        """);
    assertThat(c.kubernetesPlugins()).extracting(KubernetesPlugin::ttl).containsExactly(10, 20, 40);
    assertThat(c.kubernetesFor("cluster.local").orElseThrow().ttl()).isEqualTo(20);
    assertThat(c.clusterDomain()).contains("cluster.local");
  }

  @Test
  void longestZoneWinsInsideAServerBlock() {
    Corefile c = parse(".:53 {\n kubernetes cluster.local\n kubernetes east.cluster.local {\n ttl 7\n }\n}\n");
    assertThat(c.kubernetesFor("east.cluster.local").orElseThrow().ttl()).isEqualTo(7);
    assertThat(c.kubernetesFor("cluster.local").orElseThrow().ttl()).isEqualTo(5);
  }

  @Test
  void cacheSecondsFollowSuccessAndDisable() {
    String newerKubeadm = """
        .:53 {
            kubernetes cluster.local in-addr.arpa ip6.arpa
            cache 30 {
               disable success cluster.local
               disable denial cluster.local
            }
        }
        """;
    assertThat(parse(newerKubeadm).kubernetesFor("cluster.local").orElseThrow().cacheSeconds()).isEmpty();
    String success = ".:53 {\n kubernetes cluster.local\n cache {\n  success 9984 12\n }\n}\n";
    assertThat(parse(success).kubernetesFor("cluster.local").orElseThrow().cacheSeconds()).isEqualTo(OptionalInt.of(12));
  }

  @Test
  void snippetsAreImported() {
    Corefile c = parse("""
        (k8s) {
            kubernetes cluster.local {
                endpoint_pod_names
            }
        }
        (common) {
            reload
            cache 15
        }
        .:53 {
            import k8s
            import common
            forward . 8.8.8.8
        }
        """);
    assertThat(c.serverBlocks()).hasSize(1);
    KubernetesPlugin k = c.kubernetesFor("cluster.local").orElseThrow();
    assertThat(k.endpointPodNames()).isTrue();
    assertThat(k.serverBlockHasReload()).isTrue();
    assertThat(k.cacheSeconds()).isEqualTo(OptionalInt.of(15));
    assertThat(c.serverBlocks().get(0).directives()).extracting(Directive::name)
        .containsExactly("kubernetes", "reload", "cache", "forward");
  }

  @Test
  void oneLineSnippetImportedTwiceStaysTwoDirectives() {
    Corefile c = parse("(r) { reload }\n.:53 {\n import r\n import r\n}\n");
    assertThat(c.serverBlocks().get(0).directives()).extracting(Directive::name).containsExactly("reload", "reload");
  }

  @Test
  void snippetImportedInsideAPluginBlock() {
    Corefile c = parse("(opts) {\n pods verified\n ttl 3\n}\n.:53 {\n kubernetes cluster.local {\n  import opts\n }\n}\n");
    KubernetesPlugin k = c.kubernetesFor("cluster.local").orElseThrow();
    assertThat(k.pods()).isEqualTo(PodsMode.VERIFIED);
    assertThat(k.ttl()).isEqualTo(3);
  }

  @Test
  void fileImportsAreListedNotRead() {
    Corefile c = parse("""
        .:53 {
            kubernetes cluster.local
            import /etc/coredns/custom/*.override
        }
        import /etc/coredns/custom/*.server
        """);
    assertThat(c.fileImports()).containsExactly(
        new Corefile.FileImport("/etc/coredns/custom/*.override", 3),
        new Corefile.FileImport("/etc/coredns/custom/*.server", 5));
    assertThat(c.fileImportNotes()).first().isEqualTo(
        "Corefile coredns.yaml: line 3: import /etc/coredns/custom/*.override not read (importing files is not supported; only snippets are expanded)");
    assertThat(c.kubernetesFor("cluster.local")).isPresent();
  }

  @Test
  void k3sStyleCorefile() {
    Corefile c = parse("""
        .:53 {
            errors
            health
            ready
            kubernetes cluster.local in-addr.arpa ip6.arpa {
              pods insecure
              fallthrough in-addr.arpa ip6.arpa
            }
            hosts /etc/coredns/NodeHosts {
              ttl 60
              reload 15s
              fallthrough
            }
            prometheus :9153
            forward . /etc/resolv.conf
            cache 30
            loop
            loadbalance
            import /etc/coredns/custom/*.override
        }
        import /etc/coredns/custom/*.server
        """);
    KubernetesPlugin k = c.kubernetesFor("cluster.local").orElseThrow();
    assertThat(k.ttl()).isEqualTo(5);
    assertThat(k.serverBlockHasReload()).as("hosts' own reload option is not the reload plugin").isFalse();
    assertThat(c.fileImports()).hasSize(2);
  }

  @Test
  void windowsLineEndings() {
    Corefile c = parse(".:53 {\r\n    kubernetes cluster.local {\r\n        endpoint_pod_names\r\n    }\r\n    reload\r\n}\r\n");
    assertThat(c.kubernetesFor("cluster.local").orElseThrow().endpointPodNames()).isTrue();
  }

  @Test
  void singleBlockWithoutBraces() {
    Corefile c = parse(".:53\nkubernetes cluster.local\nreload\n");
    assertThat(c.serverBlocks()).hasSize(1);
    assertThat(c.kubernetesFor("cluster.local").orElseThrow().serverBlockHasReload()).isTrue();
  }

  @Test
  void lexingRules() {
    Corefile c = parse("""
        # leading comment
        example.org:53, cluster.local:53
        {
            kubernetes "cluster.local" { # comment after brace
                pods insecure#comment glued to a token
                ttl 0
            }
            template IN A "example.org" {
                answer "{{ .Name }} 60 IN A \\"quoted\\" {$ANSWER_IP}"
            }
            hosts {$HOSTS_FILE}
        }
        """);
    ServerBlock b = c.serverBlocks().get(0);
    assertThat(b.keys()).containsExactly("example.org:53", "cluster.local:53");
    KubernetesPlugin k = c.kubernetesFor("cluster.local").orElseThrow();
    assertThat(k.pods()).isEqualTo(PodsMode.INSECURE);
    assertThat(k.ttl()).isZero();
    assertThat(b.directive("template").orElseThrow().property("answer").orElseThrow().args())
        .containsExactly("{{ .Name }} 60 IN A \"quoted\" {$ANSWER_IP}");
    assertThat(b.directive("hosts").orElseThrow().args()).containsExactly("{$HOSTS_FILE}");
  }

  @Test
  void noKubernetesPlugin() {
    Corefile c = parse(".:53 {\n forward . 1.1.1.1\n}\n");
    assertThat(c.kubernetesPlugins()).isEmpty();
    assertThat(c.kubernetesFor("cluster.local")).isEmpty();
    assertThat(c.clusterDomain()).isEmpty();
    assertThat(parse("").serverBlocks()).isEmpty();
    assertThat(parse("# just a comment\n").serverBlocks()).isEmpty();
  }

  @Test
  void reverseZonesAreNotTheClusterDomain() {
    assertThat(parse(".:53 {\n kubernetes in-addr.arpa ip6.arpa k8s.internal\n}\n").clusterDomain()).contains("k8s.internal");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '§',
      quoteCharacter = '`',
      textBlock = """
          server block never closed  § .:53 {\\n  errors\\n  reload\\n                      § Corefile coredns.yaml: line 1, column 6: unbalanced '{': the server block opened here is never closed
          plugin block never closed  § .:53 {\\n  kubernetes cluster.local {\\n    ttl 30\\n        § Corefile coredns.yaml: line 2, column 28: unbalanced '{': the block opened here is never closed
          inner brace takes the close § .:53 {\\n  kubernetes cluster.local {\\n    ttl 30\\n}\\n § Corefile coredns.yaml: line 1, column 6: unbalanced '{': the server block opened here is never closed
          stray closing brace        § .:53 {\\n  errors\\n}\\n}\\n                       § Corefile coredns.yaml: line 4, column 1: unbalanced '}': no '{' to close
          closing brace on a line    § .:53 {\\n  reload }\\n                          § Corefile coredns.yaml: line 2, column 10: unbalanced '}': no '{' to close on this line (a block's '}' goes on its own line)
          unterminated quote         § .:53 {\\n  hosts "/etc/hosts\\n}\\n              § Corefile coredns.yaml: line 2, column 9: unterminated quoted string (no closing '"')
          extra comma                § a.example, {\\n errors\\n}\\n                    § Corefile coredns.yaml: line 1, column 12: expected another server block key after ',' but found '{' (check for an extra comma)
          comma at end of file       § a.example,                                     § Corefile coredns.yaml: line 1, column 1: expected another server block key after ',' but the file ends
          snippet without brace      § (snip)\\nerrors\\n                             § Corefile coredns.yaml: line 1, column 1: snippet (snip) must be followed by '{'
          snippet never closed       § (snip) {\\n errors\\n                          § Corefile coredns.yaml: line 1, column 8: unbalanced '{': snippet (snip) opened here is never closed
          snippet defined twice      § (s) {\\n errors\\n}\\n(s) {\\n log\\n}\\n        § Corefile coredns.yaml: line 4, column 1: snippet (s) is defined twice
          import without argument    § .:53 {\\n import\\n}\\n                        § Corefile coredns.yaml: line 2, column 2: import needs a snippet name or a file
          import with two arguments  § .:53 {\\n import a b\\n}\\n                    § Corefile coredns.yaml: line 2, column 11: import takes only one argument (a snippet name or a file)
          snippet importing itself   § (a) {\\n import a\\n}\\n.:53 {\\n import a\\n}\\n § Corefile coredns.yaml: line 2, column 2: more than 1000 snippet imports (do snippets import each other in a loop?)
          brace on its own line      § .:53 {\\n forward . 1.1.1.1\\n {\\n  max_concurrent 10\\n }\\n}\\n § Corefile coredns.yaml: line 3, column 2: a '{' at the start of a line opens no block (put it at the end of the plugin's line)
          bad ttl                    § .:53 {\\n kubernetes cluster.local {\\n  ttl 3601\\n }\\n}\\n § Corefile coredns.yaml: line 3, column 3: kubernetes option ttl must be 0-3600 seconds, not 3601
          ttl not a number           § .:53 {\\n kubernetes cluster.local {\\n  ttl 30s\\n }\\n}\\n § Corefile coredns.yaml: line 3, column 3: kubernetes option ttl takes one number of seconds (0-3600)
          bad pods value             § .:53 {\\n kubernetes cluster.local {\\n  pods secure\\n }\\n}\\n § Corefile coredns.yaml: line 3, column 3: kubernetes option pods must be disabled, insecure or verified, not 'secure'
          """)
  void malformedInputGivesOneLineWithPosition(String name, String text, String message) {
    assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
        .isInstanceOf(BadInputException.class)
        .hasMessage(message);
  }

  @Test
  void binaryGarbage() {
    assertThatThrownBy(() -> parse(".:53 {\n\u0000\u0000\u0007}"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("Corefile coredns.yaml: line 2, column 1: binary data, not a Corefile (control byte 0x00)");
  }

  @Test
  void deepNestingIsRefusedNotACrash() {
    String deep = ".:53 {\n" + "x {\n".repeat(500) + "}\n".repeat(501);
    assertThatThrownBy(() -> parse(deep))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("blocks nested deeper than 100 levels");
  }
}
