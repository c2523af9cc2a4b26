package org.commitmenttracker.system;

import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.system.Bodies.newId;

/**
 * Putting wrong facts right over HTTP (domain.md "Corrections", "Rules"), as an officer logging
 * the labor commitment after the June 2021 visit meets them: the command side's answers.
 */
class CorrectionsCourseTest {

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();

    /** Announced, USD 130 million pledged, the USD 5 million award IL-35000-21-75-K obligated (version 3). */
    private String laborWithAward() {
        String id = newId();
        created("/api/commitments", """
                {"id": "%s", "title": "Strengthen Labor Cooperation", "summary": "Invest $130 million.",
                 "category": "LABOR", "parties": ["US", "MX"], "leadAgencies": ["Department of Labor"],
                 "announcedOn": "2021-06-08", "source": {"title": "Vice President Harris Visit"}}""".formatted(id));
        created(at(id) + "/pledges", """
                {"pledgeId": "dol-130m", "amount": {"value": "130000000.00", "currency": "USD"},
                 "periodFrom": "2021-06-08", "periodTo": "2024-06-07", "fundingSource": "Department of Labor",
                 "occurredOn": "2021-06-08"}""");
        created(at(id) + "/obligations", """
                {"obligationId": "ilo-award", "amount": {"value": "5000000.00", "currency": "USD"},
                 "obligatedOn": "2021-09-17", "implementingPartner": "International Labour Organization",
                 "reference": "IL-35000-21-75-K"}""");
        return id;
    }

    private static String voucher(String value) {
        return """
                {"disbursementId": "v-2022-03-002", "amount": {"value": "%s", "currency": "USD"},
                 "disbursedOn": "2022-03-15", "recipient": "International Labour Organization",
                 "obligationId": "ilo-award", "reference": "2022/03-002"}""".formatted(value);
    }

    private static String correctionOfVoucher(String value) {
        return """
                {"factKind": "disbursement", "factId": "v-2022-03-002", "factType": "FundsDisbursed",
                 "content": %s, "reason": "Keyed as 250,000 instead of 2,500,000."}""".formatted(voucher(value));
    }

