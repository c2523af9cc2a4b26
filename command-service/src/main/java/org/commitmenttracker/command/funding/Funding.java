package org.commitmenttracker.command.funding;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.commitmenttracker.command.commitment.FactState;
import org.commitmenttracker.command.commitment.Recorded;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.events.correction.FactRetracted;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDeobligated;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.funding.PledgeRevised;
import org.commitmenttracker.events.value.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.commitmenttracker.command.commitment.CommitmentRefused.conflict;
import static org.commitmenttracker.command.commitment.CommitmentRefused.invalid;
import static org.commitmenttracker.command.commitment.CommitmentRefused.unknown;

/**
 * The money of a commitment: pledges, obligations, disbursements (net of reversals) and
 * de-obligations, with the rules of domain.md. Totals are summed when a decision needs them,
 * so that a corrected or retracted fact counts as now known.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Funding implements FactState {

    /** The largest total any read model must show (domain.md "Totals stay representable"). */
    public static final BigDecimal TOTAL_LIMIT = new BigDecimal("999999999999999.99");

    /** The currency of the first pledge: all money of the commitment is in it. */
    private String currency;
    private Map<String, Pledge> pledges = new LinkedHashMap<>();
    private Map<String, Obligation> obligations = new LinkedHashMap<>();
    private Map<String, Disbursement> disbursements = new LinkedHashMap<>();
    private Map<String, Deobligation> deobligations = new LinkedHashMap<>();

    /** What {@link #violations()} answered for this state; null until asked after the latest event. */
    @JsonIgnore
    private transient List<String> knownViolations;
    /** The latest event a command checked, and what the state breaks with it applied. */
    @JsonIgnore
    private transient CommitmentEvent checkedEvent;
    @JsonIgnore
    private transient List<String> checkedViolations;

    /** A fact of the funding as its record keeps it. */
    private interface Fact {
        Recorded recorded();
    }

    record Step(Money amount, LocalDate on, Recorded recorded) implements Fact {
    }

    record Pledge(Money amount, LocalDate on, Recorded recorded, List<Step> revisions) implements Fact {
        /** The amount now pledged: that of the latest revision standing, else the first. */
        BigDecimal current() {
            return latest(revisions).filter(r -> r.recorded().live()).map(r -> r.amount().value())
                    .orElse(amount.value());
        }
    }

    record Obligation(Money amount, LocalDate on, Recorded recorded) implements Fact {
    }

    record Disbursement(Money amount, LocalDate on, String obligationId, Recorded recorded, Step reversal)
            implements Fact {
        boolean reversed() {
            return reversal != null && reversal.recorded().live();
        }
    }

    record Deobligation(String obligationId, Money amount, LocalDate on, Recorded recorded) implements Fact {
    }

    // --- what commands may record ---

    public Recorded pledge(String pledgeId) {
        return recordedIn(pledges, pledgeId);
    }

    public Recorded obligation(String obligationId) {
        return recordedIn(obligations, obligationId);
    }

    public Recorded disbursement(String disbursementId) {
        return recordedIn(disbursements, disbursementId);
    }

    public Recorded deobligation(String deobligationId) {
        return recordedIn(deobligations, deobligationId);
    }

    private static Recorded recordedIn(Map<String, ? extends Fact> facts, String id) {
        Fact fact = facts.get(id);
        return fact == null ? null : fact.recorded();
    }

    public void checkPledge(FundsPledged event) {
        checkFact(event);
        requireNothingBrokenBy(event);
    }

    public void checkRevision(PledgeRevised event) {
        Pledge pledge = live(pledges, event.pledgeId());
        if (pledge == null) {
            throw unknown("Pledge '" + event.pledgeId() + "' does not exist.");
        }
        checkFact(event);
        BigDecimal newTotal = pledged().subtract(pledge.current()).add(event.newAmount().value());
        BigDecimal used = obligatedNet().max(disbursedNet());
        if (newTotal.compareTo(used) < 0) {
            throw conflict("Revising the pledge to " + event.newAmount() + " would leave " + money(newTotal)
                    + " pledged, below the " + money(used) + " already obligated or disbursed.");
        }
        requireNothingBrokenBy(event);
    }

    public void checkObligation(FundsObligated event) {
        checkFact(event);
        BigDecimal after = obligatedNet().add(event.amount().value());
        if (after.compareTo(pledged()) > 0) {
            throw conflict("Obligating " + event.amount() + " would bring obligations to " + money(after)
                    + ", above the " + money(pledged()) + " pledged.");
        }
        if (after.compareTo(disbursedNet()) < 0) {
            // Once anything is obligated, disbursements count against obligations: they must cover what was paid.
            throw conflict("Obligations of " + money(after) + " would not cover the " + money(disbursedNet())
                    + " already disbursed.");
        }
        requireNothingBrokenBy(event);
    }

    public void checkDisbursement(FundsDisbursed event) {
        checkFact(event);
        if (event.obligationId() != null && live(obligations, event.obligationId()) == null) {
            throw unknown("Obligation '" + event.obligationId() + "' does not exist.");
        }
        if (event.obligationId() != null && event.amount().value().compareTo(remaining(event.obligationId())) > 0) {
            throw conflict("Disbursing " + event.amount() + " would overdraw obligation '" + event.obligationId()
                    + "': only " + money(remaining(event.obligationId())) + " of it remains.");
        }
        boolean anythingObligated = anythingObligated();
        BigDecimal limit = anythingObligated ? obligatedNet() : pledged();
        BigDecimal after = disbursedNet().add(event.amount().value());
        if (after.compareTo(limit) > 0) {
            throw conflict("Disbursing " + event.amount() + " would bring disbursements to " + money(after)
                    + ", above the " + money(limit) + (anythingObligated ? " obligated." : " pledged."));
        }
        requireNothingBrokenBy(event);
    }

    /** The reversal of a recorded disbursement: all of it, drawn back from the obligation it named. */
    public DisbursementReversed reversal(ReverseDisbursement command) {
        Disbursement disbursement = live(disbursements, command.disbursementId());
        if (disbursement == null) {
            throw unknown("Disbursement '" + command.disbursementId() + "' does not exist.");
        }
        if (disbursement.reversed()) {
            throw conflict("Disbursement '" + command.disbursementId() + "' has already been reversed.");
        }
        DisbursementReversed event = new DisbursementReversed(command.commitmentId(), command.disbursementId(),
                disbursement.amount(), command.reason(), command.reversedOn(), disbursement.obligationId(),
                command.reference());
        requireNothingBrokenBy(event);
        return event;
    }

    public void checkDeobligation(FundsDeobligated event) {
        Obligation obligation = live(obligations, event.obligationId());
        if (obligation == null) {
            throw unknown("Obligation '" + event.obligationId() + "' does not exist.");
        }
        checkFact(event);
        BigDecimal undisbursed = remaining(event.obligationId());
        if (event.amount().value().compareTo(undisbursed) > 0) {
            throw conflict("De-obligating " + event.amount() + " from obligation '" + event.obligationId()
                    + "' would release more than the " + money(undisbursed) + " it has undisbursed.");
        }
        requireNothingBrokenBy(event);
    }

    // --- corrections and retractions ---

    @Override
    public Set<FactKind> kinds() {
        return EnumSet.of(FactKind.PLEDGE, FactKind.OBLIGATION, FactKind.DISBURSEMENT, FactKind.REVERSAL,
                FactKind.DEOBLIGATION);
    }

    @Override
    public Recorded recorded(FactKind kind, String factId, String factType) {
        return switch (kind) {
            case PLEDGE -> {
                Pledge pledge = pledges.get(factId);
                if (pledge == null) {
                    yield null;
                }
                yield "PledgeRevised".equals(factType)
                        ? latest(pledge.revisions()).map(Step::recorded).orElse(null) : pledge.recorded();
            }
            case OBLIGATION -> obligation(factId);
            case DISBURSEMENT -> disbursement(factId);
            case REVERSAL -> {
                Disbursement disbursement = disbursements.get(factId);
                yield disbursement == null || disbursement.reversal() == null ? null
                        : disbursement.reversal().recorded();
            }
            case DEOBLIGATION -> deobligation(factId);
            default -> null;
        };
    }

    @Override
    public void checkCorrection(FactCorrected correction) {
        CommitmentEvent content = correction.content();
        checkFact(content);
        if (content instanceof FundsDisbursed d && d.obligationId() != null && live(obligations, d.obligationId()) == null) {
            throw unknown("Obligation '" + d.obligationId() + "' does not exist.");
        }
        if (content instanceof FundsDeobligated d && live(obligations, d.obligationId()) == null) {
            throw unknown("Obligation '" + d.obligationId() + "' does not exist.");
        }
        if (content instanceof DisbursementReversed reversal) {
            Disbursement disbursement = disbursements.get(reversal.disbursementId());
            if (!reversal.amount().equals(disbursement.amount())
                    || !Objects.equals(reversal.obligationId(), disbursement.obligationId())) {
                throw conflict("A reversal returns its whole disbursement: " + disbursement.amount()
                        + (disbursement.obligationId() == null ? "" : " to obligation '"
                        + disbursement.obligationId() + "'") + "; correct the disbursement itself to change them.");
            }
        }
        requireNothingBrokenBy(correction);
    }

    /**
     * A fact that others depend on is retracted only after them: a disbursement with a reversal
     * standing (the money came back, so it was paid: retract the reversal first), an obligation
     * that disbursements or de-obligations name, a pledge with a revision standing.
     */
    @Override
    public void checkRetraction(FactRetracted retraction) {
        String id = retraction.factId();
        switch (retraction.factKind()) {
            case DISBURSEMENT -> {
                if (disbursements.get(id).reversed()) {
                    throw conflict("Disbursement '" + id + "' has a reversal; retract the reversal first "
                            + "(a reversal of a payment that never happened never happened either).");
                }
            }
            case OBLIGATION -> {
                Stream<String> dependents = Stream.concat(
                        disbursements.entrySet().stream().filter(d -> d.getValue().recorded().live()
                                && id.equals(d.getValue().obligationId())).map(d -> "disbursement '" + d.getKey() + "'"),
                        deobligations.entrySet().stream().filter(d -> d.getValue().recorded().live()
                                && id.equals(d.getValue().obligationId())).map(d -> "de-obligation '" + d.getKey() + "'"));
                List<String> names = dependents.toList();
                if (!names.isEmpty()) {
                    throw conflict("Obligation '" + id + "' is named by " + String.join(", ", names)
                            + "; retract or correct those first.");
                }
            }
            case PLEDGE -> {
                if (retraction.factType().equals("FundsPledged")
                        && pledges.get(id).revisions().stream().anyMatch(r -> r.recorded().live())) {
                    throw conflict("Pledge '" + id + "' has a revision; retract the revision first.");
                }
            }
            default -> {
                // Reversals and de-obligations have nothing depending on them.
            }
        }
        requireNothingBrokenBy(retraction);
    }

    // --- every rule of domain.md on the whole state ---

    /**
     * Refuses an event that would break a rule, and keeps what the state breaks with it: once
     * the event is applied, that is this state's {@link #violations()}, which the next command
     * then needs not sum up again over every fact.
     */
    private void requireNothingBrokenBy(CommitmentEvent event) {
        Funding next = with(event);
        requireNothingBroken(next);
        checkedEvent = event;
        checkedViolations = next.violations();
    }

    @Override
    public List<String> violations() {
        if (knownViolations == null) {
            knownViolations = List.copyOf(brokenRules());
        }
        return knownViolations;
    }

    /**
     * Each kind of fact is walked once: every command checks the whole state, and a commitment
     * may hold many disbursements.
     */
    private List<String> brokenRules() {
        BigDecimal pledged = pledged();
        BigDecimal obligated = BigDecimal.ZERO;
        boolean anythingObligated = false;
        for (Obligation obligation : obligations.values()) {
            if (obligation.recorded().live()) {
                obligated = obligated.add(obligation.amount().value());
                anythingObligated = true;
            }
        }
        List<String> dates = new ArrayList<>();
        BigDecimal disbursed = BigDecimal.ZERO;
        BigDecimal disbursedNet = BigDecimal.ZERO;
        for (Disbursement disbursement : disbursements.values()) {
            if (disbursement.recorded().live()) {
                disbursed = disbursed.add(disbursement.amount().value());
                if (!disbursement.reversed()) {
                    disbursedNet = disbursedNet.add(disbursement.amount().value());
                }
                requireDisbursementDates(dates, disbursement);
            }
        }
        BigDecimal deobligated = BigDecimal.ZERO;
        for (Deobligation deobligation : deobligations.values()) {
            if (deobligation.recorded().live()) {
                deobligated = deobligated.add(deobligation.amount().value());
                requireDeobligationDate(dates, deobligation);
            }
        }
        BigDecimal obligatedNet = obligated.subtract(deobligated);

        List<String> broken = new ArrayList<>();
        requireWithinLimit(broken, "pledged", pledged);
        requireWithinLimit(broken, "obligated", obligated);
        requireWithinLimit(broken, "disbursed", disbursed);
        requireWithinLimit(broken, "de-obligated", deobligated);
        obligations.forEach((id, obligation) -> {
            if (obligation.recorded().live()) {
                requireObligationCovers(broken, id, obligation);
            }
        });
        if (obligatedNet.compareTo(pledged) > 0) {
            broken.add("Obligations of " + money(obligatedNet) + " would exceed the " + money(pledged)
                    + " pledged.");
        }
        BigDecimal limit = anythingObligated ? obligatedNet : pledged;
        if (disbursedNet.compareTo(limit) > 0) {
            broken.add("Disbursements of " + money(disbursedNet) + " would exceed the " + money(limit)
                    + (anythingObligated ? " obligated." : " pledged."));
        }
        broken.addAll(dates);
        return broken;
    }

    private void requireWithinLimit(List<String> broken, String total, BigDecimal value) {
        if (value.compareTo(TOTAL_LIMIT) > 0) {
            broken.add("This would take the " + total + " total of the commitment to " + money(value)
                    + ", past the largest total of " + TOTAL_LIMIT.toPlainString() + ".");
        }
    }

    private void requireObligationCovers(List<String> broken, String id, Obligation obligation) {
        BigDecimal remaining = remaining(id);
        if (remaining.signum() < 0) {
            broken.add("Obligation '" + id + "' of " + obligation.amount() + " would be overdrawn by "
                    + money(remaining.negate()) + ": its disbursements (net of reversals) and de-obligations "
                    + "would exceed it.");
        }
    }

    private void requireDisbursementDates(List<String> broken, Disbursement disbursement) {
        Obligation obligation = disbursement.obligationId() == null ? null
                : live(obligations, disbursement.obligationId());
        if (disbursement.obligationId() != null && obligation == null) {
            broken.add("Obligation '" + disbursement.obligationId() + "' does not exist.");
        }
        if (obligation != null && disbursement.on().isBefore(obligation.on())) {
            broken.add(dependsOn("A disbursement on " + disbursement.on(), "obligation '"
                    + disbursement.obligationId() + "'", "obligated", obligation.on()));
        }
        if (disbursement.reversed() && disbursement.reversal().on().isBefore(disbursement.on())) {
            broken.add(dependsOn("A reversal on " + disbursement.reversal().on(), "its disbursement",
                    "disbursed", disbursement.on()));
        }
    }

    private void requireDeobligationDate(List<String> broken, Deobligation deobligation) {
        Obligation obligation = live(obligations, deobligation.obligationId());
        if (obligation == null) {
            broken.add("Obligation '" + deobligation.obligationId() + "' does not exist.");
            return;
        }
        if (deobligation.on().isBefore(obligation.on())) {
            broken.add(dependsOn("A de-obligation on " + deobligation.on(), "obligation '"
                    + deobligation.obligationId() + "'", "obligated", obligation.on()));
        }
    }

    /** The 409 of domain.md "Two clocks": both dates and the fix. */
    static String dependsOn(String fact, String earlier, String verb, LocalDate earlierOn) {
        return fact + " would precede " + earlier + ", " + verb + " on " + earlierOn
                + "; a fact never precedes the fact it depends on (if the earlier fact's date is wrong, correct it first).";
    }

    /** What the fact says by itself: positive amounts in the commitment's currency, a period that runs forward. */
    private void checkFact(CommitmentEvent fact) {
        for (Money amount : amountsOf(fact)) {
            if (!amount.isPositive()) {
                throw invalid("The amount must be positive, not " + amount + ".");
            }
            if (currency != null && !currency.equals(amount.currency())) {
                throw conflict("All money of this commitment is in " + currency + ", not " + amount.currency() + ".");
            }
        }
        if (fact instanceof FundsPledged pledge && !pledge.periodTo().isAfter(pledge.periodFrom())) {
            throw invalid("periodTo " + pledge.periodTo() + " must be after " + pledge.periodFrom() + ".");
        }
    }

    private static List<Money> amountsOf(CommitmentEvent fact) {
        if (fact instanceof FundsPledged e) {
            return List.of(e.amount());
        } else if (fact instanceof PledgeRevised e) {
            return List.of(e.newAmount());
        } else if (fact instanceof FundsObligated e) {
            return List.of(e.amount());
        } else if (fact instanceof FundsDisbursed e) {
            return List.of(e.amount());
        } else if (fact instanceof FundsDeobligated e) {
            return List.of(e.amount());
        }
        return List.of();
    }

    // --- totals, summed as now known ---

    private BigDecimal pledged() {
        return pledges.values().stream().filter(p -> p.recorded().live()).map(Pledge::current)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private boolean anythingObligated() {
        return obligations.values().stream().anyMatch(o -> o.recorded().live());
    }

    private BigDecimal obligatedNet() {
        return sum(obligations.values().stream().filter(o -> o.recorded().live()).map(Obligation::amount))
                .subtract(sum(liveDeobligations().map(Deobligation::amount)));
    }

    private BigDecimal disbursedNet() {
        return sum(liveDisbursements().filter(d -> !d.reversed()).map(Disbursement::amount));
    }

    /** What remains of an obligation: obligated, less de-obligated, less its disbursements net of reversals. */
    public BigDecimal remaining(String obligationId) {
        Obligation obligation = obligations.get(obligationId);
        Predicate<String> names = obligationId::equals;
        return obligation.amount().value()
                .subtract(sum(liveDeobligations().filter(d -> names.test(d.obligationId())).map(Deobligation::amount)))
                .subtract(sum(liveDisbursements().filter(d -> !d.reversed() && names.test(d.obligationId()))
                        .map(Disbursement::amount)));
    }

    private Stream<Disbursement> liveDisbursements() {
        return disbursements.values().stream().filter(d -> d.recorded().live());
    }

    private Stream<Deobligation> liveDeobligations() {
        return deobligations.values().stream().filter(d -> d.recorded().live());
    }

    private static BigDecimal sum(Stream<Money> amounts) {
        return amounts.map(Money::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static <T> T live(Map<String, T> facts, String id) {
        T fact = facts.get(id);
        return fact != null && recordedOf(fact).live() ? fact : null;
    }

    private static Recorded recordedOf(Object fact) {
        if (fact instanceof Pledge p) {
            return p.recorded();
        } else if (fact instanceof Obligation o) {
            return o.recorded();
        } else if (fact instanceof Disbursement d) {
            return d.recorded();
        }
        return ((Deobligation) fact).recorded();
    }

    /** The latest revision standing, else the latest retracted one (which only a correction may bring back). */
    private static java.util.Optional<Step> latest(List<Step> revisions) {
        return revisions.stream().filter(r -> r.recorded().live()).reduce((a, b) -> b)
                .or(() -> revisions.stream().reduce((a, b) -> b));
    }

    private String money(BigDecimal value) {
        return (currency == null ? "" : currency + " ") + value.toPlainString();
    }

    // --- what the events did: assignments only ---

    /** This state with one more event: what a decision checks before it records that event. */
    private Funding with(CommitmentEvent event) {
        Funding next = new Funding();
        next.currency = currency;
        next.pledges = new LinkedHashMap<>(pledges);
        next.obligations = new LinkedHashMap<>(obligations);
        next.disbursements = new LinkedHashMap<>(disbursements);
        next.deobligations = new LinkedHashMap<>(deobligations);
        next.evolve(event, Long.MAX_VALUE, null);
        return next;
    }

    @Override
    public void evolve(CommitmentEvent event, long version, String eventId) {
        // the very event checked last (the same instance): the state now is the one that check saw
        knownViolations = event == checkedEvent ? checkedViolations : null;
        checkedEvent = null;
        checkedViolations = null;
        if (event instanceof FundsPledged e) {
            currency = currency == null ? e.amount().currency() : currency;
            pledges.put(e.pledgeId(), new Pledge(e.amount(), e.occurredOn(), Recorded.first(e, version, eventId),
                    List.of()));
        } else if (event instanceof PledgeRevised e) {
            Pledge p = pledges.get(e.pledgeId());
            pledges.put(e.pledgeId(), new Pledge(p.amount(), p.on(), p.recorded(),
                    append(p.revisions(), new Step(e.newAmount(), e.occurredOn(), Recorded.first(e, version, eventId)))));
        } else if (event instanceof FundsObligated e) {
            obligations.put(e.obligationId(), new Obligation(e.amount(), e.obligatedOn(),
                    Recorded.first(e, version, eventId)));
        } else if (event instanceof FundsDisbursed e) {
            disbursements.put(e.disbursementId(), new Disbursement(e.amount(), e.disbursedOn(), e.obligationId(),
                    Recorded.first(e, version, eventId), null));
        } else if (event instanceof DisbursementReversed e) {
            Disbursement d = disbursements.get(e.disbursementId());
            disbursements.put(e.disbursementId(), new Disbursement(d.amount(), d.on(), d.obligationId(), d.recorded(),
                    new Step(e.amount(), e.reversedOn(), Recorded.first(e, version, eventId))));
        } else if (event instanceof FundsDeobligated e) {
            deobligations.put(e.deobligationId(), new Deobligation(e.obligationId(), e.amount(), e.deobligatedOn(),
                    Recorded.first(e, version, eventId)));
        } else if (event instanceof FactCorrected e && kinds().contains(e.factKind())) {
            correct(e.content());
        } else if (event instanceof FactRetracted e && kinds().contains(e.factKind())) {
            retract(e.factKind(), e.factId(), e.factType());
        }
    }

    private void correct(CommitmentEvent content) {
        if (content instanceof FundsPledged c) {
            Pledge p = pledges.get(c.pledgeId());
            pledges.put(c.pledgeId(), new Pledge(c.amount(), c.occurredOn(), p.recorded().corrected(c), p.revisions()));
        } else if (content instanceof PledgeRevised c) {
            Pledge p = pledges.get(c.pledgeId());
            Step latest = latest(p.revisions()).orElseThrow();
            pledges.put(c.pledgeId(), new Pledge(p.amount(), p.on(), p.recorded(), replace(p.revisions(), latest,
                    new Step(c.newAmount(), c.occurredOn(), latest.recorded().corrected(c)))));
        } else if (content instanceof FundsObligated c) {
            obligations.put(c.obligationId(), new Obligation(c.amount(), c.obligatedOn(),
                    obligations.get(c.obligationId()).recorded().corrected(c)));
        } else if (content instanceof FundsDisbursed c) {
            Disbursement d = disbursements.get(c.disbursementId());
            disbursements.put(c.disbursementId(), new Disbursement(c.amount(), c.disbursedOn(), c.obligationId(),
                    d.recorded().corrected(c), d.reversal()));
        } else if (content instanceof DisbursementReversed c) {
            Disbursement d = disbursements.get(c.disbursementId());
            disbursements.put(c.disbursementId(), new Disbursement(d.amount(), d.on(), d.obligationId(), d.recorded(),
                    new Step(c.amount(), c.reversedOn(), d.reversal().recorded().corrected(c))));
        } else if (content instanceof FundsDeobligated c) {
            deobligations.put(c.deobligationId(), new Deobligation(c.obligationId(), c.amount(), c.deobligatedOn(),
                    deobligations.get(c.deobligationId()).recorded().corrected(c)));
        }
    }

    private void retract(FactKind kind, String id, String factType) {
        switch (kind) {
            case PLEDGE -> {
                Pledge p = pledges.get(id);
                if ("PledgeRevised".equals(factType)) {
                    Step latest = latest(p.revisions()).orElseThrow();
                    pledges.put(id, new Pledge(p.amount(), p.on(), p.recorded(), replace(p.revisions(), latest,
                            new Step(latest.amount(), latest.on(), latest.recorded().retract()))));
                } else {
                    pledges.put(id, new Pledge(p.amount(), p.on(), p.recorded().retract(), p.revisions()));
                }
            }
            case OBLIGATION -> {
                Obligation o = obligations.get(id);
                obligations.put(id, new Obligation(o.amount(), o.on(), o.recorded().retract()));
            }
            case DISBURSEMENT -> {
                Disbursement d = disbursements.get(id);
                disbursements.put(id, new Disbursement(d.amount(), d.on(), d.obligationId(), d.recorded().retract(),
                        d.reversal()));
            }
            case REVERSAL -> {
                Disbursement d = disbursements.get(id);
                Step r = d.reversal();
                disbursements.put(id, new Disbursement(d.amount(), d.on(), d.obligationId(), d.recorded(),
                        new Step(r.amount(), r.on(), r.recorded().retract())));
            }
            case DEOBLIGATION -> {
                Deobligation d = deobligations.get(id);
                deobligations.put(id, new Deobligation(d.obligationId(), d.amount(), d.on(), d.recorded().retract()));
            }
            default -> throw new IllegalArgumentException("Funding keeps no " + kind.json() + ".");
        }
    }

    private static List<Step> append(List<Step> steps, Step step) {
        List<Step> next = new ArrayList<>(steps);
        next.add(step);
        return List.copyOf(next);
    }

    private static List<Step> replace(List<Step> steps, Step old, Step replacement) {
        List<Step> next = new ArrayList<>(steps);
        next.set(next.lastIndexOf(old), replacement);
        return List.copyOf(next);
    }

    @Override
    public Set<Class<? extends CommitmentEvent>> handledTypes() {
        return Set.of(FundsPledged.class, PledgeRevised.class, FundsObligated.class, FundsDisbursed.class,
                DisbursementReversed.class, FundsDeobligated.class, FactCorrected.class, FactRetracted.class);
    }

    @Override
    public Set<Class<? extends CommitmentEvent>> ignoredTypes() {
        return Set.of(org.commitmenttracker.events.commitment.CommitmentAnnounced.class,
                org.commitmenttracker.events.commitment.CommitmentRevised.class,
                org.commitmenttracker.events.commitment.CommitmentFulfilled.class,
                org.commitmenttracker.events.commitment.CommitmentWithdrawn.class,
                org.commitmenttracker.events.dialogue.DialogueScheduled.class,
                org.commitmenttracker.events.dialogue.DialogueRescheduled.class,
                org.commitmenttracker.events.dialogue.DialogueHeld.class,
                org.commitmenttracker.events.dialogue.DialogueCancelled.class,
                org.commitmenttracker.events.progress.MilestoneSet.class,
                org.commitmenttracker.events.progress.MilestoneAchieved.class,
                org.commitmenttracker.events.progress.IndicatorDefined.class,
                org.commitmenttracker.events.progress.ProgressMeasured.class,
                org.commitmenttracker.events.progress.AgreementSigned.class,
                org.commitmenttracker.events.progress.ProgressAssessed.class,
                org.commitmenttracker.events.progress.EvidenceAttached.class);
    }
}
