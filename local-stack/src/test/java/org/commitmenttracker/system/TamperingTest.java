package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An intruder with the server's superuser switches off the append-only trigger and rewrites
 * stored events, then switches it on again. The services cannot notice; the integrity chain does.
 */
class TamperingTest {

    @BeforeAll
    static void startASystemOfItsOwn() {
        system = RunningSystem.isolated();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    /** Tampering damages the store, so it gets one of its own: replays elsewhere must not meet it. */
    private static RunningSystem system;
    private final Officer officer = new Officer(system.commands());
    private final TrackerHttp queries = system.queries();

    /** Announced, pledged, two disbursements, a dialogue scheduled and held: versions 1 to 6. */
    private String commitmentWithSixEvents() {
        String id = Bodies.newId();
        String path = "/api/commitments/" + id;
        officer.post("/api/commitments", Bodies.announcement(id));
        officer.post(path + "/pledges", """
                {"pledgeId": "hled-support", "amount": {"value": "250000.00", "currency": "USD"},
                 "periodFrom": "2021-07-01", "periodTo": "2022-06-30", "fundingSource": "Department of Commerce",
                 "occurredOn": "2021-07-01"}""");
        officer.post(path + "/disbursements", """
                {"disbursementId": "vch-001", "amount": {"value": "1000.00", "currency": "USD"},
                 "disbursedOn": "2021-08-01", "recipient": "Venue"}""");
        officer.post(path + "/disbursements", """
                {"disbursementId": "vch-002", "amount": {"value": "2000.00", "currency": "USD"},
                 "disbursedOn": "2021-08-02", "recipient": "Catering"}""");
        officer.post(path + "/dialogues", """
                {"dialogueId": "hled-2021", "name": "High-Level Economic Dialogue 2021",
                 "plannedFrom": "2021-09-01", "plannedTo": "2021-09-30", "occurredOn": "2021-06-15"}""");
        officer.post(path + "/dialogues/hled-2021/mark-held", """
                {"heldOn": "2021-09-09", "location": "Washington, D.C.", "outcomes": ["Building back together"]}""");
        return id;
    }

    @Test
    void oneChangedByteOfOnePayloadIsNamedAsTheFirstInvalidVersion() throws SQLException {
        String id = commitmentWithSixEvents();
        assertThat(integrity(id).get("valid").asBoolean()).isTrue();

        // "Venue" becomes "Wenue" in the stored JSON of the first disbursement (version 3)
        tamper("""
                UPDATE events.domain_event_entry
                   SET payload = overlay(payload PLACING '\\x57'::bytea FROM position('Venue'::bytea IN payload) FOR 1)
                 WHERE aggregate_identifier = ? AND sequence_number = 2""", id);

        JsonNode integrity = integrity(id);
        assertThat(integrity.get("valid").asBoolean()).isFalse();
        assertThat(integrity.get("events").asLong()).isEqualTo(6);
        assertThat(integrity.get("firstInvalidVersion").asLong()).isEqualTo(3);
        assertThat(failedCommitments()).contains(id);
        // the auditor still sees what is stored now
        assertThat(queries.call("/api/commitments/" + id + "/history").as("auditor").get().json()
                .get(2).get("payload").get("recipient").asText()).isEqualTo("Wenue");
    }

    @Test
    void twoSwappedPayloadsAreCaughtAtTheFirstOfThem() throws SQLException {
        String id = commitmentWithSixEvents();

        // the two disbursements (versions 3 and 4) exchange their payloads
        tamper("""
                UPDATE events.domain_event_entry AS e
                   SET payload = other.payload
                  FROM events.domain_event_entry AS other
                 WHERE e.aggregate_identifier = ? AND other.aggregate_identifier = e.aggregate_identifier
                   AND e.sequence_number IN (2, 3) AND other.sequence_number = 5 - e.sequence_number""", id);

        JsonNode integrity = integrity(id);
        assertThat(integrity.get("valid").asBoolean()).isFalse();
        assertThat(integrity.get("firstInvalidVersion").asLong()).isEqualTo(3);
        assertThat(failedCommitments()).contains(id);
    }

    @Test
    void untouchedCommitmentsStayValidBesideATamperedOne() throws SQLException {
        String untouched = commitmentWithSixEvents();
        String tampered = commitmentWithSixEvents();

        tamper("""
                UPDATE events.domain_event_entry
                   SET payload = overlay(payload PLACING '\\x39'::bytea FROM position('1000.00'::bytea IN payload) FOR 1)
                 WHERE aggregate_identifier = ? AND sequence_number = 2""", tampered);

        assertThat(integrity(untouched).get("valid").asBoolean()).isTrue();
        assertThat(integrity(tampered).get("firstInvalidVersion").asLong()).isEqualTo(3);
        assertThat(failedCommitments()).contains(tampered).doesNotContain(untouched);
    }

    /** Runs one rewrite with the trigger off, in one transaction: no one else ever sees the table unguarded. */
    private void tamper(String update, String commitmentId) throws SQLException {
        try (Connection superuser = system.database.superuserConnection()) {
            superuser.setAutoCommit(false);
            try (Statement statement = superuser.createStatement();
                 PreparedStatement rewrite = superuser.prepareStatement(update)) {
                statement.execute("ALTER TABLE events.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
                rewrite.setString(1, commitmentId);
                assertThat(rewrite.executeUpdate()).isPositive();
                statement.execute("ALTER TABLE events.domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
            }
            superuser.commit();
        }
    }

    private JsonNode integrity(String id) {
        return queries.call("/api/commitments/" + id + "/integrity").as("auditor").get().json();
    }

    private List<String> failedCommitments() {
        JsonNode all = queries.call("/api/integrity").as("auditor").get().json();
        assertThat(all.get("valid").asBoolean()).isFalse();
        return StreamSupport.stream(all.get("failed").spliterator(), false).map(JsonNode::asText).toList();
    }
}
