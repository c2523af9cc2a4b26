package org.commitmenttracker.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.command.messaging.CommandContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.VERSION_MISMATCH;
import static org.commitmenttracker.command.commitment.Examples.LABOR_HISTORY_VERSION;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.announceLabor;
import static org.commitmenttracker.command.commitment.Examples.byOfficer;
import static org.commitmenttracker.command.commitment.Examples.disburse;
import static org.commitmenttracker.command.commitment.Examples.laborHistory;
import static org.commitmenttracker.command.commitment.Examples.obligate;
import static org.commitmenttracker.command.commitment.Examples.pledgeLabor;
import static org.commitmenttracker.command.commitment.Examples.refused;
import static org.commitmenttracker.command.commitment.Examples.usd;

/** Handlers answer the commitment's version (its number of events); If-Match names the version expected. */
class VersionAndIfMatchTest {

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    @Test
    void handlerAnswersTheNumberOfEventsInTheStream() {
        fixture.given(laborHistory())
                .when(disburse("voucher-2021-0002", usd("500000.00")), OFFICER)
                .expectResultMessagePayload(LABOR_HISTORY_VERSION + 1);
    }

    @Test
    void versionCountsEveryEventRecordedBefore() {
        fixture.givenCommands(List.of(byOfficer(announceLabor()), byOfficer(pledgeLabor())))
                .when(disburse("voucher-2021-0002", usd("500000.00")), OFFICER)
                .expectResultMessagePayload(3L);
    }

    @Test
    void commandNamingTheCurrentVersionIsAccepted() {
        fixture.given(laborHistory())
                .when(disburse("voucher-2021-0002", usd("500000.00")), expecting(LABOR_HISTORY_VERSION))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(LABOR_HISTORY_VERSION + 1);
    }

    @Test
    void commandNamingAnOlderVersionIsRefused() {
        fixture.given(laborHistory())
                .when(disburse("voucher-2021-0002", usd("500000.00")), expecting(LABOR_HISTORY_VERSION - 1))
                .expectException(refused(VERSION_MISMATCH))
                .expectExceptionMessage("The commitment is at version 7, not 6.")
                .expectNoEvents();
    }

    @Test
    void commandNamingALaterVersionIsRefused() {
        fixture.given(laborHistory())
                .when(disburse("voucher-2021-0002", usd("500000.00")), expecting(LABOR_HISTORY_VERSION + 1))
                .expectException(refused(VERSION_MISMATCH))
                .expectNoEvents();
    }

    /** Whoever works on an old version learns that first: the rules may judge the new one differently. */
    @Test
    void staleVersionIsReportedBeforeAnyRule() {
        fixture.given(laborHistory())
                .when(obligate("dol-ilab-2021-002", usd("999999999.00")), expecting(1L))
                .expectException(refused(VERSION_MISMATCH))
                .expectNoEvents();
    }

    private static java.util.Map<String, Object> expecting(long version) {
        return OFFICER.and(CommandContext.EXPECTED_VERSION, version);
    }
}
