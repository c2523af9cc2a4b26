package org.commitmenttracker.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.CONFLICT;
import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.INVALID;
import static org.commitmenttracker.command.commitment.Examples.LABOR;
import static org.commitmenttracker.command.commitment.Examples.LABOR_HISTORY_VERSION;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.TODAY;
import static org.commitmenttracker.command.commitment.Examples.VISIT;
import static org.commitmenttracker.command.commitment.Examples.laborFacts;
import static org.commitmenttracker.command.commitment.Examples.laborHistory;
import static org.commitmenttracker.command.commitment.Examples.refused;
import static org.hamcrest.Matchers.containsString;

/**
 * The two clocks of domain.md: a fact may be logged late but not ahead of time (one day of
 * slack for time zones west of UTC), and never before 1900; before the announcement is allowed.
 * Every command that states a fact is tried at each edge.
 */
class FactDatesTest {

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    static Stream<Named<Function<LocalDate, Object>>> everyFact() {
        return laborFacts().entrySet().stream().map(fact -> Named.of(fact.getKey(), fact.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFact")
    void factsCannotLieMoreThanADayAhead(Function<LocalDate, Object> fact) {
        fixture.given(history())
                .when(fact.apply(TODAY.plusDays(2)), OFFICER)
                .expectException(refused(INVALID))
                .expectExceptionMessage(containsString("2021-10-03 lies in the future"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFact")
    void factsMayLieOneDayAheadForTimeZonesWestOfUtc(Function<LocalDate, Object> fact) {
        fixture.given(history())
                .when(fact.apply(TODAY.plusDays(1)), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(LABOR_HISTORY_VERSION + 1);
    }

    /** An MoU signed the day before the visit: accepted (the reads flag it as before the announcement). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFact")
    void factsMayPrecedeTheAnnouncement(Function<LocalDate, Object> fact) {
        fixture.given(history())
                .when(fact.apply(VISIT.minusDays(1)), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(LABOR_HISTORY_VERSION + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFact")
    void factsBefore1900AreInvalid(Function<LocalDate, Object> fact) {
        fixture.given(history())
                .when(fact.apply(LocalDate.of(1899, 12, 31)), OFFICER)
                .expectException(refused(INVALID))
                .expectExceptionMessage(containsString("1899-12-31 is before 1900-01-01"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFact")
    void factsMayHappenOnTheDayOfTheAnnouncement(Function<LocalDate, Object> fact) {
        fixture.given(history())
                .when(fact.apply(VISIT), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(LABOR_HISTORY_VERSION + 1);
    }

    /** The labor history with every fact a week before the visit, so that any later fact may depend on them. */
    private static Object[] history() {
        LocalDate early = VISIT.minusDays(7);
        return laborHistory().stream()
                .map(event -> {
                    if (event instanceof FundsDisbursed d) {
                        return new FundsDisbursed(LABOR, d.disbursementId(), d.amount(), early, d.recipient(),
                                d.obligationId(), d.note(), null);
                    } else if (event instanceof FundsObligated o) {
                        return new FundsObligated(LABOR, o.obligationId(), o.amount(), early, o.implementingPartner(),
                                null);
                    } else if (event instanceof DialogueScheduled d) {
                        return new DialogueScheduled(LABOR, d.dialogueId(), d.name(), d.plannedFrom(), d.plannedTo(),
                                d.location(), early);
                    } else if (event instanceof MilestoneSet m) {
                        return new MilestoneSet(LABOR, m.milestoneId(), m.description(), m.dueBy(), early);
                    } else if (event instanceof IndicatorDefined i) {
                        return new IndicatorDefined(LABOR, i.indicatorId(), i.name(), i.unit(), i.baseline(),
                                i.target(), i.targetDate(), early);
                    }
                    return event;
                })
                .toArray();
    }
}
