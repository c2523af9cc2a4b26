package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.system.Bodies.newId;

/** POST /api/imports/fact-sheets: a public document's commitments in one request, idempotent. */
class FactSheetImportTest {

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();

    /** Two commitments of a fact sheet, stating three facts (announcement included) each. */
    private static String factSheet(String labor, String disappearances) {
        return """
                {"source": {"title": "Joint Statement", "url": "https://www.whitehouse.gov/statement", "publishedOn": "2021-06-15"},
                 "announcedOn": "2021-06-08", "parties": ["US", "MX"],
                 "commitments": [
                   {"id": "%s", "title": "Strengthen Labor Cooperation",
                    "summary": "Invest an additional $130 million over three years.", "category": "LABOR",
                    "leadAgencies": ["Department of Labor"], "dueBy": "2024-06-07",
                    "dialogues": [{"dialogueId": "labor-dialogue", "name": "Labor Working Group",
                                   "plannedFrom": "2021-10-01", "plannedTo": "2021-10-31", "location": null}],
                    "pledges": [{"pledgeId": "dol-technical-assistance",
                                 "amount": {"value": "130000000.00", "currency": "USD"},
                                 "periodFrom": "2021-06-08", "periodTo": "2024-06-07",
                                 "fundingSource": "Department of Labor"}]},
                   {"id": "%s", "title": "Partnership to Resolve Disappearances Cases",
                    "summary": "Help solve the more than 82,000 cases.", "category": "HUMAN_RIGHTS",
                    "indicators": [{"indicatorId": "cases-resolved", "name": "Cases resolved", "unit": "cases",
                                    "baseline": "0", "target": "82000", "targetDate": null}],
                    "agreements": [{"agreementId": "forensic-mou", "title": "Forensic cooperation MoU",
                                    "signedOn": "2021-06-08", "signatories": ["United States", "Mexico"]}]}
                 ]}
                """.formatted(labor, disappearances);
    }

    @Test
    void importAnswersAReportAndEveryStatedFactIsRecorded() {
        String labor = newId();
        String disappearances = newId();

        Response imported = importSheet("officer", factSheet(labor, disappearances));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        JsonNode report = imported.json();
        assertThat(report.get("announced")).extracting(JsonNode::asText).containsExactly(labor, disappearances);
        assertThat(report.get("existing")).isEmpty();
        assertThat(report.get("eventsRecorded").asInt()).isEqualTo(6);
        assertThat(system.eventCount(labor)).isEqualTo(3);
        assertThat(system.eventCount(disappearances)).isEqualTo(3);

        JsonNode detail = system.queries().call("/api/commitments/" + labor + "?minVersion=3").as("officer").get().json();
        assertThat(detail.get("category").asText()).isEqualTo("LABOR");
        assertThat(detail.at("/funding/pledged/value").asText()).isEqualTo("130000000.00");
        assertThat(detail.get("dialogues")).extracting(d -> d.get("dialogueId").asText()).containsExactly("labor-dialogue");
    }

    @Test
    void importingTheSameSheetAgainRecordsNothing() {
        String labor = newId();
        String disappearances = newId();
        assertThat(importSheet("officer", factSheet(labor, disappearances)).status()).isEqualTo(200);

        Response again = importSheet("officer", factSheet(labor, disappearances));

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("announced")).isEmpty();
        assertThat(again.json().get("existing")).extracting(JsonNode::asText).containsExactly(labor, disappearances);
        assertThat(again.json().get("eventsRecorded").asInt()).isZero();
        assertThat(system.eventCount(labor)).isEqualTo(3);
        assertThat(system.eventCount(disappearances)).isEqualTo(3);
    }

    @Test
    void invalidSheetIsRefusedBeforeAnythingIsRecorded() {
        String labor = newId();

        Response refused = importSheet("officer", factSheet(labor, "Not A Slug"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors")).extracting(error -> error.get("field").asText())
                .containsExactly("commitments[1].id");
        assertThat(system.eventCount(labor)).isZero();
    }

    @Test
    void auditorMayNotImport() {
        String labor = newId();

        Response forbidden = importSheet("auditor", factSheet(labor, newId()));

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(system.eventCount(labor)).isZero();
    }

    private Response importSheet(String user, String sheet) {
        return commands.call("/api/imports/fact-sheets").as(user).post(sheet);
    }
}
