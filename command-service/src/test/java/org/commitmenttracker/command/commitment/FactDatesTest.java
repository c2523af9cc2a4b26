package org.commitmenttracker.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.events.funding.FundsDisbursed;
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
 * slack for time zones west of UTC), and never before the announcement. Every command that
 * states a fact is tried at each edge.
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFact")
    void factsCannotPrecedeTheAnnouncement(Function<LocalDate, Object> fact) {
        fixture.given(history())
                .when(fact.apply(VISIT.minusDays(1)), OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(containsString("2021-06-07 is before the announcement on 2021-06-08"))
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

    /** The labor history with its disbursement made on the visit day, so that a reversal may be too. */
    private static Object[] history() {
        return laborHistory().stream()
                .map(event -> event instanceof FundsDisbursed d
                        ? new FundsDisbursed(LABOR, d.disbursementId(), d.amount(), VISIT, d.recipient(),
                        d.obligationId(), d.note())
                        : event)
                .toArray();
    }
}
