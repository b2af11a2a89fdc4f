package dev.clusterctl.cli.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clusterctl.cli.render.doctor.DoctorJson;
import dev.clusterctl.cli.render.doctor.Verdict;
import dev.clusterctl.discovery.HostType;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.dns.Status;
import dev.clusterctl.dns.Transport;
import dev.clusterctl.erlang.dist.CookieCheck;
import dev.clusterctl.erlang.dist.HandshakeStatus;
import dev.clusterctl.erlang.dist.PortSource;
import dev.clusterctl.erlang.dist.ProbeError;
import dev.clusterctl.judge.Area;
import dev.clusterctl.model.Assumption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every closed set of values the schemas list is the set the code can write: a value added to
 * one of core's enums fails here, naming the schema to update, before any output has to show it.
 */
class SchemaEnumsTest {

  private static List<String> values(JsonNode schema, String pointer) {
    JsonNode node = schema.at(pointer);
    assertThat(node.isArray()).as(pointer).isTrue();
    List<String> out = new ArrayList<>();
    node.forEach(v -> {
      if (!v.isNull()) {
        out.add(v.asText());
      }
    });
    return out;
  }

  private static <E extends Enum<E>> List<String> ids(Class<E> type, java.util.function.Function<E, String> id) {
    return Arrays.stream(type.getEnumConstants()).map(id).toList();
  }

  @Test
  void resolve() {
    JsonNode s = JsonSchemas.resolve().tree();
    assertThat(values(s, "/$defs/status/enum")).containsExactlyInAnyOrderElementsOf(ids(Status.class, Status::name));
    assertThat(values(s, "/$defs/rcodeStatus/enum")).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(Status.values()).filter(Status::isResponse).map(Status::name).toList());
    assertThat(values(s, "/$defs/recordType/enum")).containsExactlyInAnyOrderElementsOf(ids(QueryType.class, QueryType::name));
    assertThat(values(s, "/properties/query/properties/search/enum")).containsExactlyInAnyOrderElementsOf(ids(SearchMode.class, SearchMode::id));
    assertThat(values(s, "/properties/discovery/properties/strategy/enum")).containsExactlyInAnyOrderElementsOf(ids(Strategy.class, Strategy::id));
    assertThat(values(s, "/properties/discovery/properties/hostType/enum")).containsExactlyInAnyOrderElementsOf(ids(HostType.class, HostType::id));
    assertThat(values(s, "/properties/discovery/properties/nameForm/enum"))
        .containsExactlyInAnyOrderElementsOf(ids(dev.clusterctl.discovery.NameForm.class, dev.clusterctl.discovery.NameForm::id));
    assertThat(values(s, "/properties/findings/items/properties/severity/enum"))
        .containsExactlyInAnyOrderElementsOf(ids(dev.clusterctl.discovery.Finding.Severity.class, dev.clusterctl.discovery.Finding.Severity::id));
    assertThat(values(s, "/properties/attempts/items/properties/exchanges/items/properties/transport/enum"))
        .containsExactlyInAnyOrderElementsOf(ids(Transport.class, Transport::id));
  }

  @Test
  void doctor() {
    JsonNode s = JsonSchemas.doctor().tree();
    assertThat(values(s, "/$defs/area/enum")).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(Area.values()).map(DoctorJson::area).toList());
    assertThat(values(s, "/$defs/result/properties/status/enum"))
        .containsExactlyInAnyOrderElementsOf(ids(dev.clusterctl.judge.Status.class, dev.clusterctl.judge.Status::id));
    assertThat(values(s, "/$defs/report/properties/verdict/enum"))
        .containsExactlyInAnyOrderElementsOf(ids(Verdict.class, v -> v.name().toLowerCase(Locale.ROOT)));
    assertThat(values(s, "/$defs/report/properties/exitCode/enum"))
        .containsExactlyInAnyOrderElementsOf(ids(Verdict.class, v -> Integer.toString(v.exit().code())));
    assertThat(values(s, "/$defs/assumption/properties/topic/enum"))
        .containsExactlyInAnyOrderElementsOf(ids(Assumption.Topic.class, Assumption.Topic::id));
    JsonNode discovery = s.at("/$defs/target/properties/discovery/oneOf/1/properties");
    assertThat(values(discovery, "/library/enum")).containsExactlyInAnyOrderElementsOf(ids(Strategy.class, Strategy::id));
    assertThat(values(discovery, "/recordType/enum")).containsExactlyInAnyOrderElementsOf(ids(QueryType.class, QueryType::name));
    assertThat(values(discovery, "/hostType/enum")).containsExactlyInAnyOrderElementsOf(ids(HostType.class, h -> h.name().toLowerCase(Locale.ROOT)));
  }

  @Test
  void join() {
    JsonNode s = JsonSchemas.join().tree();
    assertThat(values(s, "/$defs/verdict/enum")).containsExactlyInAnyOrderElementsOf(
        ids(dev.clusterctl.erlang.dist.Verdict.class, dev.clusterctl.erlang.dist.Verdict::id));
    assertThat(values(s, "/$defs/peer/properties/portSource/enum")).containsExactlyInAnyOrderElementsOf(ids(PortSource.class, PortSource::id));
    assertThat(values(s, "/$defs/peer/properties/status/enum")).containsExactlyInAnyOrderElementsOf(ids(HandshakeStatus.class, HandshakeStatus::wire));
    assertThat(values(s, "/$defs/peer/properties/cookie/enum")).containsExactlyInAnyOrderElementsOf(ids(CookieCheck.class, CookieCheck::id));
    assertThat(values(s, "/$defs/errorOrNull/oneOf/1/properties/kind/enum"))
        .containsExactlyInAnyOrderElementsOf(ids(ProbeError.Kind.class, ProbeError.Kind::id));
  }
}
