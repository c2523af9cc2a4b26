package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.system.Bodies.announcement;
import static org.commitmenttracker.system.Bodies.disbursement;
import static org.commitmenttracker.system.Bodies.dialogue;
import static org.commitmenttracker.system.Bodies.fulfilment;
import static org.commitmenttracker.system.Bodies.held;
import static org.commitmenttracker.system.Bodies.newId;
import static org.commitmenttracker.system.Bodies.obligation;
import static org.commitmenttracker.system.Bodies.pledge;
import static org.commitmenttracker.system.Bodies.reversal;

/**
 * The answers of the command endpoints as api.md states them, over real HTTP: what a success
 * looks like, and that every refusal is a problem document that recorded nothing.
 */
class CommandAnswersTest {

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();
    private final TrackerHttp queries = system.queries();

    private String queryBaseUrl() {
        return "http://localhost:" + system.queryService.getEnvironment().getProperty("local.server.port");
    }

    // --- 400: malformed or invalid bodies and paths

    @Test
    void controlCharacterInARecipientIsRefusedWithTheFieldNamed() {
        String id = fundedCommitment();
        String body = disbursement("voucher-2", "10.00").replace("Centro de Derechos Laborales", "Centro\\u0000");

        Response refused = post("/api/commitments/" + id + "/disbursements", body);

        assertRefused(refused, 400, id, 3);
        assertThat(fields(refused)).containsExactly("recipient");
    }

    @Test
    void amountWithThreeFractionDigitsIsRefused() {
        String id = fundedCommitment();

        Response refused = post("/api/commitments/" + id + "/disbursements", disbursement("voucher-2", "10.125"));

        assertRefused(refused, 400, id, 3);
        assertThat(fields(refused)).containsExactly("amount");
    }

    @Test
    void unknownCurrencyIsRefused() {
        String id = fundedCommitment();

        Response refused = post("/api/commitments/" + id + "/disbursements", disbursement("voucher-2", "10.00", "ABC"));

        assertRefused(refused, 400, id, 3);
        assertThat(fields(refused)).containsExactly("amount");
    }

    @Test
    void missingFieldIsRefused() {
        String id = fundedCommitment();
        String body = disbursement("voucher-2", "10.00").replace(",\n \"recipient\": \"Centro de Derechos Laborales\"", "");

        Response refused = post("/api/commitments/" + id + "/disbursements", body);

        assertRefused(refused, 400, id, 3);
        assertThat(fields(refused)).containsExactly("recipient");
    }

    @Test
    void unknownFieldIsRefused() {
        String id = fundedCommitment();
        String body = "{\"approvedBy\": \"someone\", " + disbursement("voucher-2", "10.00").strip().substring(1);

        Response refused = post("/api/commitments/" + id + "/disbursements", body);

        assertRefused(refused, 400, id, 3);
        assertThat(fields(refused)).containsExactly("approvedBy");
    }

    @Test
    void badSlugsInThePathOrTheBodyAreRefused() {
        String id = fundedCommitment();

        assertRefused(post("/api/commitments/" + id + "/disbursements/Voucher_1/reverse", reversal()), 400, id, 3);
        assertRefused(post("/api/commitments/" + id + "/disbursements", disbursement("Voucher 2", "10.00")), 400, id, 3);
        assertRefused(post("/api/commitments/NOT_A_SLUG/disbursements", disbursement("voucher-2", "10.00")),
                400, "NOT_A_SLUG", 0);
    }

    @Test
    void aBadPathIdAndBadBodyFieldsAreNamedInOneProblem() {
        Response refused = post("/api/commitments/NOT_A_SLUG/disbursements",
                disbursement("Voucher 2", "10.00").replace("\"Centro de Derechos Laborales\"", "\"\""));

        assertRefused(refused, 400, "NOT_A_SLUG", 0);
        assertThat(fields(refused)).containsExactly("disbursementId", "id", "recipient");
    }

    @Test
    void amountThatIsNotPositiveIsRefused() {
        String id = fundedCommitment();

        assertRefused(post("/api/commitments/" + id + "/disbursements", disbursement("voucher-2", "0.00")), 400, id, 3);
        assertRefused(post("/api/commitments/" + id + "/disbursements", disbursement("voucher-3", "-5.00")), 400, id, 3);
    }

    @Test
    void factDatedInTheFutureIsRefused() {
        String id = fundedCommitment();
        String body = disbursement("voucher-2", "10.00").replace("2021-11-02", "2999-01-01");

        Response refused = post("/api/commitments/" + id + "/disbursements", body);

        assertRefused(refused, 400, id, 3);
        assertThat(refused.json().get("detail").asText()).contains("future");
    }

