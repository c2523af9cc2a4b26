package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.system.Bodies.announcement;
import static org.commitmenttracker.system.Bodies.newId;
import static org.commitmenttracker.system.Bodies.pledge;

/**
 * Lenient JSON is not recorded as fact (api.md): duplicate keys, content after the value, dates
 * that are not the string YYYY-MM-DD of a year from 1900 to 9999, and lone UTF-16 surrogates are
 * each a 400 problem naming the field where there is one, and leave the commitment as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictJsonTest {

    private static final String DISBURSEMENT = """
            {"disbursementId": "voucher-7", "amount": {"value": "10.00", "currency": "USD"},
             "disbursedOn": "2021-11-02", "recipient": "Centro de Derechos Laborales", "note": "First tranche"}""";

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();
    private String id;

    @BeforeAll
    void pledgedCommitment() {
        id = pledged();
    }

    /** Announced and pledged: version 2. */
    private String pledged() {
        String pledged = newId();
        assertThat(commands.call("/api/commitments").as("officer").post(announcement(pledged)).status()).isEqualTo(201);
        assertThat(commands.call("/api/commitments/" + pledged + "/pledges").as("officer")
                .post(pledge("the-pledge", "1000.00", "USD")).status()).isEqualTo(201);
        return pledged;
    }

    /** {kind, body of a disbursement, the field the problem names (null: the body as a whole)}. */
    static Stream<Arguments> lenientDisbursements() {
        return Stream.of(
                Arguments.of("duplicate key", DISBURSEMENT.replace("{\"disbursementId\": \"voucher-7\",",
                        "{\"disbursementId\": \"voucher-7\", \"disbursementId\": \"voucher-8\","), "disbursementId"),
                Arguments.of("duplicate key in a nested object", DISBURSEMENT.replace("\"value\": \"10.00\",",
                        "\"value\": \"10.00\", \"value\": \"99999.00\","), "amount.value"),
                Arguments.of("duplicate key, last one null", DISBURSEMENT.replace("\"note\": \"First tranche\"",
                        "\"note\": \"First tranche\", \"note\": null"), "note"),
                Arguments.of("a second object after the first", DISBURSEMENT + " {\"disbursementId\": \"voucher-8\"}", null),
                Arguments.of("a number after the object", DISBURSEMENT + " 7", null),
                Arguments.of("a word after the object", DISBURSEMENT + " trailing", null),
                Arguments.of("a closing bracket after the object", DISBURSEMENT + "]", null),
                Arguments.of("date as an array", date("[2021, 11, 2]"), "disbursedOn"),
                Arguments.of("date as a number of days", date("18933"), "disbursedOn"),
                Arguments.of("date as a number", date("20211102"), "disbursedOn"),
                Arguments.of("date without leading zeros", date("\"2021-11-2\""), "disbursedOn"),
                Arguments.of("date with a time", date("\"2021-11-02T00:00:00\""), "disbursedOn"),
                Arguments.of("date not in the calendar", date("\"2021-02-30\""), "disbursedOn"),
                Arguments.of("year 0000", date("\"0000-01-01\""), "disbursedOn"),
                Arguments.of("year before 1900", date("\"1899-12-31\""), "disbursedOn"),
                Arguments.of("year -999999999", date("\"-999999999-01-01\""), "disbursedOn"),
                Arguments.of("year +10000", date("\"+10000-01-01\""), "disbursedOn"),
                Arguments.of("escaped lone high surrogate", DISBURSEMENT.replace("Centro de", "Centro \\ud800 de"), "recipient"),
                Arguments.of("escaped lone low surrogate", DISBURSEMENT.replace("First tranche", "\\udc00 First"), "note"),
                Arguments.of("high surrogate at the end", DISBURSEMENT.replace("Laborales", "Laborales\\ud83d"), "recipient"),
                Arguments.of("surrogates in the wrong order", DISBURSEMENT.replace("Laborales", "\\ude00\\ud83d"), "recipient"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientDisbursements")
    void lenientDisbursementIsRefusedAndRecordsNothing(String kind, String body, String field) {
        Response refused = commands.call("/api/commitments/" + id + "/disbursements").as("officer").post(body);

        assertProblem(refused, field);
        assertThat(system.eventCount(id)).isEqualTo(2);
    }

    @Test
    void rawLoneSurrogateBytesAreRefusedAndRecordNothing() {
        byte[] body = DISBURSEMENT.replace("Centro de", "Centro XXX de").getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.UTF_8).indexOf("XXX");
        // How a careless encoder writes the lone surrogate U+D800 in "UTF-8".
        body[at] = (byte) 0xED;
        body[at + 1] = (byte) 0xA0;
        body[at + 2] = (byte) 0x80;

        Response refused = commands.call("/api/commitments/" + id + "/disbursements").as("officer")
                .post(body, "application/json");

        assertProblem(refused, null);
        assertThat(system.eventCount(id)).isEqualTo(2);
    }

    /** {kind, how to spoil an announcement, the field named}. */
    static Stream<Arguments> lenientAnnouncements() {
        return Stream.of(
                Arguments.of("duplicate title", (Spoil) a -> a.replace("\"title\": \"High-Level Economic Dialogue\",",
                        "\"title\": \"High-Level Economic Dialogue\", \"title\": \"Another\","), "title"),
                Arguments.of("year 0000 announced", (Spoil) a -> a.replace("\"announcedOn\": \"2021-06-08\"",
                        "\"announcedOn\": \"0000-01-01\""), "announcedOn"),
                Arguments.of("nested date as an array", (Spoil) a -> a.replace("\"publishedOn\": \"2021-06-15\"",
                        "\"publishedOn\": [2021, 6, 15]"), "source.publishedOn"),
                Arguments.of("lone surrogate in a list", (Spoil) a -> a.replace("[\"US\", \"MX\"]",
                        "[\"US\", \"\\ud800\"]"), "parties[1]"),
                Arguments.of("trailing content", (Spoil) a -> a + "{}", null));
    }

    interface Spoil {
        String apply(String announcement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientAnnouncements")
    void lenientAnnouncementIsRefusedAndCreatesNoCommitment(String kind, Spoil spoil, String field) {
        String fresh = newId();

        Response refused = commands.call("/api/commitments").as("officer").post(spoil.apply(announcement(fresh)));

        assertProblem(refused, field);
        assertThat(system.eventCount(fresh)).isZero();
    }

    @Test
    void theSameBodyWrittenStrictlyIsRecorded() {
        String own = pledged();

        Response recorded = commands.call("/api/commitments/" + own + "/disbursements").as("officer")
                .post(DISBURSEMENT.replace("Laborales", "Laborales \\ud83d\\ude00"));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(system.eventCount(own)).isEqualTo(3);
    }

    /** {kind, subscription body} for the query service, which reads its bodies the same way. */
    static Stream<Arguments> lenientSubscriptions() {
        return Stream.of(
                Arguments.of("duplicate url", "{\"url\": \"http://localhost:1/a\", \"url\": \"http://localhost:1/b\", "
                        + "\"commitmentId\": \"%s\"}", "url"),
                Arguments.of("trailing content", "{\"url\": \"http://localhost:1/a\", \"commitmentId\": \"%s\"} {}", null),
                Arguments.of("lone surrogate in a type", "{\"url\": \"http://localhost:1/a\", \"commitmentId\": \"%s\", "
                        + "\"types\": [\"\\udbff\"]}", "types[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientSubscriptions")
    void lenientSubscriptionIsRefusedAndCreatesNothing(String kind, String body, String field) {
        String commitment = newId();

        Response refused = system.queries().call("/api/subscriptions").as("integrator").post(body.formatted(commitment));

        assertProblem(refused, field);
        JsonNode mine = system.queries().call("/api/subscriptions?size=200").as("integrator").get().json().get("items");
        assertThat(mine.findValuesAsText("commitmentId")).doesNotContain(commitment);
    }

    private static void assertProblem(Response refused, String field) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(refused.body()).doesNotContain("Exception", "com.fasterxml", "org.commitmenttracker", "java.");
        if (field != null) {
            assertThat(problem.get("errors")).as(refused.toString()).hasSize(1);
            assertThat(problem.get("errors").get(0).get("field").asText()).as(refused.toString()).isEqualTo(field);
            assertThat(problem.get("errors").get(0).get("message").asText()).isNotBlank();
        }
    }

    private static String date(String json) {
        return DISBURSEMENT.replace("\"2021-11-02\"", json);
    }
}
