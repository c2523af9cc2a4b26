package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live detail (built by the projection as events arrive) and {@code state} without
 * parameters (folded from the event store on request) go through the same fold, so for any
 * course of events they must be equal, field for field.
 */
class LiveDetailAndStateTest {

    private static final LocalDate ANNOUNCED_ON = LocalDate.of(2021, 6, 8);

    private final RunningSystem system = RunningSystem.shared();
    private final Officer officer = new Officer(system.commands());
    private final TrackerHttp queries = system.queries();

    @Test
    void liveDetailEqualsStateWithoutParametersForRandomCourses() {
        Random random = new Random(20210615L);
        for (int i = 0; i < 12; i++) {
            String id = Bodies.newId();
            long version = new Course(id, random).run(6 + random.nextInt(25));

            Response live = queries.call("/api/commitments/" + id + "?minVersion=" + version).as("auditor").get();
            Response state = queries.call("/api/commitments/" + id + "/state").as("auditor").get();

            assertThat(live.status()).as(live.body()).isEqualTo(200);
            assertThat(state.status()).as(state.body()).isEqualTo(200);
            ObjectNode asStored = (ObjectNode) state.json();
            assertThat(asStored.remove("asOf").isNull()).isTrue();
            assertThat(asStored.remove("knownAt").isNull()).isTrue();
            // no corrections in these courses: every event of the stream shapes the answer
            assertThat(asStored.remove("factsApplied").asLong()).isEqualTo(version);
            assertThat(asStored).as("commitment %s after %d events", id, version).isEqualTo(live.json());
            assertThat(asStored.get("version").asLong()).isEqualTo(version);
        }
    }

    /**
     * One commitment and a random but valid course of facts, logged over HTTP: what the command
     * side would accept, tracked just enough to stay within its rules (funding limits, open
     * dialogues and milestones, reversals once, nothing but evidence and assessments once closed).
     */
    private final class Course {
        private final String id;
        private final String path;
        private final Random random;
        private LocalDate day = ANNOUNCED_ON;
        private long version;
        private int ids;
        private boolean closed;
        private BigDecimal pledged = BigDecimal.ZERO;
        private BigDecimal obligated = BigDecimal.ZERO;
        private BigDecimal disbursed = BigDecimal.ZERO;
        private final Map<String, BigDecimal> pledges = new LinkedHashMap<>();
        private final Map<String, BigDecimal> disbursementAmounts = new LinkedHashMap<>();
        private final Map<String, LocalDate> unreversedDisbursements = new LinkedHashMap<>();
        private final List<String> openDialogues = new ArrayList<>();
        private final List<String> openMilestones = new ArrayList<>();
        private final List<String> indicators = new ArrayList<>();
        private final java.util.Map<String, LocalDate> indicatorDays = new java.util.HashMap<>();

        Course(String id, Random random) {
            this.id = id;
            this.path = "/api/commitments/" + id;
            this.random = random;
        }

        /** Announces the commitment and logs about {@code facts} more; answers the version reached. */
        long run(int facts) {
            record(officer.post("/api/commitments", Bodies.announcement(id)
                    .replace("\"dueBy\": \"2021-09-30\"", "\"dueBy\": \"" + ANNOUNCED_ON.plusDays(random.nextInt(900)) + "\"")));
            for (int i = 0; i < facts; i++) {
                day = day.plusDays(random.nextInt(12));
                nextFact();
            }
            return version;
        }

        private void nextFact() {
            int pick = random.nextInt(100);
            if (closed) {
                if (pick < 50) {
                    evidence();
                } else {
                    assessment();
                }
            } else if (pick < 12) {
                pledge();
            } else if (pick < 16 && !pledges.isEmpty()) {
                revisePledge();
            } else if (pick < 26) {
                obligate();
            } else if (pick < 40) {
                disburse();
            } else if (pick < 45 && !unreversedDisbursements.isEmpty()) {
                reverse();
            } else if (pick < 51) {
                scheduleDialogue();
            } else if (pick < 57 && !openDialogues.isEmpty()) {
                concludeOrRescheduleDialogue();
            } else if (pick < 63) {
                setMilestone();
            } else if (pick < 68 && !openMilestones.isEmpty()) {
                achieveMilestone();
            } else if (pick < 72) {
                defineIndicator();
            } else if (pick < 79 && !indicators.isEmpty()) {
                measure();
            } else if (pick < 82) {
                revise();
            } else if (pick < 85) {
                sign();
            } else if (pick < 90) {
                assessment();
            } else if (pick < 97) {
                evidence();
            } else {
                close();
            }
        }

