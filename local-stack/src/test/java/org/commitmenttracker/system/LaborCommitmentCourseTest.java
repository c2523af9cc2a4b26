package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.system.Bodies.newId;

/** The $130 million labor pledge of the fact sheet, followed through its funding as an officer logs it. */
class LaborCommitmentCourseTest {

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();

    @Test
    void laborCommitmentFromPledgeToReversalShowsItsFundingRightAfter() {
        String id = newId();
        String at = "/api/commitments/" + id;
        record("/api/commitments", """
                {"id": "%s", "title": "Strengthen Labor Cooperation",
                 "summary": "The U.S. will invest an additional $130 million in technical assistance and cooperation over the next three years.",
                 "category": "LABOR", "parties": ["US", "MX"], "leadAgencies": ["Department of Labor"],
                 "announcedOn": "2021-06-08", "dueBy": "2024-06-07",
                 "source": {"title": "Vice President Harris Visit", "publishedOn": "2021-06-15"}}""".formatted(id));
        record(at + "/pledges", """
                {"pledgeId": "dol-technical-assistance", "amount": {"value": "130000000.00", "currency": "USD"},
                 "periodFrom": "2021-06-08", "periodTo": "2024-06-07", "fundingSource": "Department of Labor",
                 "occurredOn": "2021-06-08"}""");
        record(at + "/obligations", """
                {"obligationId": "ilo-il-35000-21", "amount": {"value": "25000000.00", "currency": "USD"},
                 "obligatedOn": "2021-09-17", "implementingPartner": "International Labour Organization"}""");
        record(at + "/obligations", """
                {"obligationId": "sc-il-36000-22", "amount": {"value": "15000000.00", "currency": "USD"},
                 "obligatedOn": "2022-02-01", "implementingPartner": "Solidarity Center"}""");
        record(at + "/disbursements", """
                {"disbursementId": "v-2021-0001", "amount": {"value": "5000000.00", "currency": "USD"},
                 "disbursedOn": "2021-11-02", "recipient": "International Labour Organization",
                 "obligationId": "ilo-il-35000-21"}""");
        record(at + "/disbursements", """
                {"disbursementId": "v-2022-0002", "amount": {"value": "7500000.00", "currency": "USD"},
                 "disbursedOn": "2022-03-15", "recipient": "Solidarity Center", "obligationId": "sc-il-36000-22"}""");
        record(at + "/disbursements", """
                {"disbursementId": "v-2022-0003", "amount": {"value": "2250000.50", "currency": "USD"},
                 "disbursedOn": "2022-04-01", "recipient": "International Labour Organization",
                 "obligationId": "ilo-il-35000-21", "note": "Second tranche"}""");
        Response reversed = commands.call(at + "/disbursements/v-2022-0002/reverse").as("officer").post("""
                {"reason": "Paid to the wrong account.", "reversedOn": "2022-04-20"}""");
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        long version = reversed.json().get("version").asLong();
        assertThat(version).isEqualTo(8);

        JsonNode detail = system.queries().call(at + "?minVersion=" + version).as("officer").get().json();

        assertThat(detail.get("version").asLong()).isEqualTo(8);
        assertThat(detail.get("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode funding = detail.get("funding");
        assertThat(funding.get("currency").asText()).isEqualTo("USD");
        assertThat(funding.at("/pledged/value").asText()).isEqualTo("130000000.00");
        assertThat(funding.at("/obligated/value").asText()).isEqualTo("40000000.00");
        assertThat(funding.at("/disbursed/value").asText()).isEqualTo("7250000.50");
        assertThat(funding.at("/reversed/value").asText()).isEqualTo("7500000.00");
        assertThat(funding.get("disbursedPercent").asText()).isEqualTo("5.6");
    }

    private void record(String path, String body) {
        Response answer = commands.call(path).as("officer").post(body);
        assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(201);
    }
}