    @Test
    void revisionThatChangesNothingIsRefused() {
        String id = announced();

        Response refused = commands.call("/api/commitments/" + id).as("officer").patch("""
                {"reason": "Nothing to change."}""");

        assertRefused(refused, 400, id, 1);
    }

    @Test
    void oddBodiesAndHeadersAreRefusedAsBadRequestsNeverAsServerErrors() {
        String id = fundedCommitment();
        String path = "/api/commitments/" + id + "/disbursements";
        String valid = disbursement("voucher-2", "10.00");
        List<String> bodies = List.of("", "null", "[]", "\"voucher\"", "{\"disbursementId\": 5}", "{\"amount\": \"10.00\"}",
                valid.replace("\"10.00\"", "\"NaN\""), valid.replace("\"10.00\"", "\"1e400\""),
                valid.replace("\"10.00\"", "1e-400"), valid.replace("\"10.00\"", "null"),
                valid.replace("\"USD\"", "\"usd\""), valid.replace("2021-11-02", "2021-02-30"),
                valid.replace("2021-11-02", "02/11/2021"), valid.substring(0, valid.length() / 2));

        for (String body : bodies) {
            assertRefused(post(path, body), 400, id, 3);
        }
        assertRefused(commands.call(path).as("officer").header("If-Match", "version three").post(valid), 400, id, 3);
        assertRefused(commands.call(path).as("officer").header("Idempotency-Key", "a key with spaces").post(valid),
                400, id, 3);
    }

    // --- 404: unknown commitment or child

    @Test
    void commandForAnUnknownCommitmentIsNotFound() {
        String id = newId();

        Response refused = post("/api/commitments/" + id + "/pledges", pledge("pledge-1", "10.00", "USD"));

        assertRefused(refused, 404, id, 0);
        assertThat(refused.json().get("detail").asText()).contains(id);
    }

    @Test
    void reversalOfAnUnknownDisbursementIsNotFound() {
        String id = fundedCommitment();

        Response refused = post("/api/commitments/" + id + "/disbursements/voucher-404/reverse", reversal());

        assertRefused(refused, 404, id, 3);
        assertThat(refused.json().get("detail").asText()).contains("voucher-404");
    }

    @Test
    void holdingAnUnknownDialogueIsNotFound() {
        String id = announced();

        Response refused = post("/api/commitments/" + id + "/dialogues/no-such-dialogue/mark-held", held());

        assertRefused(refused, 404, id, 1);
    }

    // --- 409: broken rules

    @Test
    void cannotDisburseMoreThanPledged() {
        String id = fundedCommitment();

        Response refused = post("/api/commitments/" + id + "/disbursements", disbursement("voucher-2", "900000.01"));

        assertRefused(refused, 409, id, 3);
        assertThat(refused.json().get("detail").asText()).contains("above the USD 1000000.00 pledged");
    }

    @Test
    void cannotDisburseMoreThanObligated() {
        String id = fundedCommitment();
        assertThat(post("/api/commitments/" + id + "/obligations", obligation("award-1", "150000.00")).status())
                .isEqualTo(201);

        Response refused = post("/api/commitments/" + id + "/disbursements", disbursement("voucher-2", "50000.01"));

        assertRefused(refused, 409, id, 4);
        assertThat(refused.json().get("detail").asText()).contains("obligated");
    }

    @Test
    void moneyInAnotherCurrencyThanTheFirstPledgeIsRefused() {
        String id = fundedCommitment();

        assertRefused(post("/api/commitments/" + id + "/disbursements", disbursement("voucher-2", "10.00", "EUR")),
                409, id, 3);
        assertRefused(post("/api/commitments/" + id + "/pledges", pledge("pledge-2", "10.00", "MXN")), 409, id, 3);
    }

    @Test
    void disbursementIsReversedAtMostOnce() {
        String id = fundedCommitment();
        assertThat(post("/api/commitments/" + id + "/disbursements/voucher-1/reverse", reversal()).status()).isEqualTo(200);

        Response again = post("/api/commitments/" + id + "/disbursements/voucher-1/reverse", reversal());

        assertRefused(again, 409, id, 4);
        assertThat(again.json().get("detail").asText()).contains("already been reversed");
    }

    @Test
    void dialogueIsHeldOnlyOnce() {
        String id = announced();
        assertThat(post("/api/commitments/" + id + "/dialogues", dialogue("hled-2021")).status()).isEqualTo(201);
        assertThat(post("/api/commitments/" + id + "/dialogues/hled-2021/mark-held", held()).status()).isEqualTo(200);

        Response again = post("/api/commitments/" + id + "/dialogues/hled-2021/mark-held", held());

        assertRefused(again, 409, id, 3);
    }

