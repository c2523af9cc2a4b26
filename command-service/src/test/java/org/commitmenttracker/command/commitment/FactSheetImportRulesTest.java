package org.commitmenttracker.command.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.command.messaging.CommitmentCommand;
import org.commitmenttracker.command.progress.SignAgreement;
import org.commitmenttracker.events.progress.AgreementSigned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.commitmenttracker.command.commitment.CommitmentRefused.Reason.INVALID;
import static org.commitmenttracker.command.commitment.Examples.LABOR;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.TODAY;
import static org.commitmenttracker.command.commitment.Examples.VISIT;
import static org.commitmenttracker.command.commitment.Examples.announceLabor;
import static org.commitmenttracker.command.commitment.Examples.laborAnnounced;
import static org.commitmenttracker.command.commitment.Examples.laborPledged;
import static org.commitmenttracker.command.commitment.Examples.pledge;
import static org.commitmenttracker.command.commitment.Examples.pledgeLabor;
import static org.commitmenttracker.command.commitment.Examples.refused;
import static org.commitmenttracker.command.commitment.Examples.usd;

/** A commitment of a fact sheet is recorded with every fact the sheet states about it, or not at all. */
class FactSheetImportRulesTest {

    private static final String MOU = "labor-mou-2021";

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    private static ImportCommitment importLabor(CommitmentCommand... facts) {
        return new ImportCommitment(LABOR, announceLabor(), List.of(facts));
    }

    private static SignAgreement signMou() {
        return new SignAgreement(LABOR, MOU, "Memorandum of understanding on labor", VISIT, List.of("US", "MX"), TODAY);
    }

    @Test
    void importAnnouncesTheCommitmentWithItsStatedFacts() {
        fixture.givenNoPriorActivity()
                .when(importLabor(pledgeLabor()), OFFICER)
                .expectEvents(laborAnnounced(), laborPledged())
                .expectResultMessagePayload(2L);
    }

    @Test
    void oneRefusedFactRecordsNothingOfTheCommitment() {
        fixture.givenNoPriorActivity()
                .when(importLabor(pledgeLabor(), pledge("labor-2022-top-up", usd("0.00"))), OFFICER)
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void knownCommitmentTakesOnlyTheFactsItLacks() {
        fixture.given(laborAnnounced(), laborPledged())
                .when(importLabor(pledgeLabor(), signMou()), OFFICER)
                .expectEvents(new AgreementSigned(LABOR, MOU, "Memorandum of understanding on labor", VISIT,
                        List.of("US", "MX")))
                .expectResultMessagePayload(3L);
    }
}