        private void pledge() {
            String pledgeId = nextId("pledge");
            BigDecimal amount = amount(50_000_000);
            record(officer.post(path + "/pledges", """
                    {"pledgeId": "%s", "amount": %s, "periodFrom": "%s", "periodTo": "%s",
                     "fundingSource": "Economic Support Fund", "occurredOn": "%s"}"""
                    .formatted(pledgeId, money(amount), day, day.plusDays(365 + random.nextInt(730)), day)));
            pledges.put(pledgeId, amount);
            pledged = pledged.add(amount);
        }

        private void revisePledge() {
            String pledgeId = List.copyOf(pledges.keySet()).get(random.nextInt(pledges.size()));
            BigDecimal current = pledges.get(pledgeId);
            BigDecimal floor = obligated.max(disbursed).subtract(pledged.subtract(current)).max(new BigDecimal("0.01"));
            BigDecimal newAmount = floor.add(amount(20_000_000));
            record(officer.post(path + "/pledges/" + pledgeId + "/revise", """
                    {"newAmount": %s, "reason": "Appropriation, revised", "occurredOn": "%s"}"""
                    .formatted(money(newAmount), day)));
            pledged = pledged.subtract(current).add(newAmount);
            pledges.put(pledgeId, newAmount);
        }

        private void obligate() {
            BigDecimal room = pledged.subtract(obligated);
            if (room.signum() <= 0) {
                pledge();
                return;
            }
            BigDecimal amount = part(room);
            record(officer.post(path + "/obligations", """
                    {"obligationId": "%s", "amount": %s, "obligatedOn": "%s", "implementingPartner": "ILO"}"""
                    .formatted(nextId("award"), money(amount), day)));
            obligated = obligated.add(amount);
        }

        private void disburse() {
            BigDecimal room = (obligated.signum() > 0 ? obligated : pledged).subtract(disbursed);
            if (room.signum() <= 0) {
                obligate();
                return;
            }
            BigDecimal amount = part(room);
            String disbursementId = nextId("voucher");
            record(officer.post(path + "/disbursements", """
                    {"disbursementId": "%s", "amount": %s, "disbursedOn": "%s", "recipient": "Implementer, Inc.",
                     "note": "Tranche \\"%d\\""}""".formatted(disbursementId, money(amount), day, ids)));
            disbursed = disbursed.add(amount);
            unreversedDisbursements.put(disbursementId, day);
            disbursementAmounts.put(disbursementId, amount);
        }

        private void reverse() {
            String disbursementId = List.copyOf(unreversedDisbursements.keySet())
                    .get(random.nextInt(unreversedDisbursements.size()));
            record(officer.post(path + "/disbursements/" + disbursementId + "/reverse", """
                    {"reason": "Paid twice", "reversedOn": "%s"}""".formatted(day)));
            unreversedDisbursements.remove(disbursementId);
            disbursed = disbursed.subtract(disbursementAmounts.get(disbursementId));
        }

        private void scheduleDialogue() {
            String dialogueId = nextId("dialogue");
            LocalDate from = day.plusDays(10 + random.nextInt(60));
            record(officer.post(path + "/dialogues", """
                    {"dialogueId": "%s", "name": "Dialogue %d", "plannedFrom": "%s", "plannedTo": "%s",
                     "location": %s, "occurredOn": "%s"}""".formatted(dialogueId, ids, from,
                    from.plusDays(random.nextInt(5)), random.nextBoolean() ? "\"Mexico City\"" : "null", day)));
            openDialogues.add(dialogueId);
        }

        private void concludeOrRescheduleDialogue() {
            String dialogueId = openDialogues.get(random.nextInt(openDialogues.size()));
            String dialogue = path + "/dialogues/" + dialogueId;
            switch (random.nextInt(3)) {
                case 0 -> {
                    LocalDate from = day.plusDays(5 + random.nextInt(30));
                    record(officer.post(dialogue + "/reschedule", """
                            {"plannedFrom": "%s", "plannedTo": "%s", "reason": "Agendas", "occurredOn": "%s"}"""
                            .formatted(from, from.plusDays(1), day)));
                }
                case 1 -> {
                    record(officer.post(dialogue + "/mark-held", """
                            {"heldOn": "%s", "location": "Washington, D.C.", "outcomes": ["Joint statement, signed"]}"""
                            .formatted(day)));
                    openDialogues.remove(dialogueId);
                }
                default -> {
                    record(officer.post(dialogue + "/cancel", """
                            {"reason": "Postponed", "occurredOn": "%s"}""".formatted(day)));
                    openDialogues.remove(dialogueId);
                }
            }
        }