    @Test
    void closedCommitmentTakesNoMoreFundsButStillTakesEvidence() {
        String id = fundedCommitment();
        assertThat(post("/api/commitments/" + id + "/fulfil", fulfilment()).status()).isEqualTo(200);

        assertRefused(post("/api/commitments/" + id + "/disbursements", disbursement("voucher-2", "10.00")), 409, id, 4);
        assertRefused(post("/api/commitments/" + id + "/withdraw", withdrawal()), 409, id, 4);
        assertThat(post("/api/commitments/" + id + "/evidence", evidence("press-release")).status()).isEqualTo(201);
        assertThat(system.eventCount(id)).isEqualTo(5);
    }

    @Test
    void childIdUsedAgainWithOtherContentIsAConflict() {
        String id = fundedCommitment();

        Response refused = post("/api/commitments/" + id + "/disbursements", disbursement("voucher-1", "100000.01"));

        assertRefused(refused, 409, id, 3);
        assertThat(refused.json().get("detail").asText()).contains("voucher-1");
    }

    // --- 412, 415, 422

    @Test
    void staleIfMatchIsAFailedPrecondition() {
        String id = fundedCommitment();

        Response refused = commands.call("/api/commitments/" + id + "/disbursements").as("officer")
                .header("If-Match", "\"2\"").post(disbursement("voucher-2", "10.00"));

        assertRefused(refused, 412, id, 3);
        assertThat(refused.json().get("detail").asText()).contains("version 3");
    }

    @Test
    void bodyThatIsNotJsonIsAnUnsupportedMediaType() {
        String id = fundedCommitment();

        Response refused = commands.call("/api/commitments/" + id + "/disbursements").as("officer")
                .post(disbursement("voucher-2", "10.00"), "text/plain");

        assertRefused(refused, 415, id, 3);
    }

    @Test
    void idempotencyKeyUsedAgainForAnotherBodyIsUnprocessable() {
        String id = fundedCommitment();
        assertThat(disburseWithKey(id, "key-1", disbursement("voucher-2", "10.00")).status()).isEqualTo(201);

        Response refused = disburseWithKey(id, "key-1", disbursement("voucher-3", "10.00"));

        assertRefused(refused, 422, id, 4);
        assertThat(refused.json().get("detail").asText()).contains("key-1");
    }

    // --- successes

    @Test
    void everyCreationAnswers201WithLocationETagAndTheRecordedEvent() {
        String id = newId();
        String at = "/api/commitments/" + id;
        List<String[]> creations = List.of(
                new String[]{"/api/commitments", announcement(id), at},
                new String[]{at + "/dialogues", dialogue("hled-2021"), at + "#dialogue-hled-2021"},
                new String[]{at + "/pledges", pledge("pledge-1", "1000000.00", "USD"), at + "#pledge-pledge-1"},
                new String[]{at + "/obligations", obligation("award-1", "400000.00"), at + "#obligation-award-1"},
                new String[]{at + "/disbursements", disbursement("voucher-1", "100000.00"), at + "#disbursement-voucher-1"},
                new String[]{at + "/milestones", """
                        {"milestoneId": "work-plan", "description": "A work plan agreed", "dueBy": "2022-06-30",
                         "occurredOn": "2021-06-08"}""", at + "#milestone-work-plan"},
                new String[]{at + "/indicators", """
                        {"indicatorId": "inspections", "name": "Labor inspections", "unit": "inspections",
                         "baseline": "0", "target": "500", "targetDate": "2023-12-31", "occurredOn": "2021-06-08"}""",
                        at + "#indicator-inspections"},
                new String[]{at + "/indicators/inspections/measurements", """
                        {"measurementId": "q1-2022", "value": "120", "measuredOn": "2022-03-31",
                         "source": "Quarterly report"}""", at + "#indicator-inspections"},
                new String[]{at + "/agreements", """
                        {"agreementId": "mou", "title": "Memorandum of understanding", "signedOn": "2021-06-08",
                         "signatories": ["United States", "Mexico"]}""", at + "#agreement-mou"},
                new String[]{at + "/assessments", """
                        {"assessmentId": "spring-2022", "rating": "IN_PROGRESS", "rationale": "Funds flow as planned.",
                         "assessedOn": "2022-04-01"}""", at + "#assessment-spring-2022"},
                new String[]{at + "/evidence", evidence("press-release"), at + "#evidence-press-release"});

        List<String> answeredEventIds = new ArrayList<>();
        for (int i = 0; i < creations.size(); i++) {
            String[] creation = creations.get(i);
            long version = i + 1;

            Response created = post(creation[0], creation[1]);

            assertThat(created.status()).as("%s: %s", creation[0], created).isEqualTo(201);
            assertThat(created.header("Location")).hasValueSatisfying(location -> {
                assertThat(location).isEqualTo(queryBaseUrl() + creation[2]);
                // where it is read: the query service's detail, once it has the version just answered
                assertThat(queries.call(location.substring(queryBaseUrl().length()).replaceFirst("#.*", "")
                        + "?minVersion=" + version).as("officer").get().status()).isEqualTo(200);
            });
            assertAnswer(created, id, version);
            answeredEventIds.add(created.json().get("eventIds").get(0).asText());
        }
        assertThat(system.eventIds(id)).isEqualTo(answeredEventIds);
    }

