package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.testsupport.TestDatabase;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, item 2: one trace runs from an officer's HTTP command, through the event it records
 * (its metadata names the trace), to the query service's projection that applies the event. Each
 * service's spans go to an in-memory exporter beside its own (none configured here).
 */
class TracingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theProjectionAppliesAnEventInTheTraceOfTheHttpCommandThatRecordedIt() throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        InMemorySpanExporter commandSpans = InMemorySpanExporter.create();
        InMemorySpanExporter querySpans = InMemorySpanExporter.create();
        TestDatabase.Database database = RunningSystem.newDatabase();
        Map<String, Object> commandProperties = new HashMap<>(database.commandServiceProperties());
        Map<String, Object> queryProperties = new HashMap<>(database.queryServiceProperties());
        // every request traced, so that this one is
        commandProperties.put("management.tracing.sampling.probability", "1.0");
        queryProperties.put("management.tracing.sampling.probability", "1.0");

        try (ConfigurableApplicationContext commandService = RunningSystem.start(
                exportingTo(CommandServiceApplication.builder(), commandSpans), commandProperties);
             ConfigurableApplicationContext queryService = RunningSystem.start(
                     exportingTo(QueryServiceApplication.builder(), querySpans), queryProperties)) {
            String id = Bodies.newId();
            TrackerHttp.Response announced = RunningSystem.http(commandService).call("/api/commitments").as("officer")
                    .header("X-Correlation-Id", "traced-" + id).post(Bodies.announcement(id));
            assertThat(announced.status()).isEqualTo(201);
            String eventId = announced.json().get("eventIds").get(0).asText();

            String traceparent = storedMetaData(database, eventId).path("traceparent").asText(null);
            assertThat(traceparent).as("the event's metadata names the trace of the request")
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            String traceId = traceparent.split("-")[1];
            assertThat(traceId).isNotEqualTo("0".repeat(32));

            SpanData request = await().atMost(Duration.ofSeconds(30)).until(() -> commandSpans.getFinishedSpanItems()
                    .stream().filter(span -> span.getKind() == SpanKind.SERVER)
                    .filter(span -> span.getTraceId().equals(traceId)).findFirst(), found -> found.isPresent()).get();
            assertThat(request.getName()).as("the command service's HTTP request span").isEqualTo("http post /api/commitments");

            List<SpanData> applied = await().atMost(Duration.ofSeconds(60)).until(() -> querySpans.getFinishedSpanItems()
                    .stream().filter(span -> span.getName().equals("apply CommitmentAnnounced"))
                    .filter(span -> eventId.equals(span.getAttributes().get(AttributeKey.stringKey("tracker.event.id"))))
                    .toList(), spans -> spans.stream().anyMatch(span -> "commitments".equals(
                    span.getAttributes().get(AttributeKey.stringKey("tracker.processor")))));
            assertThat(applied).allSatisfy(span -> {
                assertThat(span.getTraceId()).as("the trace id of the projection's span").isEqualTo(request.getTraceId());
                assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                assertThat(span.getParentSpanId()).as("its parent: the command service's span named in the event")
                        .isEqualTo(traceparent.split("-")[2]);
            });
        }
    }

    /** The service with an in-memory exporter beside its own, which Spring Boot's tracing picks up as a bean. */
    private static SpringApplicationBuilder exportingTo(SpringApplicationBuilder service, InMemorySpanExporter exporter) {
        return service.initializers(context -> context.getBeanFactory().registerSingleton("inMemorySpans", exporter));
    }

    private static JsonNode storedMetaData(TestDatabase.Database database, String eventId) throws Exception {
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(),
                database.credentials().ownerPassword());
             PreparedStatement select = owner.prepareStatement(
                     "SELECT meta_data FROM events.domain_event_entry WHERE event_identifier = ?")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("event " + eventId + " stored").isTrue();
                return JSON.readTree(row.getBytes(1));
            }
        }
    }
}
