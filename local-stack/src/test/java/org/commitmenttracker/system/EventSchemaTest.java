package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.system.Facts.announce;
import static org.commitmenttracker.system.Facts.assess;
import static org.commitmenttracker.system.Facts.pledge;
import static org.commitmenttracker.system.Bodies.newId;

/** {@code GET /api/schemas}: the JSON Schema of every event revision, which the feed's data follows. */
class EventSchemaTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();
    private final TrackerHttp queries = system.queries();

    @Test
    void everyEventTypeIsListedWithItsRevisionAndUrl() {
        JsonNode list = queries.call("/api/schemas").as("officer").get().json();

        assertThat(list).hasSize(org.commitmenttracker.events.EventTypes.ALL.size());
        assertThat(list).extracting(entry -> entry.get("type").asText())
                .contains("CommitmentAnnounced", "FundsDisbursed", "EvidenceAttached");
        for (JsonNode entry : list) {
            assertThat(entry.get("revision").asText()).isEqualTo(org.commitmenttracker.events.EventTypes.revision(
                    org.commitmenttracker.events.EventTypes.byName(entry.get("type").asText()).orElseThrow()));
            Response schema = queries.call(entry.get("url").asText()).as("integrator").get();
            assertThat(schema.status()).isEqualTo(200);
            assertThat(schema.json().get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }
    }

    @Test
    void theDataOfFeedEventsValidatesAgainstTheSchemaTheyNameAsDataschema() {
        String id = newId();
        announce(commands, id);
        pledge(commands, id);
        assess(commands, id, 1);
        post("/api/commitments/" + id + "/obligations", """
                {"obligationId": "award-1", "amount": {"value": 1000000, "currency": "USD"},
                 "obligatedOn": "2021-08-01", "implementingPartner": "ILO"}""");
        post("/api/commitments/" + id + "/disbursements", """
                {"disbursementId": "voucher-1", "amount": {"value": "250000.5", "currency": "USD"},
                 "disbursedOn": "2021-09-01", "recipient": "ILO"}""");
        post("/api/commitments/" + id + "/dialogues", """
                {"dialogueId": "hled", "name": "HLED", "plannedFrom": "2021-09-01", "plannedTo": "2021-09-30"}""");
        post("/api/commitments/" + id + "/indicators", """
                {"indicatorId": "cases", "name": "Cases", "unit": "cases", "baseline": 0, "target": 82000}""");

        List<JsonNode> events = Facts.awaitFeed(queries, id, 7);

        for (JsonNode event : events) {
            Schema schema = REGISTRY.getSchema(queries.call(URI.create(event.get("dataschema").asText()).getPath())
                    .as("integrator").get().json());
            assertThat(schema.validate(event.get("data"))).as(event.get("type").asText()).isEmpty();
        }
        assertThat(events.get(4).get("data").get("amount").get("value").asText()).isEqualTo("250000.50");
        assertThat(events.get(4).get("data").get("obligationId").isNull()).isTrue();
    }

    /** An integrator holding a FundsDisbursed of revision 1 (before `reference`) can still fetch its schema. */
    @Test
    void aSupersededRevisionsSchemaStaysPublished() {
        Response old = queries.call("/api/schemas/FundsDisbursed/1").as("integrator").get();
        Response current = queries.call("/api/schemas/FundsDisbursed/2").as("integrator").get();

        assertThat(old.status()).isEqualTo(200);
        assertThat(old.json().get("title").asText()).isEqualTo("FundsDisbursed (revision 1)");
        assertThat(old.json().get("properties").has("reference")).isFalse();
        assertThat(current.json().get("properties").has("reference")).isTrue();
    }

    @Test
    void anUnknownTypeOrRevisionIsNotFound() {
        for (String path : List.of("/api/schemas/NoSuchEvent/1", "/api/schemas/FundsDisbursed/99")) {
            Response missing = queries.call(path).as("integrator").get();
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.contentType()).startsWith("application/problem+json");
        }
    }

    private void post(String path, String body) {
        Response answer = commands.call(path).as("officer").post(body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }
}
