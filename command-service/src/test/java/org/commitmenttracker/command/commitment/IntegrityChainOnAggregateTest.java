package org.commitmenttracker.command.commitment;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.integrity.IntegrityChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.VOUCHER;
import static org.commitmenttracker.command.commitment.Examples.announceLabor;
import static org.commitmenttracker.command.commitment.Examples.byOfficer;
import static org.commitmenttracker.command.commitment.Examples.disburse;
import static org.commitmenttracker.command.commitment.Examples.disbursed;
import static org.commitmenttracker.command.commitment.Examples.laborAnnounced;
import static org.commitmenttracker.command.commitment.Examples.laborPledged;
import static org.commitmenttracker.command.commitment.Examples.pledgeLabor;
import static org.commitmenttracker.command.commitment.Examples.usd;

/**
 * The hash chain as the aggregate writes it (domain.md): each event's {@code previousHash} is
 * the {@code hash} of the event before it, and the hash covers the actor and the payload.
 */
class IntegrityChainOnAggregateTest {

    private static final String FIRST = IntegrityChain.hash(IntegrityChain.GENESIS,
            IntegrityChain.Link.of(laborAnnounced(), "officer"));
    private static final String SECOND = IntegrityChain.hash(FIRST, IntegrityChain.Link.of(laborPledged(), "officer"));
    private static final FundsDisbursed DISBURSED = disbursed(VOUCHER, usd("1000000.00"));

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    @Test
    void eachEventLinksToTheHashOfThePreviousOne() {
        MetaData link = linkOf(fixture.givenCommands(List.of(byOfficer(announceLabor()), byOfficer(pledgeLabor())))
                .when(disburse(VOUCHER, usd("1000000.00")), OFFICER)
                .expectEvents(DISBURSED));

        assertThat(link.get("previousHash")).isEqualTo(SECOND);
        assertThat(link.get("hash")).isEqualTo(IntegrityChain.hash(SECOND, IntegrityChain.Link.of(DISBURSED, "officer")));
    }

    @Test
    void hashCoversTheActorWhoSentTheCommand() {
        MetaData link = linkOf(fixture.givenCommands(List.of(byOfficer(announceLabor()), byOfficer(pledgeLabor())))
                .when(disburse(VOUCHER, usd("1000000.00")), MetaData.with(CommandContext.ACTOR, "second-officer"))
                .expectEvents(DISBURSED));

        assertThat(link.get("hash"))
                .isEqualTo(IntegrityChain.hash(SECOND, IntegrityChain.Link.of(DISBURSED, "second-officer")))
                .isNotEqualTo(IntegrityChain.hash(SECOND, IntegrityChain.Link.of(DISBURSED, "officer")));
    }

    @Test
    void harmlessRepeatAddsNoLink() {
        MetaData link = linkOf(fixture.givenCommands(List.of(byOfficer(announceLabor()), byOfficer(pledgeLabor()),
                        byOfficer(pledgeLabor())))
                .when(disburse(VOUCHER, usd("1000000.00")), OFFICER)
                .expectEvents(DISBURSED));

        assertThat(link.get("previousHash")).isEqualTo(SECOND);
    }

    /** After a reload (or from a snapshot's predecessor) the chain goes on from the stored hash. */
    @Test
    void chainContinuesFromTheHashStoredWithTheLastEvent() {
        String stored = "ab".repeat(32);
        List<EventMessage<?>> history = List.of(
                GenericEventMessage.asEventMessage(laborAnnounced()).andMetaData(MetaData.with("hash", FIRST)),
                GenericEventMessage.asEventMessage(laborPledged()).andMetaData(MetaData.with("hash", stored)));

        MetaData link = linkOf(fixture.given(history)
                .when(disburse(VOUCHER, usd("1000000.00")), OFFICER)
                .expectEvents(DISBURSED));

        assertThat(link.get("previousHash")).isEqualTo(stored);
    }

    /** The metadata of the one event the command recorded. */
    private static MetaData linkOf(ResultValidator<Commitment> result) {
        List<MetaData> recorded = new ArrayList<>();
        result.expectEventsMatching(predicate((List<EventMessage<?>> events) -> {
            events.forEach(event -> recorded.add(event.getMetaData()));
            return true;
        }));
        assertThat(recorded).hasSize(1);
        return recorded.get(0);
    }
}
