package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commitmenttracker.events.integrity.IntegrityChain;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an auditor does with one commitment, through HTTP: the HLED course of 2021, announced on
 * 8 June, scheduled for September, held on 9 September and logged afterwards.
 */
class AuditorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningSystem system = RunningSystem.shared();
    private final Officer officer = new Officer(system.commands());
    private final TrackerHttp queries = system.queries();

    /** A fresh HLED-like commitment and its course; answers its id. */
    private String hledCourse() {
        String id = Bodies.newId();
        officer.post("/api/commitments", Bodies.announcement(id));
        officer.post("/api/commitments/" + id + "/dialogues", """
                {"dialogueId": "hled-2021", "name": "High-Level Economic Dialogue 2021",
                 "plannedFrom": "2021-09-01", "plannedTo": "2021-09-30", "occurredOn": "2021-06-15"}""");
        officer.post("/api/commitments/" + id + "/dialogues/hled-2021/mark-held", """
                {"heldOn": "2021-09-09", "location": "Washington, D.C.",
                 "outcomes": ["Building back together", "Promoting \\"sustainable\\" development, in the south"]}""");
        return id;
    }

    @Test
    void stateAsOfADateFollowsTheTimeline() {
        String id = hledCourse();

        JsonNode beforeTheMeeting = state(id, "asOf=2021-09-05");
        assertThat(beforeTheMeeting.get("asOf").asText()).isEqualTo("2021-09-05");
        assertThat(beforeTheMeeting.get("knownAt").isNull()).isTrue();
        // the answer considered the whole stream (3 events); two of them shaped it
        assertThat(beforeTheMeeting.get("version").asLong()).isEqualTo(3);
        assertThat(beforeTheMeeting.get("factsApplied").asLong()).isEqualTo(2);
        assertThat(beforeTheMeeting.get("dialogues").get(0).get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(beforeTheMeeting.get("overdue").asBoolean()).isFalse();

        JsonNode afterTheMeeting = state(id, "asOf=2021-09-10");
        assertThat(afterTheMeeting.get("dialogues").get(0).get("status").asText()).isEqualTo("HELD");
        assertThat(afterTheMeeting.get("dialogues").get(0).get("heldOn").asText()).isEqualTo("2021-09-09");
        assertThat(afterTheMeeting.get("version").asLong()).isEqualTo(3);

        JsonNode dayOfTheVisit = state(id, "asOf=2021-06-08");
        assertThat(dayOfTheVisit.get("status").asText()).isEqualTo("ANNOUNCED");
        assertThat(dayOfTheVisit.get("dialogues")).isEmpty();

        // due by 30 September and never fulfilled: overdue from October on
        assertThat(state(id, "asOf=2021-10-01").get("overdue").asBoolean()).isTrue();
    }

    @Test
    void knownAtShowsWhatTheSystemKnewAndBeforeTheFirstEventNothing() {
        String id = hledCourse();
        JsonNode history = history(id);
        Instant scheduledRecordedAt = Instant.parse(history.get(1).get("recordedAt").asText());
        Instant firstRecordedAt = Instant.parse(history.get(0).get("recordedAt").asText());

        JsonNode beforeTheHeldWasLogged = state(id, "asOf=2021-09-10&knownAt=" + scheduledRecordedAt);
        assertThat(beforeTheHeldWasLogged.get("knownAt").asText()).isEqualTo(scheduledRecordedAt.toString());
        assertThat(beforeTheHeldWasLogged.get("dialogues").get(0).get("status").asText()).isEqualTo("SCHEDULED");

        Response nothingYet = queries.call("/api/commitments/" + id + "/state?knownAt=" + firstRecordedAt.minusMillis(1))
                .as("auditor").get();
        assertThat(nothingYet.status()).isEqualTo(404);
        assertThat(nothingYet.contentType()).startsWith("application/problem+json");
        assertThat(nothingYet.json().get("detail").asText()).contains("Nothing was known");
    }

    @Test
    void historyListsEveryEventInOrderWithItsActorAndItsLinkOfTheChain() {
        String id = Bodies.newId();
        JsonNode announced = officer.post("/api/commitments", Bodies.announcement(id));
        Response scheduled = system.commands().call("/api/commitments/" + id + "/dialogues").as("officer")
                .header("X-Correlation-Id", "hled-planning").header("Idempotency-Key", "schedule-hled-1").post("""
                        {"dialogueId": "hled-2021", "name": "High-Level Economic Dialogue 2021",
                         "plannedFrom": "2021-09-01", "plannedTo": "2021-09-30", "occurredOn": "2021-06-15"}""");
        assertThat(scheduled.status()).isEqualTo(201);
        String scheduledEventId = scheduled.json().get("eventIds").get(0).asText();

        JsonNode history = history(id);

        assertThat(history).hasSize(2);
        assertThat(history).extracting(e -> e.get("type").asText()).containsExactly("CommitmentAnnounced", "DialogueScheduled");
        assertThat(history).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L);
        assertThat(history).extracting(e -> e.get("metadata").get("actor").asText()).containsOnly("officer");
        assertThat(history.get(0).get("eventId").asText()).isEqualTo(announced.get("eventIds").get(0).asText());
        JsonNode event = history.get(1);
        assertThat(event.get("eventId").asText()).isEqualTo(scheduledEventId);
        assertThat(event.get("revision").asText()).isEqualTo("1");
        assertThat(event.get("occurredOn").asText()).isEqualTo("2021-06-15");
        assertThat(Instant.parse(event.get("recordedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(history.get(0).get("recordedAt").asText()));
        assertThat(event.get("payload").get("plannedFrom").asText()).isEqualTo("2021-09-01");
        assertThat(event.get("payload").get("commitmentId").asText()).isEqualTo(id);
        assertThat(event.get("metadata").get("correlationId").asText()).isEqualTo("hled-planning");
        assertThat(event.get("metadata").get("idempotencyKey").asText()).isEqualTo("schedule-hled-1");
        assertThat(event.get("metadata").get("causationId").asText()).isNotBlank();
        assertThat(history.get(0).get("previousHash").asText()).isEqualTo(IntegrityChain.GENESIS);
        assertThat(event.get("previousHash").asText()).isEqualTo(history.get(0).get("hash").asText());
        // anyone holding the history can recompute the chain (version 2: docs/integrity.md)
        assertThat(event.get("hash").asText()).isEqualTo(IntegrityChain.hashV2(event.get("previousHash").asText(),
                new IntegrityChain.Identity(scheduledEventId, id, 2, Instant.parse(event.get("recordedAt").asText())),
                new IntegrityChain.Link("DialogueScheduled", "1", LocalDate.parse("2021-06-15"), "officer",
                        event.get("payload"))));
    }

    @Test
    void historyAsCsvHasOneRowPerEventAfterTheHeaderAndParsesBack() throws Exception {
        String id = hledCourse();
        JsonNode history = history(id);

        Response csv = queries.call("/api/commitments/" + id + "/history").as("auditor").header("Accept", "text/csv").get();

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(disposition)
                .startsWith("attachment").contains("filename=\"" + id + "-history.csv\""));
        List<List<String>> rows = parseCsv(csv.body().replaceFirst("^\uFEFF", ""));
        assertThat(rows).hasSize(1 + 3);
        List<String> header = rows.get(0);
        assertThat(header).startsWith("eventId", "version", "type").contains("actor", "hash", "previousHash", "payload");
        for (int i = 0; i < 3; i++) {
            List<String> row = rows.get(i + 1);
            JsonNode event = history.get(i);
            assertThat(row).hasSameSizeAs(header);
            assertThat(row.get(header.indexOf("eventId"))).isEqualTo(event.get("eventId").asText());
            assertThat(row.get(header.indexOf("version"))).isEqualTo(String.valueOf(i + 1));
            assertThat(row.get(header.indexOf("type"))).isEqualTo(event.get("type").asText());
            assertThat(row.get(header.indexOf("actor"))).isEqualTo("officer");
            assertThat(row.get(header.indexOf("hash"))).isEqualTo(event.get("hash").asText());
            assertThat(JSON.readTree(row.get(header.indexOf("payload")))).isEqualTo(event.get("payload"));
        }
        assertThat(rows.get(3).get(header.indexOf("payload"))).contains("Washington, D.C.", "\\\"sustainable\\\"");
    }

    @Test
    void integrityOfAnUntouchedCommitmentIsValid() {
        String id = hledCourse();
        JsonNode history = history(id);

        JsonNode integrity = queries.call("/api/commitments/" + id + "/integrity").as("auditor").get().json();

        assertThat(integrity.get("commitmentId").asText()).isEqualTo(id);
        assertThat(integrity.get("events").asLong()).isEqualTo(3);
        assertThat(integrity.get("valid").asBoolean()).isTrue();
        assertThat(integrity.get("headHash").asText()).isEqualTo(history.get(2).get("hash").asText());
        assertThat(integrity.get("firstInvalidVersion").isNull()).isTrue();

        JsonNode all = queries.call("/api/integrity").as("admin").get().json();
        assertThat(all.get("checked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(all.get("failed")).extracting(JsonNode::asText).doesNotContain(id);
    }

    @Test
    void unknownCommitmentIsNotFound() {
        for (String read : List.of("history", "state", "state?asOf=2021-09-05", "integrity")) {
            Response unknown = queries.call("/api/commitments/no-such-commitment/" + read).as("auditor").get();
            assertThat(unknown.status()).as(read).isEqualTo(404);
            assertThat(unknown.contentType()).as(read).startsWith("application/problem+json");
        }
    }

    @Test
    void malformedDatesAreRefusedWithTheParameterNamed() {
        String id = hledCourse();

        Response badDate = queries.call("/api/commitments/" + id + "/state?asOf=9%2F5%2F2021").as("auditor").get();
        Response badInstant = queries.call("/api/commitments/" + id + "/state?knownAt=yesterday").as("auditor").get();

        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asText()).isEqualTo("asOf");
        assertThat(badInstant.status()).isEqualTo(400);
        assertThat(badInstant.json().get("errors").get(0).get("field").asText()).isEqualTo("knownAt");
    }

    @Test
    void officersAndIntegratorsMayNotReadHistoryStateOrIntegrity() {
        String id = hledCourse();
        List<String> reads = List.of("/api/commitments/" + id + "/history", "/api/commitments/" + id + "/state",
                "/api/commitments/" + id + "/integrity", "/api/integrity");

        for (String read : reads) {
            for (String user : List.of("officer", "integrator")) {
                Response refused = queries.call(read).as(user).get();
                assertThat(refused.status()).as(user + " " + read).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
            for (String user : List.of("auditor", "admin")) {
                assertThat(queries.call(read).as(user).get().status()).as(user + " " + read).isEqualTo(200);
            }
        }
        assertThat(queries.call("/api/commitments/" + id + "/history").get().status()).isEqualTo(401);
    }

    @Test
    void everyReadIsInTheAuditLogThatOnlyAnAdminReads() {
        String id = hledCourse();
        queries.call("/api/commitments/" + id + "/history").as("auditor").header("Accept", "text/csv").get();
        queries.call("/api/commitments/" + id + "/state?asOf=2021-09-05&knownAt=2030-01-01T00:00:00Z").as("auditor").get();
        queries.call("/api/commitments/" + id + "/integrity").as("admin").get();
        queries.call("/api/commitments/" + id + "/history").as("officer").get();

        Response log = queries.call("/api/audit-log?commitmentId=" + id).as("admin").get();

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().get("total").asLong()).isEqualTo(4);
        List<JsonNode> entries = StreamSupport.stream(log.json().get("items").spliterator(), false).toList();
        // newest first
        assertThat(entries).extracting(e -> e.get("actor").asText() + " " + e.get("endpoint").asText() + " "
                + e.get("status").asInt()).containsExactly(
                "officer /api/commitments/{id}/history 403",
                "admin /api/commitments/{id}/integrity 200",
                "auditor /api/commitments/{id}/state 200",
                "auditor /api/commitments/{id}/history 200");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("commitmentId").asText()).isEqualTo(id);
            assertThat(Instant.parse(e.get("at").asText())).isBefore(Instant.now().plusSeconds(5));
        });
        assertThat(entries.get(2).get("parameters").get("asOf").asText()).isEqualTo("2021-09-05");
        assertThat(entries.get(2).get("parameters").get("knownAt").asText()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(entries.get(3).get("mediaType").asText()).startsWith("text/csv");

        JsonNode byAuditor = queries.call("/api/audit-log?actor=auditor&size=500").as("admin").get().json();
        assertThat(byAuditor.get("items")).allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo("auditor"));

        for (String user : List.of("auditor", "officer", "integrator")) {
            assertThat(queries.call("/api/audit-log").as(user).get().status()).as(user).isEqualTo(403);
        }
    }

    private JsonNode history(String id) {
        Response history = queries.call("/api/commitments/" + id + "/history").as("auditor").get();
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.contentType()).startsWith("application/json");
        return history.json();
    }

    private JsonNode state(String id, String query) {
        Response state = queries.call("/api/commitments/" + id + "/state?" + query).as("auditor").get();
        assertThat(state.status()).as(state.body()).isEqualTo(200);
        return state.json();
    }

    /** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