    @Test
    void everyChangeAnswers200WithETagAndTheRecordedEvent() {
        String id = fundedCommitment();
        String at = "/api/commitments/" + id;
        assertThat(post(at + "/dialogues", dialogue("hled-2021")).status()).isEqualTo(201);
        assertThat(post(at + "/dialogues", dialogue("hled-2022")).status()).isEqualTo(201);
        assertThat(post(at + "/milestones", """
                {"milestoneId": "work-plan", "description": "A work plan agreed", "dueBy": "2022-06-30",
                 "occurredOn": "2021-06-08"}""").status())
                .isEqualTo(201);
        List<String[]> changes = List.of(
                new String[]{at + "/dialogues/hled-2021/reschedule", """
                        {"plannedFrom": "2021-09-09", "plannedTo": "2021-09-10", "reason": "Agenda agreed",
                         "occurredOn": "2021-08-01"}"""},
                new String[]{at + "/dialogues/hled-2021/mark-held", held()},
                new String[]{at + "/dialogues/hled-2022/cancel", """
                        {"reason": "Merged into the 2021 dialogue.", "occurredOn": "2021-09-10"}"""},
                new String[]{at + "/pledges/the-pledge/revise", """
                        {"newAmount": {"value": "1200000.00", "currency": "USD"}, "reason": "Top-up",
                         "occurredOn": "2021-10-01"}"""},
                new String[]{at + "/disbursements/voucher-1/reverse", reversal()},
                new String[]{at + "/milestones/work-plan/mark-achieved", """
                        {"achievedOn": "2021-12-01", "note": "Signed by both ministers."}"""},
                new String[]{at + "/fulfil", fulfilment()});

        long version = 6;
        Response revised = commands.call(at).as("officer").patch("""
                {"title": "High-Level Economic Dialogue, revived", "reason": "The official name.",
                 "occurredOn": "2021-07-01"}""");
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertAnswer(revised, id, ++version);
        for (String[] change : changes) {
            Response changed = post(change[0], change[1]);

            assertThat(changed.status()).as("%s: %s", change[0], changed).isEqualTo(200);
            assertThat(changed.header("Location")).isEmpty();
            assertAnswer(changed, id, ++version);
        }

        JsonNode detail = queries.call(at + "?minVersion=" + version).as("officer").get().json();
        assertThat(detail.get("title").asText()).isEqualTo("High-Level Economic Dialogue, revived");
        assertThat(detail.get("status").asText()).isEqualTo("FULFILLED");
        assertThat(detail.get("dialogues")).extracting(d -> d.get("status").asText()).containsExactly("HELD", "CANCELLED");
        assertThat(detail.at("/funding/pledged/value").asText()).isEqualTo("1200000.00");
        assertThat(detail.at("/funding/disbursed/value").asText()).isEqualTo("0.00");
    }

