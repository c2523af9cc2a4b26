package org.commitmenttracker.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.command.dialogue.ScheduleDialogue;
import org.commitmenttracker.command.funding.DisburseFunds;
import org.commitmenttracker.command.funding.ObligateFunds;
import org.commitmenttracker.command.funding.PledgeFunds;
import org.commitmenttracker.command.progress.AttachEvidence;
import org.commitmenttracker.command.progress.DefineIndicator;
import org.commitmenttracker.command.progress.MeasureProgress;
import org.commitmenttracker.command.progress.SetMilestone;
import org.commitmenttracker.command.progress.SignAgreement;
import org.commitmenttracker.command.messaging.Repeat;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.CONFLICT;
import static org.commitmenttracker.command.commitment.Examples.AWARD;
import static org.commitmenttracker.command.commitment.Examples.DISBURSED_ON;
import static org.commitmenttracker.command.commitment.Examples.FUNDING_SOURCE;
import static org.commitmenttracker.command.commitment.Examples.ILO;
import static org.commitmenttracker.command.commitment.Examples.INDICATOR;
import static org.commitmenttracker.command.commitment.Examples.LABOR;
import static org.commitmenttracker.command.commitment.Examples.LABOR_HISTORY_VERSION;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.TODAY;
import static org.commitmenttracker.command.commitment.Examples.VOUCHER;
import static org.commitmenttracker.command.commitment.Examples.byOfficer;
import static org.commitmenttracker.command.commitment.Examples.laborFacts;
import static org.commitmenttracker.command.commitment.Examples.laborHistory;
import static org.commitmenttracker.command.commitment.Examples.refused;
import static org.commitmenttracker.command.commitment.Examples.usd;
import static org.hamcrest.Matchers.endsWith;

/**
 * A child id is the caller's idempotency key (domain.md): sent again with the same content it
 * is a harmless repeat (no new event, and the answer of its first request: the version it
 * produced and its event's id); with other content it is a conflict.
 */
class ChildIdRepeatTest {

