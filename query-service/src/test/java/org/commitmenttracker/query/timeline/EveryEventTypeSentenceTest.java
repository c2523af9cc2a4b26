package org.commitmenttracker.query.timeline;

import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.query.EventSamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type has a sentence of its own in the timeline, in English and in Spanish, not the fallback "Recorded ...". */
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

    /** The Spanish sentence says the same facts in other words: the same amounts (in Spanish digits), dates and ids. */
    @ParameterizedTest
    @MethodSource("types")
    void eachEventTypeHasItsOwnSentenceInSpanish(Class<? extends CommitmentEvent> type) {
        CommitmentEvent event = EventSamples.of(type);
        String english = TimelineSentences.of(event, NO_NAMES);
        String spanish = TimelineSentences.of(event, NO_NAMES, TimelineSentences.Language.SPANISH);

        assertThat(spanish).isNotBlank().doesNotStartWith("Registrado ").isNotEqualTo(english);
        assertThat(numbersIn(spanish)).isEqualTo(numbersIn(english));
    }

    private static List<String> numbersIn(String sentence) {
        return java.util.regex.Pattern.compile("[0-9][0-9,.:-]*[0-9]").matcher(sentence).results()
                .map(number -> number.group().replaceAll("[,.]", "")).toList();
    }
}
