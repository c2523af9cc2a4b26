package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stories of issue 12 on the read side, over real HTTP: what the detail, the ledger, the
 * dashboard, {@code state} and the history answer once a wrong fact has been put right
 * (domain.md "Corrections", "Two clocks", "Rules").
 */
class CorrectedReadsTest {

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();
    private final TrackerHttp queries = system.queries();
    private final Officer officer = new Officer(commands);

    // --- the $250,000 typo

    @Test
    void theTypoCorrectedToTwoAndAHalfMillionIsWhatEveryReadByBusinessDateShows() {
        String id = Bodies.newId();
        laborWithAward(id);
        officer.post(at(id) + "/disbursements", voucher("v-2022-03-002", "250000.00", "2022-03-15"));
        officer.post(at(id) + "/corrections", """
                {"factKind": "disbursement", "factId": "v-2022-03-002", "factType": "FundsDisbursed",
                 "content": %s, "reason": "Keyed as 250,000 instead of 2,500,000."}"""
                .formatted(voucher("v-2022-03-002", "2500000.00", "2022-03-15")));

        JsonNode detail = read(at(id) + "?minVersion=5");
        assertThat(detail.get("version").asLong()).isEqualTo(5);
        assertThat(money(detail.get("funding").get("disbursed"))).isEqualTo("USD 2500000.00");

        JsonNode ledger = read(at(id) + "/ledger?minVersion=5");
        assertThat(money(ledger.get("disbursed"))).isEqualTo("USD 2500000.00");
        assertThat(money(ledger.get("available"))).isEqualTo("USD 2500000.00");
        assertThat(fiscalYear(ledger, "FY2022").get("disbursed").get("value").asText()).isEqualTo("2500000.00");
        List<JsonNode> vouchers = entries(ledger, "DISBURSEMENT");
        assertThat(vouchers).hasSize(1);
        assertThat(names(vouchers.get(0), "v-2022-03-002")).as(vouchers.get(0).toString()).isTrue();
        assertThat(money(vouchers.get(0).get("amount"))).isEqualTo("USD 2500000.00");

        JsonNode funding = dashboardFunding(id, "USD");
        assertThat(funding.get("disbursed").get("value").asText()).isEqualTo("2500000.00");

        assertThat(money(state(id, "asOf=2022-03-15").get("funding").get("disbursed"))).isEqualTo("USD 2500000.00");
        assertThat(money(state(id, "asOf=2023-01-01").get("funding").get("disbursed"))).isEqualTo("USD 2500000.00");
        assertThat(money(state(id, "asOf=2022-03-14").get("funding").get("disbursed"))).isEqualTo("USD 0.00");
        assertThat(money(state(id, "").get("funding").get("disbursed"))).isEqualTo("USD 2500000.00");

        JsonNode history = history(id);
        assertThat(history).hasSize(5);
        JsonNode correction = history.get(4);
        assertThat(correction.get("type").asText()).isEqualTo("FactCorrected");
        assertThat(correction.get("version").asLong()).isEqualTo(5);
        assertThat(correction.get("payload").get("factId").asText()).isEqualTo("v-2022-03-002");
        assertThat(correction.get("payload").get("reason").asText()).isEqualTo("Keyed as 250,000 instead of 2,500,000.");
        assertThat(correction.get("payload").get("content").get("amount").get("value").asText()).isEqualTo("2500000.00");
        // the original stays in the record as it was written
        assertThat(history.get(3).get("type").asText()).isEqualTo("FundsDisbursed");
        assertThat(history.get(3).get("payload").get("amount").get("value").asText()).isEqualTo("250000.00");

        // what the record said between the keying and the correction: the typo
        Instant keyed = Instant.parse(history.get(3).get("recordedAt").asText());
        Instant corrected = Instant.parse(history.get(4).get("recordedAt").asText());
        assertThat(corrected).isAfter(keyed);
        Instant between = keyed.plus(Duration.between(keyed, corrected).dividedBy(2));
        JsonNode known = state(id, "asOf=2022-03-15&knownAt=" + between);
        assertThat(money(known.get("funding").get("disbursed"))).isEqualTo("USD 250000.00");
        assertThat(known.get("version").asLong()).isEqualTo(4);
        assertThat(money(state(id, "asOf=2022-03-15&knownAt=" + corrected).get("funding").get("disbursed")))
                .isEqualTo("USD 2500000.00");
    }