    private static final LocalDate ON = LocalDate.of(2021, 9, 15);

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    /** Each command that names a new child, and the same id sent with one field changed. */
    static Stream<Arguments> childCommands() {
        return Stream.of(
                Arguments.of(first("ScheduleDialogue"), new ScheduleDialogue(LABOR, "labor-working-group-2",
                        "Labor Working Group, second meeting", LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 2),
                        "Mexico City", ON, TODAY)),
                Arguments.of(first("PledgeFunds"), new PledgeFunds(LABOR, "labor-2022-top-up", usd("11000000.00"),
                        LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), FUNDING_SOURCE, ON, null, TODAY)),
                Arguments.of(first("ObligateFunds"), new ObligateFunds(LABOR, "dol-ilab-2021-002",
                        usd("2000000.00"), ON, ILO, null, TODAY)),
                Arguments.of(first("DisburseFunds"), new DisburseFunds(LABOR, "voucher-2021-0002",
                        usd("500000.01"), ON, ILO, AWARD, null, null, TODAY)),
                Arguments.of(first("SetMilestone"), new SetMilestone(LABOR, "labor-courts-opened",
                        "Open the new labor courts", LocalDate.of(2023, 12, 31), ON, TODAY)),
                Arguments.of(first("DefineIndicator"), new DefineIndicator(LABOR, "union-votes-observed",
                        "Union votes observed", "votes", BigDecimal.ZERO, new BigDecimal("600"), null, ON, TODAY)),
                Arguments.of(first("MeasureProgress"), new MeasureProgress(LABOR, INDICATOR,
                        "workers-trained-2021-q3", new BigDecimal("1300"), ON, "ILAB quarterly report", TODAY)),
                Arguments.of(first("SignAgreement"), new SignAgreement(LABOR, "labor-mou-2021",
                        "Memorandum of understanding on labor cooperation", ON, List.of("US"), TODAY)),
                Arguments.of(first("AttachEvidence"), new AttachEvidence(LABOR, "ilab-press-release",
                        "ILAB announces labor cooperation awards", "https://www.dol.gov/agencies/ilab", null, ON,
                        TODAY)));
    }

    private static Named<Object> first(String command) {
        return Named.of(command, laborFacts().get(command).apply(ON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("childCommands")
    void repeatedChildIdWithSameContentRecordsNothing(Object command, Object ignored) {
        fixture.given(laborHistory())
                .andGivenCommands(List.of(byOfficer(command)))
                .when(command, OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(firstAnswer(LABOR_HISTORY_VERSION + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("childCommands")
    void repeatedChildIdWithOtherContentIsAConflict(Object command, Object otherContent) {
        fixture.given(laborHistory())
                .andGivenCommands(List.of(byOfficer(command)))
                .when(otherContent, OFFICER)
                .expectException(refused(CONFLICT))
                .expectExceptionMessage(endsWith("already exists with other content."))
                .expectNoEvents();
    }

    /** The commands whose fact date may be left out, meaning "today". */
    static Stream<Named<Function<LocalDate, Object>>> childCommandsDatedToday() {
        return Stream.of(
                Named.of("ScheduleDialogue", today -> new ScheduleDialogue(LABOR, "labor-working-group-2",
                        "Labor Working Group, second meeting", LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 2),
                        null, null, today)),
                Named.of("PledgeFunds", today -> new PledgeFunds(LABOR, "labor-2022-top-up", usd("10000000.00"),
                        LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), FUNDING_SOURCE, null, null, today)),
                Named.of("SetMilestone", today -> new SetMilestone(LABOR, "labor-courts-opened",
                        "Open the new labor courts", LocalDate.of(2023, 6, 30), null, today)),
                Named.of("DefineIndicator", today -> new DefineIndicator(LABOR, "union-votes-observed",
                        "Union votes observed", "votes", BigDecimal.ZERO, new BigDecimal("500"), null, null, today)));
    }

    /** A client retrying the same request the next day has sent the same content. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("childCommandsDatedToday")
    void repeatOnALaterDayWithoutAFactDateRecordsNothing(Function<LocalDate, Object> command) {
        fixture.given(laborHistory())
                .andGivenCommands(List.of(byOfficer(command.apply(TODAY))))
                .when(command.apply(TODAY.plusDays(1)), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(firstAnswer(LABOR_HISTORY_VERSION + 1));
    }

    /** Its first request recorded the fourth event of the history: the repeat answers that version. */
    @Test
    void repeatOfADisbursementFromTheHistoryAnswersAsItsFirstRequest() {
        fixture.given(laborHistory())
                .when(new DisburseFunds(LABOR, VOUCHER, usd("1000000.00"), DISBURSED_ON, ILO, AWARD, null, null, TODAY),
                        OFFICER)
                .expectNoEvents()
                .expectResultMessagePayloadMatching(firstAnswer(4));
    }

    @Test
    void repeatingAReversedDisbursementDoesNotDisburseAgain() {
        fixture.given(with(new DisbursementReversed(LABOR, VOUCHER, usd("1000000.00"), "Paid twice", TODAY, null, null)))
                .when(new DisburseFunds(LABOR, VOUCHER, usd("1000000.00"), DISBURSED_ON, ILO, AWARD, null, null, TODAY),
                        OFFICER)
                .expectNoEvents()
                .expectResultMessagePayloadMatching(firstAnswer(4));
    }

    @Test
    void repeatAfterClosingIsStillHarmless() {
        fixture.given(with(new CommitmentWithdrawn(LABOR, TODAY, "Programme ended.")))
                .when(new DisburseFunds(LABOR, VOUCHER, usd("1000000.00"), DISBURSED_ON, ILO, AWARD, null, null, TODAY),
                        OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** The answer of the first request: the version it produced and the id of the event it recorded. */
    private static Matcher<Object> firstAnswer(long version) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object answer) {
                return answer instanceof Repeat repeat && repeat.version() == version && repeat.eventId() != null;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the first answer: version " + version + " with its event id");
            }
        };
    }

    private static List<Object> with(Object event) {
        List<Object> history = new ArrayList<>(laborHistory());
        history.add(event);
        return history;
    }
}
