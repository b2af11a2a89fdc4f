package dev.clusterctl.cli.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.cli.Cli;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The schemas refuse what they do not describe: real output, changed in one place, no longer
 * conforms. Without this, a schema that accepts anything (a wrong $ref, a validator that skips a
 * keyword) would let every other schema test pass.
 */
class SchemasBiteTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLE = Path.of(System.getProperty("clusterctl.repo", "..")).resolve("docs/examples/broken/srv-no-subdomain");

  private static String changed(String document, Consumer<ObjectNode> change) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(document);
    change.accept(root);
    return root.toString();
  }

  @Test
  void doctorReportChangedInOnePlace() throws Exception {
    JsonSchemas schema = JsonSchemas.doctor();
    String report = Cli.run("doctor", "-f", EXAMPLE.toString(), "-o", "json").out();
    assertThat(schema.errors(report)).isEmpty();
    assertThat(schema.errors(changed(report, r -> r.put("schemaVersion", 1)))).isNotEmpty();
    assertThat(schema.errors(changed(report, r -> r.remove("target")))).isNotEmpty();
    assertThat(schema.errors(changed(report, r -> r.put("undocumented", true)))).isNotEmpty();
    assertThat(schema.errors(changed(report, r -> ((ObjectNode) r.get("results").get(0)).put("area", "Node Names")))).isNotEmpty();
    assertThat(schema.errors(changed(report, r -> ((ObjectNode) r.get("target")).put("workload", "Deployment/payments/ledger, 3 replicas"))))
        .as("a display label where a typed object belongs").isNotEmpty();
    assertThat(schema.errors(changed(report, r -> ((ObjectNode) r.get("target").get("discovery")).putNull("query"))))
        .as("DNS discovery without its query").isNotEmpty();
    assertThat(schema.errors("{\"schemaVersion\": 2, \"checks\": [{\"id\": \"x\"}]}")).isNotEmpty();
    assertThat(schema.errors("not json")).isNotEmpty();
  }

  @Test
  void resolveDocumentChangedInOnePlace() throws Exception {
    JsonSchemas schema = JsonSchemas.resolve();
    String doc = Cli.run("resolve", "@127.0.0.1:1", "--timeout", "100ms", "--tries", "1", "x.example.", "-o", "json").out();
    // no server answers a closed port: nothing on stdout, so build from a document of the documented shape
    assertThat(doc).isEmpty();
    String minimal = """
        {"schemaVersion": 1,
         "query": {"name": "x.example.", "type": "A", "servers": ["127.0.0.1:53"], "tcp": false, "timeoutMs": 5000, "tries": 2,
                   "search": "erlang", "searchDomains": [], "ndots": 1},
         "discovery": {"strategy": "gen-cluster", "hostType": "ip", "basename": null},
         "status": "NXDOMAIN", "found": false, "noServerResponded": false, "retriedOverTcp": false,
         "attempts": [{"name": "x.example.", "type": "A", "status": "NXDOMAIN", "retriedOverTcp": false,
                       "exchanges": [{"server": "127.0.0.1:53", "transport": "udp", "status": "NXDOMAIN", "rcode": 3,
                                      "truncated": false, "elapsedMs": 0.4}]}],
         "answers": {"name": null, "records": []}, "targets": [], "reverse": [], "nodes": [], "gaps": [], "notes": []}
        """;
    assertThat(schema.errors(minimal)).isEmpty();
    assertThat(schema.errors(changed(minimal, r -> r.put("status", "TIMEOUT")))).as("a final status no response gives").isNotEmpty();
    assertThat(schema.errors(changed(minimal, r -> ((ObjectNode) r.get("answers")).putArray("records").add("10.0.0.300"))))
        .as("not an address").isNotEmpty();
    assertThat(schema.errors(changed(minimal, r -> ((ObjectNode) r.get("query")).put("search", "glibc")))).isNotEmpty();
    assertThat(schema.errors(changed(minimal, r -> ((ObjectNode) r.get("attempts").get(0)).put("name", "x.example")))).isNotEmpty();
  }

  @Test
  void joinDocumentsChangedInOnePlace() throws Exception {
    JsonSchemas schema = JsonSchemas.join();
    String started = "{\"schemaVersion\":1,\"event\":\"started\",\"time\":\"2026-11-21T21:21:19.118Z\",\"source\":\"A x via 127.0.0.1:53\","
        + "\"intervalMs\":300,\"jitterMs\":0}";
    assertThat(schema.errors(started)).isEmpty();
    assertThat(schema.errors(changed(started, e -> e.put("refresh", 1)))).as("a field started does not have").isNotEmpty();
    assertThat(schema.errors(changed(started, e -> e.put("event", "begun")))).isNotEmpty();
    assertThat(schema.errors(changed(started, e -> e.put("time", "yesterday")))).as("not a date-time").isNotEmpty();
    assertThat(schema.errors(changed(started, e -> e.remove("source")))).isNotEmpty();
    String report = "{\"schemaVersion\":1,\"source\":\"A x\",\"lookup\":{\"ok\":false,\"status\":\"NXDOMAIN\",\"message\":\"A x: NXDOMAIN\","
        + "\"notes\":[]},\"cookie\":null,\"peers\":[],\"mesh\":null,\"allJoinable\":false,\"elapsedMs\":3}";
    assertThat(schema.errors(report)).isEmpty();
    assertThat(schema.errors(changed(report, r -> ((ObjectNode) r.get("lookup")).putNull("message")))).as("a failure without its message").isNotEmpty();
    assertThat(schema.errors(changed(report, r -> r.put("cookie", 42)))).isNotEmpty();
  }
}
