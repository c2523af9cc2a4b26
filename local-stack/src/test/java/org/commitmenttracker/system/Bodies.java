package org.commitmenttracker.system;

import java.util.UUID;

/** Request bodies of the command endpoints (api.md), valid unless a test edits them. All dates lie in 2021 to 2023. */
final class Bodies {

    private Bodies() {
    }

    /** A slug no other test uses: all tests share one database. */
    static String newId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String announcement(String id) {
        return """
                {"id": "%s", "title": "High-Level Economic Dialogue", "summary": "Hold a HLED in September.",
                 "category": "ECONOMIC_DIALOGUE", "parties": ["US", "MX"], "leadAgencies": ["Department of State"],
                 "announcedOn": "2021-06-08", "dueBy": "2021-09-30",
                 "source": {"title": "Vice President Harris Visit", "publishedOn": "2021-06-15"}}
                """.formatted(id);
    }

    static String pledge(String pledgeId, String value, String currency) {
        return """
                {"pledgeId": "%s", "amount": {"value": "%s", "currency": "%s"}, "periodFrom": "2021-06-08",
                 "periodTo": "2024-06-07", "fundingSource": "Department of Labor", "occurredOn": "2021-06-08"}
                """.formatted(pledgeId, value, currency);
    }

    static String obligation(String obligationId, String value) {
        return """
                {"obligationId": "%s", "amount": {"value": "%s", "currency": "USD"}, "obligatedOn": "2021-09-15",
                 "implementingPartner": "International Labour Organization"}
                """.formatted(obligationId, value);
    }

    static String disbursement(String disbursementId, String value) {
        return disbursement(disbursementId, value, "USD");
    }

    static String disbursement(String disbursementId, String value, String currency) {
        return """
                {"disbursementId": "%s", "amount": {"value": "%s", "currency": "%s"}, "disbursedOn": "2021-11-02",
                 "recipient": "Centro de Derechos Laborales"}
                """.formatted(disbursementId, value, currency);
    }

    static String reversal() {
        return """
                {"reason": "Voucher entered twice.", "reversedOn": "2021-11-20"}
                """;
    }

    static String dialogue(String dialogueId) {
        return """
                {"dialogueId": "%s", "name": "High-Level Economic Dialogue 2021", "plannedFrom": "2021-09-01",
                 "plannedTo": "2021-09-30", "location": "Washington, D.C.", "occurredOn": "2021-06-08"}
                """.formatted(dialogueId);
    }

    static String held() {
        return """
                {"heldOn": "2021-09-09", "location": "Washington, D.C.",
                 "outcomes": ["A work plan on supply chains"], "communiqueUrl": "https://www.state.gov/hled-2021"}
                """;
    }

    static String fulfilment() {
        return """
                {"fulfilledOn": "2021-09-10", "summary": "The dialogue was held on 9 September 2021."}
                """;
    }
}
