package org.commitmenttracker.bench;

import java.util.concurrent.atomic.AtomicLong;

/** The request bodies the workloads send (api.md), each disbursement with an id of its own. */
final class Commands {

    /** Far above anything the runs disburse, one unit at a time. */
    static final String PLEDGE = "900000000000.00";

    private static final AtomicLong DISBURSEMENTS = new AtomicLong();

    private Commands() {
    }

    static String announcement(String id) {
        return """
                {"id": "%s", "title": "Invest in labor cooperation",
                 "summary": "Invest an additional $130 million over three years in labor cooperation.",
                 "category": "LABOR", "parties": ["US", "MX"], "leadAgencies": ["Department of Labor", "USAID"],
                 "announcedOn": "2021-06-08", "dueBy": "2024-06-30",
                 "source": {"title": "Vice President Harris Visit", "url": "https://www.whitehouse.gov/",
                            "publishedOn": "2021-06-15"}}
                """.formatted(id);
    }

    static String pledge() {
        return """
                {"pledgeId": "pledge-1", "amount": {"value": "%s", "currency": "USD"},
                 "periodFrom": "2021-10-01", "periodTo": "2024-09-30", "fundingSource": "FY2022 appropriations"}
                """.formatted(PLEDGE);
    }

    static String disbursement() {
        return """
                {"disbursementId": "d-%d", "amount": {"value": "1.00", "currency": "USD"},
                 "disbursedOn": "2022-01-15", "recipient": "International Labour Organization"}
                """.formatted(DISBURSEMENTS.incrementAndGet());
    }

    static String disbursementsPath(String commitmentId) {
        return "/api/commitments/" + commitmentId + "/disbursements";
    }

    /** Announces a commitment and pledges far more than will ever be disbursed on it. */
    static void open(Http commands, String commitmentId) {
        commands.post("/api/commitments", announcement(commitmentId));
        commands.post("/api/commitments/" + commitmentId + "/pledges", pledge());
    }

    /** FundsDisbursed on the commitment; answers the command's answer. */
    static String disburse(Http commands, String commitmentId) {
        return commands.post(disbursementsPath(commitmentId), disbursement());
    }
}