    // --- reversal and retraction

    @Test
    void aRetractedDisbursementIsGoneFromEveryReadWhileAReversedOneCountsAsReversedOnItsOwnDate() {
        String id = Bodies.newId();
        laborWithAward(id);
        officer.post(at(id) + "/disbursements", voucher("v-entered-in-error", "100000.00", "2021-10-05"));
        officer.post(at(id) + "/disbursements", voucher("v-paid-twice", "200000.00", "2021-11-10"));
        officer.post(at(id) + "/disbursements/v-paid-twice/reverse", """
                {"reason": "Paid twice; the bank returned it.", "reversedOn": "2022-01-20"}""");
        JsonNode retracted = officer.post(at(id) + "/retractions", """
                {"factKind": "disbursement", "factId": "v-entered-in-error", "reason": "Entered in error."}""");
        assertThat(retracted.get("version").asLong()).isEqualTo(7);

        JsonNode funding = read(at(id) + "?minVersion=7").get("funding");
        assertThat(money(funding.get("disbursed"))).isEqualTo("USD 0.00");
        assertThat(money(funding.get("reversed"))).isEqualTo("USD 200000.00");

        JsonNode ledger = read(at(id) + "/ledger?minVersion=7");
        assertThat(money(ledger.get("disbursed"))).isEqualTo("USD 0.00");
        assertThat(money(ledger.get("reversed"))).isEqualTo("USD 200000.00");
        assertThat(ledger.get("entries")).noneMatch(e -> names(e, "v-entered-in-error"));
        assertThat(entries(ledger, "DISBURSEMENT")).hasSize(1).allMatch(e -> names(e, "v-paid-twice"));
        List<JsonNode> reversals = entries(ledger, "REVERSAL");
        assertThat(reversals).hasSize(1);
        assertThat(names(reversals.get(0), "v-paid-twice")).as(reversals.get(0).toString()).isTrue();
        assertThat(reversals.get(0).get("date").asText()).isEqualTo("2022-01-20");
        // both the voucher and its reversal fall in FY2022: net nothing, 200,000 reversed
        JsonNode fy2022 = fiscalYear(ledger, "FY2022");
        assertThat(fy2022.get("disbursed").get("value").asText()).isEqualTo("0.00");
        assertThat(fy2022.get("reversed").get("value").asText()).isEqualTo("200000.00");

        assertThat(dashboardFunding(id, "USD").get("disbursed").get("value").asText()).isEqualTo("0.00");

        // as of every date: the retracted 100,000 never counts; the reversed 200,000 counts until its reversal
        assertThat(disbursedAndReversed(state(id, "asOf=2021-10-04"))).isEqualTo("USD 0.00 / USD 0.00");
        assertThat(disbursedAndReversed(state(id, "asOf=2021-10-05"))).isEqualTo("USD 0.00 / USD 0.00");
        assertThat(disbursedAndReversed(state(id, "asOf=2021-11-09"))).isEqualTo("USD 0.00 / USD 0.00");
        assertThat(disbursedAndReversed(state(id, "asOf=2021-11-10"))).isEqualTo("USD 200000.00 / USD 0.00");
        assertThat(disbursedAndReversed(state(id, "asOf=2022-01-19"))).isEqualTo("USD 200000.00 / USD 0.00");
        assertThat(disbursedAndReversed(state(id, "asOf=2022-01-20"))).isEqualTo("USD 0.00 / USD 200000.00");
        assertThat(disbursedAndReversed(state(id, "asOf=2024-01-01"))).isEqualTo("USD 0.00 / USD 200000.00");

        // before the retraction was recorded, the record still showed the voucher entered in error
        JsonNode history = history(id);
        assertThat(history.get(6).get("type").asText()).isEqualTo("FactRetracted");
        Instant beforeRetraction = Instant.parse(history.get(5).get("recordedAt").asText());
        assertThat(disbursedAndReversed(state(id, "asOf=2021-10-05&knownAt=" + beforeRetraction)))
                .isEqualTo("USD 100000.00 / USD 0.00");
    }