    @Test
    void theTwoHundredFiftyThousandDollarTypoIsCorrectedToTwoAndAHalfMillion() {
        String id = laborWithAward();
        created(at(id) + "/disbursements", voucher("250000.00"));

        Response corrected = post(at(id) + "/corrections", correctionOfVoucher("2500000.00"));

        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().get("version").asLong()).isEqualTo(5);
        assertThat(corrected.json().get("eventIds")).hasSize(1);
        assertThat(corrected.header("ETag")).contains("\"5\"");
        assertThat(system.eventCount(id)).isEqualTo(5);
    }

    @Test
    void aCorrectionThatWouldOverdrawTheAwardIsRefused() {
        String id = laborWithAward();
        created(at(id) + "/disbursements", voucher("250000.00"));

        Response refused = post(at(id) + "/corrections", correctionOfVoucher("5000000.01"));

        assertProblem(refused, 409);
        assertThat(refused.json().get("detail").asText()).contains("'ilo-award'", "overdrawn");
        assertThat(system.eventCount(id)).isEqualTo(4);
    }

    @Test
    void aCorrectionWithoutARequiredFieldOfTheFactIsInvalid() {
        String id = laborWithAward();
        created(at(id) + "/disbursements", voucher("250000.00"));

        Response refused = post(at(id) + "/corrections", """
                {"factKind": "disbursement", "factId": "v-2022-03-002",
                 "content": {"disbursementId": "v-2022-03-002", "amount": {"value": "2500000.00", "currency": "USD"},
                             "disbursedOn": "2022-03-15"},
                 "reason": "Typo."}""");

        assertProblem(refused, 400);
        assertThat(refused.json().get("detail").asText()).contains("content.recipient");
        assertThat(system.eventCount(id)).isEqualTo(4);
    }

    @Test
    void aCorrectionOfAFactNeverRecordedIsNotFound() {
        String id = laborWithAward();

        assertProblem(post(at(id) + "/corrections", correctionOfVoucher("2500000.00")), 404);
        assertThat(system.eventCount(id)).isEqualTo(3);
    }

    @Test
    void theMouSignedTheDayBeforeTheAnnouncementIsAccepted() {
        String id = laborWithAward();

        Response signed = post(at(id) + "/agreements", """
                {"agreementId": "root-causes-mou", "title": "Memorandum of understanding on root causes",
                 "signedOn": "2021-06-07", "signatories": ["United States", "Mexico"]}""");

        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        assertThat(signed.json().get("version").asLong()).isEqualTo(4);
    }

    @Test
    void eightyDollarsAgainstAFiftyDollarObligationIsRefused() {
        String id = laborWithAward();
        created(at(id) + "/obligations", """
                {"obligationId": "small-award", "amount": {"value": "50.00", "currency": "USD"},
                 "obligatedOn": "2021-09-17", "implementingPartner": "Solidarity Center"}""");

        Response refused = post(at(id) + "/disbursements", """
                {"disbursementId": "v-80", "amount": {"value": "80.00", "currency": "USD"}, "disbursedOn": "2021-10-01",
                 "recipient": "Solidarity Center", "obligationId": "small-award"}""");

        assertProblem(refused, 409);
        assertThat(refused.json().get("detail").asText()).contains("'small-award'", "USD 50.00");
        assertThat(system.eventCount(id)).isEqualTo(4);
    }

    @Test
    void aDisbursementBeforeItsObligationIsRefusedNamingBothDates() {
        String id = laborWithAward();

        Response refused = post(at(id) + "/disbursements", voucher("1.00").replace("2022-03-15", "2021-09-16"));

        assertProblem(refused, 409);
        assertThat(refused.json().get("detail").asText()).contains("2021-09-16", "2021-09-17", "correct it first");
    }

    @Test
    void unspentObligatedMoneyIsDeobligatedButNeverMoreThanRemains() {
        String id = laborWithAward();
        created(at(id) + "/disbursements", voucher("1000000.00"));

        Response tooMuch = post(at(id) + "/obligations/ilo-award/deobligate", """
                {"amount": {"value": "4000000.01", "currency": "USD"}, "deobligatedOn": "2024-06-30",
                 "reason": "Unspent at close-out."}""");
        Response released = post(at(id) + "/obligations/ilo-award/deobligate", """
                {"deobligationId": "close-out", "amount": {"value": "4000000.00", "currency": "USD"},
                 "deobligatedOn": "2024-06-30", "reason": "Unspent at close-out.", "reference": "IL-35000-21-75-K/CO"}""");

        assertProblem(tooMuch, 409);
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().get("version").asLong()).isEqualTo(5);
        assertProblem(post(at(id) + "/disbursements", voucher("0.01").replace("v-2022-03-002", "v-2024-07-001")), 409);
    }

    @Test
    void aReferenceOutsideItsAlphabetIsInvalid() {
        String id = laborWithAward();

        Response refused = post(at(id) + "/disbursements", voucher("1.00").replace("2022/03-002", "voucher <script>"));

        assertProblem(refused, 400);
        assertThat(system.eventCount(id)).isEqualTo(3);
    }

    @Test
    void aFactEnteredInErrorIsRetractedButTheAnnouncementIsNot() {
        String id = laborWithAward();
        created(at(id) + "/disbursements", voucher("250000.00"));

        Response retracted = post(at(id) + "/retractions", """
                {"factKind": "disbursement", "factId": "v-2022-03-002", "reason": "Entered in error."}""");
        Response announcement = post(at(id) + "/retractions", """
                {"factKind": "commitment", "factId": "%s", "reason": "Entered in error."}""".formatted(id));
        Response reused = post(at(id) + "/disbursements", voucher("250000.00"));

        assertThat(retracted.status()).as(retracted.toString()).isEqualTo(200);
        assertThat(retracted.json().get("version").asLong()).isEqualTo(5);
        assertProblem(announcement, 409);
        assertProblem(reused, 409);
        assertThat(system.eventCount(id)).isEqualTo(5);
    }

    private static String at(String id) {
        return "/api/commitments/" + id;
    }

    private void created(String path, String body) {
        Response answer = post(path, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    private Response post(String path, String body) {
        return commands.call(path).as("officer").post(body);
    }

    private static void assertProblem(Response answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception", "org.commitmenttracker", "org.axonframework");
    }
}