    @Test
    void withdrawalAnswers200() {
        String id = announced();

        Response withdrawn = post("/api/commitments/" + id + "/withdraw", withdrawal());

        assertThat(withdrawn.status()).isEqualTo(200);
        assertAnswer(withdrawn, id, 2);
        assertThat(queries.call("/api/commitments/" + id + "?minVersion=2").as("officer").get().json()
                .get("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void ifMatchWithTheCurrentVersionSucceeds() {
        String id = fundedCommitment();

        Response disbursed = commands.call("/api/commitments/" + id + "/disbursements").as("officer")
                .header("If-Match", "\"3\"").post(disbursement("voucher-2", "10.00"));

        assertThat(disbursed.status()).isEqualTo(201);
        assertAnswer(disbursed, id, 4);
    }

    @Test
    void idempotencyKeyUsedAgainForTheSameBodyAnswersTheFirstAnswerAndRecordsNothing() {
        String id = fundedCommitment();
        Response first = disburseWithKey(id, "retry-7", disbursement("voucher-2", "10.00"));
        assertThat(first.status()).isEqualTo(201);

        Response again = disburseWithKey(id, "retry-7", disbursement("voucher-2", "10.00"));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(system.eventCount(id)).isEqualTo(4);
    }

    @Test
    void idempotencyKeySentByManyAtOnceRecordsOnceAndAnswersAllAlike() throws Exception {
        String id = fundedCommitment();
        String assessment = """
                {"rating": "IN_PROGRESS", "rationale": "A client retried on a timeout.", "assessedOn": "2022-04-01"}""";
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                pending.add(clients.submit(() -> {
                    go.await();
                    return commands.call("/api/commitments/" + id + "/assessments").as("officer")
                            .header("Idempotency-Key", "assess-once").post(assessment);
                }));
            }
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pending) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }

            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
            assertThat(answers).extracting(Response::json).containsOnly(answers.get(0).json());
            assertThat(system.eventCount(id)).isEqualTo(4);
            // The attempts rolled back left no trace in the commitment the service holds in memory either.
            Response next = post("/api/commitments/" + id + "/disbursements", disbursement("voucher-2", "10.00"));
            assertThat(next.json().get("version").asLong()).isEqualTo(5);
            assertThat(system.eventCount(id)).isEqualTo(5);
        } finally {
            clients.shutdownNow();
        }
    }

    /** The same answer as the first request: 201, the version it produced and the id of its event. */
    @Test
    void childIdUsedAgainWithTheSameContentIsAHarmlessRepeat() {
        String id = fundedCommitment();
        String voucherEventId = system.eventIds(id).get(2);
        assertThat(post("/api/commitments/" + id + "/pledges/the-pledge/revise", """
                {"newAmount": {"value": "2000000.00", "currency": "USD"}, "reason": "Top-up."}""").status())
                .isEqualTo(200);

        Response repeat = post("/api/commitments/" + id + "/disbursements", disbursement("voucher-1", "100000.00"));

        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.header("ETag")).contains("\"3\"");
        assertThat(repeat.json().get("version").asLong()).isEqualTo(3);
        assertThat(repeat.json().get("eventIds")).extracting(JsonNode::asText).containsExactly(voucherEventId);
        assertThat(system.eventCount(id)).isEqualTo(4);
    }

    // --- helpers

    /** Announced (version 1). */
    private String announced() {
        String id = newId();
        assertThat(post("/api/commitments", announcement(id)).status()).isEqualTo(201);
        return id;
    }

    /** Announced, USD 1,000,000.00 pledged and 100,000.00 of it disbursed as voucher-1 (version 3). */
    private String fundedCommitment() {
        String id = announced();
        assertThat(post("/api/commitments/" + id + "/pledges", pledge("the-pledge", "1000000.00", "USD")).status())
                .isEqualTo(201);
        assertThat(post("/api/commitments/" + id + "/disbursements", disbursement("voucher-1", "100000.00")).status())
                .isEqualTo(201);
        return id;
    }

    private Response post(String path, String body) {
        return commands.call(path).as("officer").post(body);
    }

    private Response disburseWithKey(String id, String key, String body) {
        return commands.call("/api/commitments/" + id + "/disbursements").as("officer")
                .header("Idempotency-Key", key).post(body);
    }

    private static String withdrawal() {
        return """
                {"withdrawnOn": "2021-12-01", "reason": "Superseded by a new agreement."}""";
    }

    private static String evidence(String evidenceId) {
        return """
                {"evidenceId": "%s", "title": "Press release", "url": "https://www.dol.gov/newsroom/releases/2022",
                 "capturedOn": "2022-04-02"}""".formatted(evidenceId);
    }

    /** The body and ETag of api.md for a command that recorded one event. */
    private static void assertAnswer(Response answer, String id, long version) {
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.header("ETag")).contains("\"" + version + "\"");
        assertThat(answer.json().get("commitmentId").asText()).isEqualTo(id);
        assertThat(answer.json().get("version").asLong()).isEqualTo(version);
        assertThat(answer.json().get("eventIds")).hasSize(1);
    }

    /** A problem document with the status, and the commitment still at its version. */
    private void assertRefused(Response answer, int status, String id, long version) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "org.commitmenttracker", "org.axonframework");
        assertThat(system.eventCount(id)).as("events of %s", id).isEqualTo(version);
    }

    private static List<String> fields(Response problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