        private void setMilestone() {
            String milestoneId = nextId("milestone");
            record(officer.post(path + "/milestones", """
                    {"milestoneId": "%s", "description": "Step %d", "dueBy": "%s", "occurredOn": "%s"}"""
                    .formatted(milestoneId, ids, day.plusDays(random.nextInt(400)), day)));
            openMilestones.add(milestoneId);
        }

        private void achieveMilestone() {
            String milestoneId = openMilestones.remove(random.nextInt(openMilestones.size()));
            record(officer.post(path + "/milestones/" + milestoneId + "/mark-achieved", """
                    {"achievedOn": "%s"}""".formatted(day)));
        }

        private void defineIndicator() {
            String indicatorId = nextId("indicator");
            record(officer.post(path + "/indicators", """
                    {"indicatorId": "%s", "name": "Cases resolved", "unit": "cases", "baseline": %d, "target": %d,
                     "occurredOn": "%s"}""".formatted(indicatorId, random.nextInt(100), 1000 + random.nextInt(90_000),
                    day)));
            indicators.add(indicatorId);
            indicatorDays.put(indicatorId, day);
        }

        /** Sometimes logged late: measured before the latest measurement, never before its indicator's definition. */
        private void measure() {
            String indicatorId = indicators.get(random.nextInt(indicators.size()));
            LocalDate late = lateDay();
            LocalDate measuredOn = late.isBefore(indicatorDays.get(indicatorId)) ? indicatorDays.get(indicatorId) : late;
            record(officer.post(path + "/indicators/" + indicatorId + "/measurements", """
                    {"value": %d.%d, "measuredOn": "%s", "source": "FGR"}"""
                    .formatted(random.nextInt(90_000), random.nextInt(10), measuredOn)));
        }

        private void revise() {
            record(officer.patch(path, """
                    {"title": "Revised title %d", "dueBy": "%s", "leadAgencies": ["USAID", "State"],
                     "reason": "Scope agreed", "occurredOn": "%s"}""".formatted(ids++, day.plusDays(random.nextInt(500)), day)));
        }

        private void sign() {
            record(officer.post(path + "/agreements", """
                    {"agreementId": "%s", "title": "Memorandum of understanding", "signedOn": "%s",
                     "signatories": ["USAID", "AMEXCID"]}""".formatted(nextId("agreement"), day)));
        }

        private void assessment() {
            String[] ratings = {"NOT_STARTED", "IN_PROGRESS", "STALLED", "PARTIALLY_ACHIEVED", "ACHIEVED", "NOT_ACHIEVED"};
            record(officer.post(path + "/assessments", """
                    {"rating": "%s", "rationale": "Reviewed, with sources", "assessedOn": "%s"}"""
                    .formatted(ratings[random.nextInt(ratings.length)], lateDay())));
        }

        private void evidence() {
            record(officer.post(path + "/evidence", """
                    {"evidenceId": "%s", "title": "Communiqué", "url": "https://example.org/%d", "capturedOn": "%s"}"""
                    .formatted(nextId("evidence"), ids, lateDay())));
        }

        private void close() {
            if (random.nextBoolean()) {
                record(officer.post(path + "/fulfil", """
                        {"fulfilledOn": "%s", "summary": "Done as promised"}""".formatted(day)));
            } else {
                record(officer.post(path + "/withdraw", """
                        {"withdrawnOn": "%s", "reason": "Superseded"}""".formatted(day)));
            }
            closed = true;
        }

        private void record(JsonNode answer) {
            version = answer.get("version").asLong();
        }

        private LocalDate lateDay() {
            LocalDate late = day.minusDays(random.nextInt(30));
            return late.isBefore(ANNOUNCED_ON) ? ANNOUNCED_ON : late;
        }

        private String nextId(String kind) {
            return kind + "-" + (++ids);
        }

        /** A positive amount in cents, up to {@code maxDollars}. */
        private BigDecimal amount(long maxDollars) {
            return BigDecimal.valueOf(1 + random.nextLong(maxDollars * 100), 2);
        }

        /** A positive part of {@code room}, sometimes all of it. */
        private BigDecimal part(BigDecimal room) {
            if (random.nextInt(5) == 0) {
                return room;
            }
            return BigDecimal.valueOf(1 + random.nextLong(room.movePointRight(2).longValueExact()), 2);
        }

        private String money(BigDecimal amount) {
            return "{\"value\": \"%s\", \"currency\": \"USD\"}".formatted(amount.toPlainString());
        }
    }
}
