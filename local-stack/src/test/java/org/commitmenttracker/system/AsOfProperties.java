package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any course of commands an officer sends (domain.md "Corrections": "an {@code asOf} answer
 * never drops a fact silently"): {@code state?asOf=<today>} equals the live detail, and every
 * fact dated on or before a day D appears in {@code state?asOf=D}, as known now (corrected
 * content, retracted facts absent). The course is random and need not be valid: a command the
 * system refuses is skipped, and must have left the commitment's version as it was.
 *
 * <p>Each try is a new commitment over real HTTP; shrinking is off, as every shrink step would
 * replay a whole course against the running system: a failure names the course it ran instead.
 */
class AsOfProperties {

    private static final LocalDate ANNOUNCED_ON = LocalDate.of(2021, 6, 8);
    /** Facts are dated from a week before the announcement (an MoU signed the day before is accepted) on, at most 40 days apart. */
    private static final LocalDate WINDOW_START = ANNOUNCED_ON.minusDays(7);

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();
    private final TrackerHttp queries = system.queries();

    /** What an officer does next; the step's numbers choose its date, the fact it acts on and its amount. */
    enum Op {
        PLEDGE, OBLIGATE, DISBURSE, DISBURSE_AGAINST_OBLIGATION, REVERSE, DEOBLIGATE, SCHEDULE_DIALOGUE, HOLD_DIALOGUE,
        SET_MILESTONE, ACHIEVE_MILESTONE, DEFINE_INDICATOR, MEASURE, SIGN_AGREEMENT,
        CORRECT_PLEDGE, CORRECT_OBLIGATION, CORRECT_DISBURSEMENT, CORRECT_HELD_DATE, CORRECT_SIGNING_DATE,
        RETRACT_PLEDGE, RETRACT_OBLIGATION, RETRACT_DISBURSEMENT, RETRACT_REVERSAL
    }

    /**
     * @param day  days the course's clock moves on before this step (mostly in order, as facts happen): the
     *             business date of the fact, or the corrected date of the fact it corrects
     * @param pick which earlier fact it acts on (modulo how many there are)
     * @param size the amount, in units of the kind's scale
     */
    record Step(Op op, int day, int pick, int size) {
        @Override
        public String toString() {
            return op + "(+" + day + "d, #" + pick + ", x" + size + ")";
        }
    }

    @Provide
    Arbitrary<List<Step>> courses() {
        // Weighted so that most commands have something to act on: facts that others depend on come often.
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(Op.PLEDGE)), Tuple.of(4, Arbitraries.just(Op.OBLIGATE)),
                Tuple.of(3, Arbitraries.just(Op.DISBURSE)), Tuple.of(5, Arbitraries.just(Op.DISBURSE_AGAINST_OBLIGATION)),
                Tuple.of(3, Arbitraries.just(Op.REVERSE)), Tuple.of(2, Arbitraries.just(Op.DEOBLIGATE)),
                Tuple.of(3, Arbitraries.just(Op.SCHEDULE_DIALOGUE)), Tuple.of(3, Arbitraries.just(Op.HOLD_DIALOGUE)),
                Tuple.of(1, Arbitraries.just(Op.SET_MILESTONE)), Tuple.of(1, Arbitraries.just(Op.ACHIEVE_MILESTONE)),
                Tuple.of(1, Arbitraries.just(Op.DEFINE_INDICATOR)), Tuple.of(1, Arbitraries.just(Op.MEASURE)),
                Tuple.of(3, Arbitraries.just(Op.SIGN_AGREEMENT)),
                Tuple.of(2, Arbitraries.just(Op.CORRECT_PLEDGE)), Tuple.of(2, Arbitraries.just(Op.CORRECT_OBLIGATION)),
                Tuple.of(3, Arbitraries.just(Op.CORRECT_DISBURSEMENT)), Tuple.of(2, Arbitraries.just(Op.CORRECT_HELD_DATE)),
                Tuple.of(2, Arbitraries.just(Op.CORRECT_SIGNING_DATE)), Tuple.of(1, Arbitraries.just(Op.RETRACT_PLEDGE)),
                Tuple.of(1, Arbitraries.just(Op.RETRACT_OBLIGATION)), Tuple.of(2, Arbitraries.just(Op.RETRACT_DISBURSEMENT)),
                Tuple.of(2, Arbitraries.just(Op.RETRACT_REVERSAL)));
        Arbitrary<Step> step = Combinators.combine(op, Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 999), Arbitraries.integers().between(1, 100)).as(Step::new);
        return step.list().ofMinSize(15).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 20, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void asOfTodayIsTheLiveDetailAndNoFactDatedByADayIsDropped(
            @ForAll("courses") List<Step> course, @ForAll @IntRange(min = 0, max = 40 * 40) int dayD) {
        Course run = new Course(Bodies.newId());
        course.forEach(run::apply);
        Statistics.label("accepted commands").collect(run.accepted / 5 * 5);
        Statistics.label("corrections and retractions accepted").collect(run.correctionsAccepted);
        String described = "commitment " + run.id + " after " + run.log;

        // --- today: the live detail (projected as events arrive) and state (folded on request) are one fold
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response live = queries.call(run.path + "?minVersion=" + run.version).as("auditor").get();
        Response asOfToday = queries.call(run.path + "/state?asOf=" + today).as("auditor").get();
        assertThat(live.status()).as("detail of %s: %s", described, live).isEqualTo(200);
        assertThat(asOfToday.status()).as("state asOf %s of %s: %s", today, described, asOfToday).isEqualTo(200);
        ObjectNode detail = (ObjectNode) live.json();
        ObjectNode state = (ObjectNode) asOfToday.json();
        assertThat(state.get("version").asLong()).as("state's version, %s", described).isEqualTo(run.version);
        // Fields only state has: the question asked and how many events shaped the answer.
        state.remove(List.of("asOf", "knownAt", "factsApplied"));
        // overdue is judged on the day read: state on the test's today, the detail on the service's
        // clock, which may have passed midnight between the two reads.
        state.remove("overdue");
        detail.remove("overdue");
        assertThat(state).as("state?asOf=%s against the live detail, %s", today, described).isEqualTo(detail);

        // --- D, and every day a checked fact is dated (and the day before it)
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(WINDOW_START.plusDays(dayD));
        run.factDays().forEach(day -> {
            days.add(day);
            days.add(day.minusDays(1));
        });
        for (LocalDate day : days) {
            run.assertEveryFactDatedByIsIn(day, described);
        }
    }

    /** One commitment's course: sends each step and keeps, for the accepted ones, the facts as now known. */
    private final class Course {
        final String id;
        final String path;
        long version;
        int accepted;
        int correctionsAccepted;
        /** What was sent and how it was answered, for the failure message. */
        final List<String> log = new ArrayList<>();
        private int ids;
        private LocalDate clock = WINDOW_START;

        private final Map<String, Pledge> pledges = new LinkedHashMap<>();
        private final Map<String, Obligation> obligations = new LinkedHashMap<>();
        private final Map<String, Disbursement> disbursements = new LinkedHashMap<>();
        /** The reversal date of each reversed disbursement, by its id. */
        private final Map<String, LocalDate> reversals = new LinkedHashMap<>();
        /** The day each dialogue was scheduled, by its id. */
        private final Map<String, LocalDate> scheduled = new LinkedHashMap<>();
        private final Map<String, LocalDate> held = new LinkedHashMap<>();
        private final Map<String, LocalDate> agreements = new LinkedHashMap<>();
        private final List<String> milestones = new ArrayList<>();
        private final List<String> indicators = new ArrayList<>();

        record Pledge(BigDecimal amount, LocalDate on) {
        }

        record Obligation(BigDecimal amount, LocalDate on) {
        }

        record Disbursement(BigDecimal amount, LocalDate on, String obligationId) {
        }

        Course(String id) {
            this.id = id;
            this.path = "/api/commitments/" + id;
            Response announced = commands.call("/api/commitments").as("officer").post(Bodies.announcement(id));
            assertThat(announced.status()).as(announced.toString()).isEqualTo(201);
            version = announced.json().get("version").asLong();
        }

        void apply(Step step) {
            clock = clock.plusDays(step.day());
            LocalDate day = clock;
            switch (step.op()) {
                case PLEDGE -> {
                    String pledgeId = nextId("pledge");
                    BigDecimal amount = amount(step, 100_000);
                    if (send(path + "/pledges", pledgeBody(pledgeId, amount, day))) {
                        pledges.put(pledgeId, new Pledge(amount, day));
                    }
                }
                case OBLIGATE -> {
                    String obligationId = nextId("award");
                    BigDecimal amount = amount(step, 50_000);
                    if (send(path + "/obligations", obligationBody(obligationId, amount, day))) {
                        obligations.put(obligationId, new Obligation(amount, day));
                    }
                }
                case DISBURSE -> disburse(nextId("voucher"), amount(step, 10_000), day, null);
                case DISBURSE_AGAINST_OBLIGATION -> {
                    String obligationId = pick(obligations.keySet(), step);
                    if (obligationId != null) {
                        disburse(nextId("voucher"), amount(step, 10_000), day, obligationId);
                    }
                }
                case REVERSE -> {
                    String disbursementId = pick(disbursements.keySet(), step);
                    if (disbursementId != null && send(path + "/disbursements/" + disbursementId + "/reverse", """
                            {"reason": "Paid twice", "reversedOn": "%s"}""".formatted(day))) {
                        reversals.put(disbursementId, day);
                    }
                }
                case DEOBLIGATE -> {
                    String obligationId = pick(obligations.keySet(), step);
                    if (obligationId != null) {
                        send(path + "/obligations/" + obligationId + "/deobligate", """
                                {"deobligationId": "%s", "amount": %s, "deobligatedOn": "%s", "reason": "Unspent"}"""
                                .formatted(nextId("release"), money(amount(step, 5_000)), day));
                    }
                }
                case SCHEDULE_DIALOGUE -> {
                    String dialogueId = nextId("dialogue");
                    if (send(path + "/dialogues", """
                            {"dialogueId": "%s", "name": "Dialogue %s", "plannedFrom": "%s", "plannedTo": "%s",
                             "occurredOn": "%s"}""".formatted(dialogueId, dialogueId, day.plusDays(10), day.plusDays(12), day))) {
                        scheduled.put(dialogueId, day);
                    }
                }
                case HOLD_DIALOGUE -> {
                    String dialogueId = pick(scheduled.keySet(), step);
                    if (dialogueId != null && send(path + "/dialogues/" + dialogueId + "/mark-held", heldBody(day))) {
                        held.put(dialogueId, day);
                    }
                }
                case SET_MILESTONE -> {
                    String milestoneId = nextId("milestone");
                    if (send(path + "/milestones", """
                            {"milestoneId": "%s", "description": "Step", "dueBy": "%s", "occurredOn": "%s"}"""
                            .formatted(milestoneId, day.plusDays(100), day))) {
                        milestones.add(milestoneId);
                    }
                }
                case ACHIEVE_MILESTONE -> {
                    String milestoneId = pick(milestones, step);
                    if (milestoneId != null) {
                        send(path + "/milestones/" + milestoneId + "/mark-achieved", """
                                {"achievedOn": "%s"}""".formatted(day));
                    }
                }
                case DEFINE_INDICATOR -> {
                    String indicatorId = nextId("indicator");
                    if (send(path + "/indicators", """
                            {"indicatorId": "%s", "name": "Cases resolved", "unit": "cases", "baseline": 0,
                             "target": 82000, "occurredOn": "%s"}""".formatted(indicatorId, day))) {
                        indicators.add(indicatorId);
                    }
                }
                case MEASURE -> {
                    String indicatorId = pick(indicators, step);
                    if (indicatorId != null) {
                        send(path + "/indicators/" + indicatorId + "/measurements", """
                                {"measurementId": "%s", "value": %d, "measuredOn": "%s", "source": "FGR"}"""
                                .formatted(nextId("measurement"), step.size() * 100, day));
                    }
                }
                case SIGN_AGREEMENT -> {
                    String agreementId = nextId("agreement");
                    if (send(path + "/agreements", agreementBody(agreementId, day))) {
                        agreements.put(agreementId, day);
                    }
                }
                case CORRECT_PLEDGE -> {
                    String pledgeId = pick(pledges.keySet(), step);
                    BigDecimal amount = amount(step, 100_000);
                    if (pledgeId != null && correct("pledge", pledgeId, "FundsPledged", pledgeBody(pledgeId, amount, day))) {
                        pledges.put(pledgeId, new Pledge(amount, day));
                    }
                }
                case CORRECT_OBLIGATION -> {
                    String obligationId = pick(obligations.keySet(), step);
                    BigDecimal amount = amount(step, 50_000);
                    if (obligationId != null && correct("obligation", obligationId, "FundsObligated",
                            obligationBody(obligationId, amount, day))) {
                        obligations.put(obligationId, new Obligation(amount, day));
                    }
                }
                case CORRECT_DISBURSEMENT -> {
                    String disbursementId = pick(disbursements.keySet(), step);
                    if (disbursementId != null) {
                        BigDecimal amount = amount(step, 10_000);
                        String obligationId = disbursements.get(disbursementId).obligationId();
                        if (correct("disbursement", disbursementId, "FundsDisbursed",
                                disbursementBody(disbursementId, amount, day, obligationId))) {
                            disbursements.put(disbursementId, new Disbursement(amount, day, obligationId));
                        }
                    }
                }
                case CORRECT_HELD_DATE -> {
                    String dialogueId = pick(held.keySet(), step);
                    if (dialogueId != null && correct("dialogue", dialogueId, "DialogueHeld",
                            ((ObjectNode) json(heldBody(day))).put("dialogueId", dialogueId).toString())) {
                        held.put(dialogueId, day);
                    }
                }
                case CORRECT_SIGNING_DATE -> {
                    String agreementId = pick(agreements.keySet(), step);
                    if (agreementId != null && correct("agreement", agreementId, "AgreementSigned",
                            agreementBody(agreementId, day))) {
                        agreements.put(agreementId, day);
                    }
                }
                case RETRACT_PLEDGE -> {
                    String pledgeId = pick(pledges.keySet(), step);
                    if (pledgeId != null && retract("pledge", pledgeId)) {
                        pledges.remove(pledgeId);
                    }
                }
                case RETRACT_OBLIGATION -> {
                    String obligationId = pick(obligations.keySet(), step);
                    if (obligationId != null && retract("obligation", obligationId)) {
                        obligations.remove(obligationId);
                    }
                }
                case RETRACT_DISBURSEMENT -> {
                    String disbursementId = pick(disbursements.keySet(), step);
                    if (disbursementId != null && retract("disbursement", disbursementId)) {
                        disbursements.remove(disbursementId);
                        reversals.remove(disbursementId);
                    }
                }
                case RETRACT_REVERSAL -> {
                    String disbursementId = pick(reversals.keySet(), step);
                    if (disbursementId != null && retract("reversal", disbursementId)) {
                        reversals.remove(disbursementId);
                    }
                }
            }
        }

        private void disburse(String disbursementId, BigDecimal amount, LocalDate day, String obligationId) {
            if (send(path + "/disbursements", disbursementBody(disbursementId, amount, day, obligationId))) {
                disbursements.put(disbursementId, new Disbursement(amount, day, obligationId));
            }
        }

        private boolean correct(String kind, String factId, String factType, String content) {
            return countedCorrection(send(path + "/corrections", """
                    {"factKind": "%s", "factId": "%s", "factType": "%s", "content": %s, "reason": "Typo"}"""
                    .formatted(kind, factId, factType, content)));
        }

        private boolean retract(String kind, String factId) {
            return countedCorrection(send(path + "/retractions", """
                    {"factKind": "%s", "factId": "%s", "reason": "Entered in error"}""".formatted(kind, factId)));
        }

        private boolean countedCorrection(boolean accepted) {
            if (accepted) {
                correctionsAccepted++;
            }
            return accepted;
        }

        /**
         * Sends a command: accepted, it moves the version on by one event; refused, it is a 4xx
         * problem (never a 5xx) and the stream is as it was.
         */
        private boolean send(String commandPath, String body) {
            Response answer = commands.call(commandPath).as("officer").post(body);
            Statistics.label("answers").collect(commandPath.substring(path.length()).replaceAll("/[a-z]+-[0-9]+", "/{child}")
                    + " " + answer.status());
            log.add(answer.status() + " " + commandPath.substring(path.length()) + " " + body.replaceAll("\\s+", " "));
            if (answer.status() == 200 || answer.status() == 201) {
                long next = answer.json().get("version").asLong();
                assertThat(next).as("version after POST %s %s", commandPath, body).isEqualTo(version + 1);
                version = next;
                accepted++;
                return true;
            }
            assertThat(answer.status()).as("POST %s %s: %s", commandPath, body, answer).isBetween(400, 499);
            assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
            assertThat(system.eventCount(id)).as("events after the refused POST %s %s", commandPath, body)
                    .isEqualTo(version);
            return false;
        }

        /** The days the checked facts are dated. */
        List<LocalDate> factDays() {
            List<LocalDate> days = new ArrayList<>();
            disbursements.values().forEach(d -> days.add(d.on()));
            days.addAll(held.values());
            days.addAll(agreements.values());
            return days;
        }

        /** Disbursements (their sum), held dialogues and agreements dated on or before {@code day} are all in state asOf it. */
        void assertEveryFactDatedByIsIn(LocalDate day, String described) {
            BigDecimal disbursedBy = disbursements.values().stream().filter(d -> !d.on().isAfter(day))
                    .map(Disbursement::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<String, LocalDate> heldBy = by(held, day);
            Map<String, LocalDate> signedBy = by(agreements, day);
            boolean anyExpected = disbursedBy.signum() > 0 || !heldBy.isEmpty() || !signedBy.isEmpty();

            Response answer = queries.call(path + "/state?asOf=" + day).as("auditor").get();
            String question = "state?asOf=" + day + " of " + described + " (model: disbursed " + disbursedBy
                    + ", held " + heldBy + ", signed " + signedBy + ")";
            if (answer.status() == 404 && !anyExpected) {
                return; // nothing of the commitment dated by then
            }
            assertThat(answer.status()).as("%s: %s", question, answer).isEqualTo(200);
            JsonNode state = answer.json();
            assertThat(state.get("version").asLong()).as(question).isEqualTo(version);

            // disbursed is net of reversals dated by then; adding them back gives every voucher dated by then
            JsonNode funding = state.get("funding");
            BigDecimal disbursedAndReversed = BigDecimal.ZERO;
            if (funding != null && !funding.isNull() && funding.hasNonNull("disbursed")) {
                disbursedAndReversed = new BigDecimal(funding.get("disbursed").get("value").asText())
                        .add(new BigDecimal(funding.get("reversed").get("value").asText()));
            }
            assertThat(disbursedAndReversed).as("disbursed + reversed in %s: %s", question, funding)
                    .isEqualByComparingTo(disbursedBy);

            Map<String, String> heldInState = new TreeMap<>();
            state.get("dialogues").forEach(d -> {
                if (d.get("status").asText().equals("HELD")) {
                    heldInState.put(d.get("dialogueId").asText(), d.get("heldOn").asText());
                }
            });
            assertThat(heldInState).as("dialogues held in %s", question).isEqualTo(asText(heldBy));

            Map<String, String> signedInState = new TreeMap<>();
            state.get("agreements").forEach(a -> signedInState.put(a.get("agreementId").asText(),
                    a.get("signedOn").asText()));
            assertThat(signedInState).as("agreements in %s", question).isEqualTo(asText(signedBy));
        }

        private String nextId(String kind) {
            return kind + "-" + (++ids);
        }
    }

    private static Map<String, LocalDate> by(Map<String, LocalDate> facts, LocalDate day) {
        Map<String, LocalDate> kept = new TreeMap<>();
        facts.forEach((id, on) -> {
            if (!on.isAfter(day)) {
                kept.put(id, on);
            }
        });
        return kept;
    }

    private static Map<String, String> asText(Map<String, LocalDate> facts) {
        Map<String, String> text = new TreeMap<>();
        facts.forEach((id, on) -> text.put(id, on.toString()));
        return text;
    }

    private static <T> T pick(java.util.Collection<T> from, Step step) {
        if (from.isEmpty()) {
            return null;
        }
        return new ArrayList<>(from).get(step.pick() % from.size());
    }

    private static BigDecimal amount(Step step, long scale) {
        return BigDecimal.valueOf(step.size() * scale).setScale(2);
    }

    private static String money(BigDecimal amount) {
        return "{\"value\": \"%s\", \"currency\": \"USD\"}".formatted(amount.toPlainString());
    }

    private static String pledgeBody(String pledgeId, BigDecimal amount, LocalDate day) {
        return """
                {"pledgeId": "%s", "amount": %s, "periodFrom": "%s", "periodTo": "%s",
                 "fundingSource": "Economic Support Fund", "occurredOn": "%s"}"""
                .formatted(pledgeId, money(amount), day, day.plusDays(365), day);
    }

    private static String obligationBody(String obligationId, BigDecimal amount, LocalDate day) {
        return """
                {"obligationId": "%s", "amount": %s, "obligatedOn": "%s", "implementingPartner": "ILO"}"""
                .formatted(obligationId, money(amount), day);
    }

    private static String disbursementBody(String disbursementId, BigDecimal amount, LocalDate day, String obligationId) {
        return """
                {"disbursementId": "%s", "amount": %s, "disbursedOn": "%s", "recipient": "Implementer, Inc.",
                 "obligationId": %s}""".formatted(disbursementId, money(amount), day,
                obligationId == null ? "null" : "\"" + obligationId + "\"");
    }

    private static String heldBody(LocalDate day) {
        return """
                {"heldOn": "%s", "location": "Mexico City", "outcomes": ["A joint statement"]}""".formatted(day);
    }

    private static String agreementBody(String agreementId, LocalDate day) {
        return """
                {"agreementId": "%s", "title": "Memorandum of understanding", "signedOn": "%s",
                 "signatories": ["USAID", "AMEXCID"]}""".formatted(agreementId, day);
    }

    private static JsonNode json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
