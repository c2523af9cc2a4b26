package org.commitmenttracker.query.commitment;

import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.events.correction.FactRetracted;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.value.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CorrectedHistoryTest {

    private static final String ID = "us-mx-2021-labor-cooperation";
    private static final LocalDate TODAY = LocalDate.of(2022, 5, 1);

    record Recorded(long version, CommitmentEvent event) {
        Recorded with(CommitmentEvent corrected) {
            return new Recorded(version, corrected);
        }
    }

    @Test
    void correctedDisbursementKeepsItsPlaceWithTheNewContent() {
        var typo = disbursed("d-1", "250000.00", LocalDate.of(2022, 3, 1));
        var right = disbursed("d-1", "2500000.00", LocalDate.of(2022, 3, 1));
        var stream = List.of(new Recorded(2, typo), new Recorded(3, disbursed("d-2", "10.00", TODAY)),
                new Recorded(4, new FactCorrected(ID, FactKind.DISBURSEMENT, "d-1", "FundsDisbursed", right,
                        "typo: 2.5M", TODAY)));

        assertThat(known(stream)).containsExactly(new Recorded(2, right), stream.get(1));
    }

    @Test
    void retractedDisbursementIsGoneButItsReversalStaysAsItWasRecorded() {
        var stream = List.of(new Recorded(2, disbursed("d-1", "80.00", TODAY)),
                new Recorded(3, new DisbursementReversed(ID, "d-1", usd("80.00"), "refund", TODAY, null, null)),
                new Recorded(4, new FactRetracted(ID, FactKind.DISBURSEMENT, "d-1", null, "entered twice", TODAY)));

        assertThat(known(stream)).containsExactly(stream.get(1));
    }

    @Test
    void retractingWhatOriginatedADialogueTakesItsLaterFactsWithIt() {
        var scheduled = new DialogueScheduled(ID, "hled", "HLED", LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30),
                null, LocalDate.of(2021, 6, 8));
        var held = new DialogueHeld(ID, "hled", LocalDate.of(2021, 9, 9), "Washington", List.of(), null);
        var other = new DialogueScheduled(ID, "other", "Other", TODAY, TODAY, null, TODAY);
        var stream = List.of(new Recorded(2, scheduled), new Recorded(3, held), new Recorded(4, other),
                new Recorded(5, new FactRetracted(ID, FactKind.DIALOGUE, "hled", "DialogueScheduled", "never planned",
                        TODAY)));

        assertThat(known(stream)).containsExactly(stream.get(2));
    }

    @Test
    void retractingAHeldDateLeavesTheDialogueScheduled() {
        var scheduled = new DialogueScheduled(ID, "hled", "HLED", LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30),
                null, LocalDate.of(2021, 6, 8));
        var held = new DialogueHeld(ID, "hled", LocalDate.of(2021, 9, 9), "Washington", List.of(), null);
        var stream = List.of(new Recorded(2, scheduled), new Recorded(3, held),
                new Recorded(4, new FactRetracted(ID, FactKind.DIALOGUE, "hled", "DialogueHeld", "not yet", TODAY)));

        assertThat(known(stream)).containsExactly(stream.get(0));
    }

    @Test
    void aSecondCorrectionCorrectsTheFirstCorrectionsContent() {
        var held = new DialogueHeld(ID, "hled", LocalDate.of(2021, 9, 8), "Washington", List.of(), null);
        var first = new DialogueHeld(ID, "hled", LocalDate.of(2021, 9, 10), "Washington", List.of(), null);
        var second = new DialogueHeld(ID, "hled", LocalDate.of(2021, 9, 9), "Washington", List.of(), null);
        var stream = List.of(new Recorded(3, held),
                new Recorded(4, new FactCorrected(ID, FactKind.DIALOGUE, "hled", "DialogueHeld", first, "typo", TODAY)),
                new Recorded(5, new FactCorrected(ID, FactKind.DIALOGUE, "hled", "DialogueHeld", second, "typo again",
                        TODAY)));

        assertThat(known(stream)).containsExactly(new Recorded(3, second));
    }

    @Test
    void aStreamWithoutCorrectionsIsKnownAsRecorded() {
        var stream = List.of(new Recorded(2, disbursed("d-1", "1.00", TODAY)));

        assertThat(known(stream)).isSameAs(stream);
    }

    private static List<Recorded> known(List<Recorded> stream) {
        return CorrectedHistory.of(stream, Recorded::event, Recorded::with);
    }

    private static FundsDisbursed disbursed(String id, String amount, LocalDate on) {
        return new FundsDisbursed(ID, id, usd(amount), on, "ILAB", null, null, null);
    }

    private static Money usd(String value) {
        return new Money(new BigDecimal(value), "USD");
    }
}
