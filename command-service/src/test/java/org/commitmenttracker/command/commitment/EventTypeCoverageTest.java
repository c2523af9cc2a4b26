package org.commitmenttracker.command.commitment;

import org.commitmenttracker.command.dialogue.Dialogues;
import org.commitmenttracker.command.funding.Funding;
import org.commitmenttracker.command.progress.Progress;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventTypes;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type is either handled or ignored on purpose by each state the aggregate keeps,
 * so that a new event cannot be forgotten silently: adding one to {@link EventTypes#ALL} fails
 * here until each state says what it does with it.
 */
class EventTypeCoverageTest {

    static Stream<Named<FactState>> featureStates() {
        return Stream.of(Named.of("Funding", new Funding()), Named.of("Dialogues", new Dialogues()),
                Named.of("Progress", new Progress()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("featureStates")
    void eachFeatureStateHandlesOrIgnoresEveryEventType(FactState state) {
        assertThat(state.handledTypes()).doesNotContainAnyElementsOf(state.ignoredTypes());
        Set<Class<? extends CommitmentEvent>> named = new HashSet<>(state.handledTypes());
        named.addAll(state.ignoredTypes());

        assertThat(named).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }

    @Test
    void theAggregateHandlesOrIgnoresEveryEventType() {
        assertThat(Commitment.handledTypes()).doesNotContainAnyElementsOf(Commitment.ignoredTypes());
        Set<Class<? extends CommitmentEvent>> named = new HashSet<>(Commitment.handledTypes());
        named.addAll(Commitment.ignoredTypes());

        assertThat(named).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }

    @Test
    void everyEventTypeChangesSomeState() {
        Set<Class<? extends CommitmentEvent>> handled = new HashSet<>(Commitment.handledTypes());
        featureStates().forEach(state -> handled.addAll(state.getPayload().handledTypes()));

        assertThat(handled).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }
}
