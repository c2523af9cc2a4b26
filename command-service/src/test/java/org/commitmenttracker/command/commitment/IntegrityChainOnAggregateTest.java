package org.commitmenttracker.command.commitment;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.commitmenttracker.command.messaging.ChainedIdentity;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.integrity.IntegrityChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.commitmenttracker.command.commitment.Examples.LABOR;
import static org.commitmenttracker.command.commitment.Examples.OFFICER;
import static org.commitmenttracker.command.commitment.Examples.VOUCHER;
import static org.commitmenttracker.command.commitment.Examples.byOfficer;
import static org.commitmenttracker.command.commitment.Examples.disburse;
import static org.commitmenttracker.command.commitment.Examples.disbursed;
import static org.commitmenttracker.command.commitment.Examples.laborAnnounced;
import static org.commitmenttracker.command.commitment.Examples.laborPledged;
import static org.commitmenttracker.command.commitment.Examples.pledgeLabor;
import static org.commitmenttracker.command.commitment.Examples.usd;

/**
 * The hash chain as the aggregate writes it (domain.md, docs/integrity.md): version 2, whose
 * hash covers the previous hash, the event's own id, commitment, version and recording instant,
 * the actor and the payload; the id and instant covered are those the event is stored with.
 */
class IntegrityChainOnAggregateTest {

    private static final String FIRST = "aa".repeat(32);
    private static final String SECOND = "ab".repeat(32);
    private static final FundsDisbursed DISBURSED = disbursed(VOUCHER, usd("1000000.00"));

    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    /** An announced and pledged commitment whose stored events carry these hashes. */
    private static List<EventMessage<?>> history() {
        return List.of(
                GenericEventMessage.asEventMessage(laborAnnounced()).andMetaData(MetaData.with("hash", FIRST)),
                GenericEventMessage.asEventMessage(laborPledged()).andMetaData(MetaData.with("hash", SECOND)));
    }

    @Test
    void hashCoversTheStoredIdentityTheActorAndThePayload() {
        EventMessage<?> event = recorded(fixture.given(history())
                .when(disburse(VOUCHER, usd("1000000.00")), OFFICER)
                .expectEvents(DISBURSED));

        MetaData link = event.getMetaData();
        assertThat(link.get("previousHash")).isEqualTo(SECOND);
        assertThat(link.get(IntegrityChain.VERSION_KEY)).isEqualTo(2);
        assertThat(link.get("hash")).isEqualTo(IntegrityChain.hashV2(SECOND,
                new IntegrityChain.Identity(event.getIdentifier(), LABOR, 3, event.getTimestamp()),
                IntegrityChain.Link.of(DISBURSED, "officer")));
        // the hand-over entries are gone: what is stored is what the hash covers
        assertThat(link).doesNotContainKeys(ChainedIdentity.EVENT_ID, ChainedIdentity.RECORDED_AT);
    }

    @Test
    void hashCoversTheActorWhoSentTheCommand() {
        EventMessage<?> event = recorded(fixture.given(history())
                .when(disburse(VOUCHER, usd("1000000.00")), MetaData.with(CommandContext.ACTOR, "second-officer"))
                .expectEvents(DISBURSED));

        IntegrityChain.Identity identity = new IntegrityChain.Identity(event.getIdentifier(), LABOR, 3,
                event.getTimestamp());
        assertThat(event.getMetaData().get("hash"))
                .isEqualTo(IntegrityChain.hashV2(SECOND, identity, IntegrityChain.Link.of(DISBURSED, "second-officer")))
                .isNotEqualTo(IntegrityChain.hashV2(SECOND, identity, IntegrityChain.Link.of(DISBURSED, "officer")));
    }

    @Test
    void harmlessRepeatAddsNoLink() {
        EventMessage<?> event = recorded(fixture.given(history())
                .andGivenCommands(List.of(byOfficer(pledgeLabor())))
                .when(disburse(VOUCHER, usd("1000000.00")), OFFICER)
                .expectEvents(DISBURSED));

        assertThat(event.getMetaData().get("previousHash")).isEqualTo(SECOND);
    }

    /** After a reload (or from a snapshot's predecessor) the chain goes on from the stored hash. */
    @Test
    void chainContinuesFromTheHashStoredWithTheLastEvent() {
        EventMessage<?> event = recorded(fixture.given(history())
                .when(disburse(VOUCHER, usd("1000000.00")), OFFICER)
                .expectEvents(DISBURSED));

        assertThat(event.getMetaData().get("previousHash")).isEqualTo(SECOND).isNotEqualTo(FIRST);
    }

    /**
     * The one event the command recorded, as the event bus stores it: the fixture records what
     * the aggregate applied, before the bus's interceptors, so the test applies the one that sets
     * the chosen identity (MessagingConfiguration registers it first on the real bus).
     */
    private static EventMessage<?> recorded(ResultValidator<Commitment> result) {
        List<EventMessage<?>> recorded = new ArrayList<>();
        result.expectEventsMatching(predicate((List<EventMessage<?>> events) -> {
            events.forEach(event -> recorded.add(ChainedIdentity.withChosenIdentity(event)));
            return true;
        }));
        assertThat(recorded).hasSize(1);
        return recorded.get(0);
    }
}
