package org.commitmenttracker.query.timeline;

import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.query.EventSamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type has a sentence of its own in the timeline, not the fallback "Recorded ...". */
class EveryEventTypeSentenceTest {

    private static final TimelineSentences.Names NO_NAMES = new TimelineSentences.Names() {
        @Override
        public String dialogue(String dialogueId) {
            return null;
        }

        @Override
        public String milestone(String milestoneId) {
            return null;
        }

        @Override
        public String indicator(String indicatorId) {
            return null;
        }

        @Override
        public String indicatorUnit(String indicatorId) {
            return null;
        }
    };

    static List<Class<? extends CommitmentEvent>> types() {
        return EventTypes.ALL;
    }

    @ParameterizedTest
    @MethodSource("types")
    void eachEventTypeHasItsOwnSentence(Class<? extends CommitmentEvent> type) {
        String sentence = TimelineSentences.of(EventSamples.of(type), NO_NAMES);

        assertThat(sentence).isNotBlank().doesNotStartWith("Recorded ");
    }
}
