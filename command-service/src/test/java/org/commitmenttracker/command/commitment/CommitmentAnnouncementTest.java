package org.commitmenttracker.command.commitment;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.commitmenttracker.command.messaging.ChainedIdentity;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.integrity.IntegrityChain;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommitmentAnnouncementTest {

    static final String ID = "us-mx-2021-hled";
    static final LocalDate VISIT = LocalDate.of(2021, 6, 8);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final MetaData OFFICER = MetaData.with(CommandContext.ACTOR, "officer");

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    static CommitmentAnnounced announced() {
        return new CommitmentAnnounced(ID, "High-Level Economic Dialogue", "Hold a HLED in September.",
                Category.ECONOMIC_DIALOGUE, List.of("US", "MX"), List.of("Department of State"), VISIT,
                new Source("Vice President Harris Visit", null, LocalDate.of(2021, 6, 15)), LocalDate.of(2021, 9, 30));
    }

    static AnnounceCommitment announce(LocalDate announcedOn, LocalDate dueBy) {
        CommitmentAnnounced e = announced();
        return new AnnounceCommitment(ID, e.title(), e.summary(), e.category(), e.parties(), e.leadAgencies(),
                announcedOn, e.source(), dueBy, TODAY);
    }

    @Test
    void canAnnounceACommitment() {
        fixture.givenNoPriorActivity()
                .when(announce(VISIT, LocalDate.of(2021, 9, 30)), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectEvents(announced())
                .expectResultMessagePayload(1L);
    }

    @Test
    void announcementStartsTheIntegrityChain() {
        fixture.givenNoPriorActivity()
                .when(announce(VISIT, LocalDate.of(2021, 9, 30)), OFFICER)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.predicate(applied -> {
                            // as stored: with the id and instant the chain covers (ChainedIdentity)
                            var event = ChainedIdentity.withChosenIdentity(applied);
                            String expected = IntegrityChain.hashV2(IntegrityChain.GENESIS,
                                    new IntegrityChain.Identity(event.getIdentifier(), ID, 1, event.getTimestamp()),
                                    IntegrityChain.Link.of(announced(), "officer"));
                            return IntegrityChain.GENESIS.equals(event.getMetaData().get("previousHash"))
                                    && expected.equals(event.getMetaData().get("hash"));
                        })));
    }

    @Test
    void cannotAnnounceAnExistingCommitment() {
        fixture.given(announced())
                .when(announce(VISIT, null), OFFICER)
                .expectException(CommitmentRefused.class)
                .expectExceptionMessage("Commitment 'us-mx-2021-hled' already exists.")
                .expectNoEvents();
    }

    @Test
    void cannotAnnounceMoreThanOneDayAhead() {
        fixture.givenNoPriorActivity()
                .when(announce(TODAY.plusDays(2), null), OFFICER)
                .expectException(CommitmentRefused.class)
                .expectNoEvents();
    }

    @Test
    void canAnnounceOneDayAheadForTimeZonesWestOfUtc() {
        fixture.givenNoPriorActivity()
                .when(announce(TODAY.plusDays(1), null), OFFICER)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotBeDueBeforeItWasAnnounced() {
        fixture.givenNoPriorActivity()
                .when(announce(VISIT, VISIT.minusDays(1)), OFFICER)
                .expectException(CommitmentRefused.class)
                .expectNoEvents();
    }

    @Test
    void commandNamingAnotherVersionIsRefused() {
        fixture.given(announced())
                .when(announce(VISIT, null), OFFICER.and(CommandContext.EXPECTED_VERSION, 3L))
                .expectException(CommitmentRefused.class)
                .expectExceptionMessage("The commitment is at version 1, not 3.")
                .expectNoEvents();
        assertThat(CommitmentRefused.Reason.VERSION_MISMATCH).isNotNull();
    }
}