    /**
     * Found by {@link AsOfProperties}: the command side accepts a disbursement dated before any
     * pledge is dated (no rule of domain.md relates their dates), so {@code state} as of the
     * disbursement's day must count it, in its own currency, rather than drop it with the totals.
     */
    @Test
    void aDisbursementDatedBeforeThePledgeCountsAsOfItsOwnDay() {
        String id = Bodies.newId();
        officer.post("/api/commitments", announcement(id, "LABOR", agencyOf(id)));
        officer.post(at(id) + "/pledges", """
                {"pledgeId": "dol-130m", "amount": {"value": "130000000.00", "currency": "USD"},
                 "periodFrom": "2021-10-01", "periodTo": "2024-09-30", "fundingSource": "Department of Labor",
                 "occurredOn": "2021-10-01"}""");
        officer.post(at(id) + "/disbursements", """
                {"disbursementId": "v-advance", "amount": {"value": "60000.00", "currency": "USD"},
                 "disbursedOn": "2021-07-01", "recipient": "Centro de Derechos Laborales"}""");

        assertThat(money(state(id, "asOf=2021-10-01").get("funding").get("disbursed"))).isEqualTo("USD 60000.00");
        JsonNode july = state(id, "asOf=2021-07-01");
        assertThat(july.path("funding").path("disbursed").path("value").asText()).as(july.toString())
                .isEqualTo("60000.00");
    }

    // --- the security dialogue

    @Test
    void theSecurityDialogueHeldOnTheEighthOfOctoberIsHeldAsOfTheNinth() {
        String id = Bodies.newId();
        officer.post("/api/commitments", announcement(id, "SECURITY", "Department of State"));
        officer.post(at(id) + "/dialogues", """
                {"dialogueId": "security-dialogue", "name": "High-Level Security Dialogue",
                 "plannedFrom": "2021-10-01", "plannedTo": "2021-10-31", "occurredOn": "2021-06-08"}""");
        JsonNode held = officer.post(at(id) + "/dialogues/security-dialogue/mark-held", """
                {"heldOn": "2021-10-08", "location": "Mexico City",
                 "outcomes": ["The Bicentennial Framework for Security, Public Health, and Safe Communities"]}""");
        assertThat(held.get("version").asLong()).isEqualTo(3);

        JsonNode ninth = state(id, "asOf=2021-10-09");
        assertThat(ninth.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(ninth.get("version").asLong()).isEqualTo(3);
        assertThat(ninth.get("dialogues")).hasSize(1);
        JsonNode dialogue = ninth.get("dialogues").get(0);
        assertThat(dialogue.get("dialogueId").asText()).isEqualTo("security-dialogue");
        assertThat(dialogue.get("status").asText()).isEqualTo("HELD");
        assertThat(dialogue.get("heldOn").asText()).isEqualTo("2021-10-08");
        assertThat(dialogue.get("location").asText()).isEqualTo("Mexico City");

        JsonNode seventh = state(id, "asOf=2021-10-07");
        assertThat(seventh.get("dialogues")).hasSize(1);
        assertThat(seventh.get("dialogues").get(0).get("status").asText()).isEqualTo("SCHEDULED");

        JsonNode live = read(at(id) + "?minVersion=3");
        assertThat(live.get("dialogues").get(0).get("status").asText()).isEqualTo("HELD");
    }

    @Test
    void aHoldDatedBeforeTheSchedulingIsRefusedNamingBothDates() {
        String id = Bodies.newId();
        officer.post("/api/commitments", announcement(id, "SECURITY", "Department of State"));
        officer.post(at(id) + "/dialogues", """
                {"dialogueId": "security-dialogue", "name": "High-Level Security Dialogue",
                 "plannedFrom": "2021-10-01", "plannedTo": "2021-10-31", "occurredOn": "2021-09-15"}""");

        Response refused = commands.call(at(id) + "/dialogues/security-dialogue/mark-held").as("officer").post("""
                {"heldOn": "2021-09-10", "location": "Mexico City", "outcomes": []}""");

        assertProblem(refused, 409);
        assertThat(refused.json().get("detail").asText()).contains("2021-09-10", "2021-09-15");
        assertThat(system.eventCount(id)).isEqualTo(2);
        assertThat(state(id, "asOf=2021-12-31").get("dialogues").get(0).get("status").asText()).isEqualTo("SCHEDULED");
    }

    // --- the MoU signed the day before

    @Test
    void theMouSignedTheDayBeforeTheAnnouncementIsInTheDetailAndAsOfTheAnnouncement() {
        String id = Bodies.newId();
        officer.post("/api/commitments", announcement(id, "MIGRATION", "USAID"));

        Response signed = commands.call(at(id) + "/agreements").as("officer").post("""
                {"agreementId": "root-causes-mou", "title": "Memorandum of understanding on root causes",
                 "signedOn": "2021-06-07", "signatories": ["United States", "Mexico"]}""");

        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        assertThat(signed.json().get("version").asLong()).isEqualTo(2);
        JsonNode detail = read(at(id) + "?minVersion=2");
        assertThat(detail.get("agreements")).hasSize(1);
        assertThat(detail.get("agreements").get(0).get("agreementId").asText()).isEqualTo("root-causes-mou");
        assertThat(detail.get("agreements").get(0).get("signedOn").asText()).isEqualTo("2021-06-07");

        JsonNode announcementDay = state(id, "asOf=2021-06-08");
        assertThat(announcementDay.get("agreements")).extracting(a -> a.get("agreementId").asText())
                .containsExactly("root-causes-mou");
        assertThat(announcementDay.get("version").asLong()).isEqualTo(2);
    }

    // --- the overflow

    @Test
    void aPledgeThatWouldTakeTheTotalPastTheLimitIsRefused() {
        String id = Bodies.newId();
        officer.post("/api/commitments", announcement(id, "LABOR", "Department of Labor"));
        officer.post(at(id) + "/pledges", Bodies.pledge("everything", "999999999999999.99", "USD"));

        Response refused = commands.call(at(id) + "/pledges").as("officer")
                .post(Bodies.pledge("one-cent-more", "0.01", "USD"));

        assertProblem(refused, 409);
        assertThat(system.eventCount(id)).isEqualTo(2);
    }

    @Test
    void theLargestPledgeReadsEverywhereAndTwoOfThemSumWithoutLimitOnTheDashboard() {
        String agency = "Agency " + Bodies.newId();
        String first = Bodies.newId();
        String second = Bodies.newId();
        for (String id : List.of(first, second)) {
            officer.post("/api/commitments", announcement(id, "INVESTMENT", agency));
            officer.post(at(id) + "/pledges", Bodies.pledge("everything", "999999999999999.99", "USD"));
            officer.post(at(id) + "/obligations", Bodies.obligation("all-of-it", "999999999999999.99"));
            officer.post(at(id) + "/disbursements", """
                    {"disbursementId": "all-paid", "amount": {"value": "999999999999999.99", "currency": "USD"},
                     "disbursedOn": "2021-11-02", "recipient": "Everyone", "obligationId": "all-of-it"}""");
        }

        for (String id : List.of(first, second)) {
            JsonNode detail = read(at(id) + "?minVersion=4");
            assertThat(money(detail.get("funding").get("pledged"))).isEqualTo("USD 999999999999999.99");
            assertThat(money(detail.get("funding").get("disbursed"))).isEqualTo("USD 999999999999999.99");
            JsonNode ledger = read(at(id) + "/ledger?minVersion=4");
            assertThat(money(ledger.get("pledged"))).isEqualTo("USD 999999999999999.99");
            assertThat(money(ledger.get("available"))).isEqualTo("USD 0.00");
            assertThat(money(state(id, "asOf=2021-11-02").get("funding").get("disbursed")))
                    .isEqualTo("USD 999999999999999.99");
            assertThat(money(state(id, "").get("funding").get("obligated"))).isEqualTo("USD 999999999999999.99");
        }
        Response dashboard = queries.call("/api/dashboard?agency=" + agency.replace(" ", "%20")).as("officer").get();
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        assertThat(dashboard.json().get("commitments").asLong()).isEqualTo(2);
        JsonNode usd = dashboard.json().get("funding").get("USD");
        assertThat(usd.get("pledged").get("value").asText()).isEqualTo("1999999999999999.98");
        assertThat(usd.get("disbursed").get("value").asText()).isEqualTo("1999999999999999.98");
        Response everything = queries.call("/api/dashboard").as("officer").get();
        assertThat(everything.status()).as(everything.toString()).isEqualTo(200);
    }

    // --- helpers

    /** Announced with a lead agency of its own (the dashboard's filter), USD 130 million pledged, USD 5 million obligated on 2021-09-17 (version 3). */
    private void laborWithAward(String id) {
        officer.post("/api/commitments", announcement(id, "LABOR", agencyOf(id)));
        officer.post(at(id) + "/pledges", """
                {"pledgeId": "dol-130m", "amount": {"value": "130000000.00", "currency": "USD"},
                 "periodFrom": "2021-06-08", "periodTo": "2024-06-07", "fundingSource": "Department of Labor",
                 "occurredOn": "2021-06-08"}""");
        officer.post(at(id) + "/obligations", """
                {"obligationId": "ilo-award", "amount": {"value": "5000000.00", "currency": "USD"},
                 "obligatedOn": "2021-09-17", "implementingPartner": "International Labour Organization",
                 "reference": "IL-35000-21-75-K"}""");
    }

    private static String agencyOf(String id) {
        return "Labor agency " + id;
    }

    private static String announcement(String id, String category, String agency) {
        return """
                {"id": "%s", "title": "A commitment of the June 2021 visit", "summary": "As the fact sheet says.",
                 "category": "%s", "parties": ["US", "MX"], "leadAgencies": ["%s"], "announcedOn": "2021-06-08",
                 "source": {"title": "Vice President Harris Visit", "publishedOn": "2021-06-15"}}"""
                .formatted(id, category, agency);
    }

    private static String voucher(String disbursementId, String value, String disbursedOn) {
        return """
                {"disbursementId": "%s", "amount": {"value": "%s", "currency": "USD"}, "disbursedOn": "%s",
                 "recipient": "International Labour Organization", "obligationId": "ilo-award",
                 "reference": "2022/03-002"}""".formatted(disbursementId, value, disbursedOn);
    }

    private static String at(String id) {
        return "/api/commitments/" + id;
    }

    private JsonNode read(String path) {
        Response answer = queries.call(path).as("officer").get();
        assertThat(answer.status()).as("GET %s: %s", path, answer).isEqualTo(200);
        return answer.json();
    }

    private JsonNode state(String id, String query) {
        String path = at(id) + "/state" + (query.isEmpty() ? "" : "?" + query);
        Response answer = queries.call(path).as("auditor").get();
        assertThat(answer.status()).as("GET %s: %s", path, answer).isEqualTo(200);
        return answer.json();
    }

    private JsonNode history(String id) {
        Response answer = queries.call(at(id) + "/history").as("auditor").get();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** The dashboard's funding of the one commitment its lead agency selects (the read model is the detail's). */
    private JsonNode dashboardFunding(String id, String currency) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response answer = queries.call("/api/dashboard?agency=" + agencyOf(id).replace(" ", "%20")).as("officer").get();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            return answer.json();
        }, dashboard -> dashboard.get("commitments").asLong() == 1).get("funding").get(currency);
    }

    private static List<JsonNode> entries(JsonNode ledger, String kind) {
        List<JsonNode> found = new ArrayList<>();
        ledger.get("entries").forEach(e -> {
            if (e.get("kind").asText().equals(kind)) {
                found.add(e);
            }
        });
        return found;
    }

    private static JsonNode fiscalYear(JsonNode ledger, String fiscalYear) {
        for (JsonNode year : ledger.get("byFiscalYear")) {
            if (year.get("fiscalYear").asText().equals(fiscalYear)) {
                return year;
            }
        }
        throw new AssertionError("no " + fiscalYear + " in " + ledger);
    }

    /** Whether a ledger entry names the child (the ledger's field for it may be its id or its reference). */
    private static boolean names(JsonNode entry, String childId) {
        for (JsonNode value : entry) {
            if (value.isTextual() && value.asText().equals(childId)) {
                return true;
            }
        }
        return false;
    }

    private static String money(JsonNode money) {
        return money.get("currency").asText() + " " + money.get("value").asText();
    }

    private static String disbursedAndReversed(JsonNode state) {
        return money(state.get("funding").get("disbursed")) + " / " + money(state.get("funding").get("reversed"));
    }

    private static void assertProblem(Response answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception", "org.commitmenttracker", "org.axonframework");
    }
}
